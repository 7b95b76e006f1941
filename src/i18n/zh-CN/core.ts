/** 通用语句：帮助、拒绝、出错、限流。 */
export const coreZh = {
  roles: { resident: '居民', guest: '访客', member: '委员', staff: '工作人员', admin: '管理员' } as Record<string, string>,
  apology: '抱歉，系统暂时出了点问题，请稍后再试。如果一直不行，请联系政协办公室。',
  unknownCommand: (word: string, suggestion: string | undefined) =>
    suggestion ? `没有“${word}”这个命令。您是不是想用“${suggestion}”？发送“帮助”可查看全部命令。` : `没有“${word}”这个命令。发送“帮助”可查看全部命令。`,
  notAllowed: (command: string, role: string) => `“${command}”需要${role}及以上身份才能使用。如需办理，请联系政协办公室工作人员。`,
  missingArgument: (command: string, usage: string) => `“${command}”还缺少内容。用法：${usage}`,
  invalidChoice: (value: string, choices: string) => `“${value}”不是有效的选项，请从以下选项中选择：${choices}`,
  rateLimited: (seconds: number) => `您发送得有点快，请${seconds}秒后再试。刚才的内容没有丢失，重新发送即可。`,
  help: {
    title: '议事助手可以帮您：',
    line: (name: string, description: string) => `· ${name} — ${description}`,
    footer: '发送“帮助 命令名”查看用法和示例，例如：帮助 反映',
    detail: (name: string, description: string, usage: string, aliases: string, examples: string) =>
      `【${name}】${description}\n用法：${usage}${aliases ? `\n也可以说：${aliases}` : ''}${examples ? `\n示例：\n${examples}` : ''}`,
    unknownTopic: (word: string) => `没有找到“${word}”这个命令。发送“帮助”可查看全部命令。`,
  },
};
