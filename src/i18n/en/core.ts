import type { coreZh } from '../zh-CN/core.js';

export const coreEn: typeof coreZh = {
  roles: { resident: 'resident', guest: 'guest', member: 'member', staff: 'staff', admin: 'admin' },
  apology: 'Sorry, something went wrong on our side. Please try again later, or contact the committee office.',
  unknownCommand: (word, suggestion) =>
    suggestion ? `There is no command “${word}”. Did you mean “${suggestion}”? Send “help” to see all commands.` : `There is no command “${word}”. Send “help” to see all commands.`,
  notAllowed: (command, role) => `“${command}” may be used by a ${role} or above. Please contact the committee office.`,
  missingArgument: (command, usage) => `“${command}” needs more. Usage: ${usage}`,
  invalidChoice: (value, choices) => `“${value}” is not a valid choice. Choose one of: ${choices}`,
  rateLimited: (seconds) => `You are sending quickly; please try again in ${seconds} s. Nothing was lost; just send it again.`,
  help: {
    title: 'Yishi can help you with:',
    line: (name, description) => `· ${name} — ${description}`,
    footer: 'Send “help <command>” for usage and examples, e.g. help file',
    detail: (name, description, usage, aliases, examples) =>
      `[${name}] ${description}\nUsage: ${usage}${aliases ? `\nAlso: ${aliases}` : ''}${examples ? `\nExamples:\n${examples}` : ''}`,
    unknownTopic: (word) => `No command “${word}”. Send “help” to see all commands.`,
  },
};
