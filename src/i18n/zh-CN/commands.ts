/** 每个命令的用法、说明和示例（帮助由此生成）。 */
export const commandsZh = {
  help: { usage: '帮助 [命令]', description: '查看可用的命令，或某个命令的用法', examples: ['帮助', '帮助 反映'] },
};
