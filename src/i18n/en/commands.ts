import type { commandsZh } from '../zh-CN/commands.js';

export const commandsEn: typeof commandsZh = {
  help: { usage: 'help [command]', description: 'list the commands you may use, or one command’s usage', examples: ['help', 'help file'] },
};
