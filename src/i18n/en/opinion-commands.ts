import type { opinionCommandsZh } from '../zh-CN/opinion-commands.js';

export const opinionCommandsEn: typeof opinionCommandsZh = {
  file: {
    usage: 'file <text> [#community] [#category]',
    description: 'report a problem or suggestion (without text you are guided step by step)',
    examples: ['file the street light at block 3 has been out for a week'],
  },
  fileAnyway: {
    usage: 'file-anyway',
    description: 'file your last text on its own although a similar opinion exists',
    examples: ['file-anyway'],
  },
  plusOne: { usage: '+1 <number>', description: 'add your +1 to an existing opinion', examples: ['+1 MY-2026-000123'] },
  mine: { usage: 'mine', description: 'your opinions and their progress', examples: ['mine'] },
  progress: {
    usage: 'progress <number>',
    description: 'the progress of one opinion',
    examples: ['progress MY-2026-000123', 'progress 123'],
  },
  accept: {
    usage: 'accept <number>',
    description: 'accept an opinion (staff or the member on duty); the handler starts work with it',
    examples: ['accept MY-2026-000123'],
  },
  grade: {
    usage: 'grade <number> simple|general|complex',
    description: 'grade an opinion, which sets its time limit',
    examples: ['grade MY-2026-000123 general'],
  },
  assign: {
    usage: 'assign <number> @member',
    description: 'give an opinion to a member to handle',
    examples: ['assign MY-2026-000123 @zhangsan'],
  },
  resolve: {
    usage: 'resolve <number> <result>',
    description: 'record the result and resolve (asks to confirm)',
    examples: ['resolve MY-2026-000123 the light was replaced'],
  },
  resolveOnSpot: {
    usage: 'resolve-now <number> <result>',
    description: 'resolve an opinion solved on the spot at reception',
    examples: ['resolve-now MY-2026-000123 explained the policy'],
  },
  escalate: {
    usage: 'escalate <number>',
    description: 'turn a complex matter into a consultation topic',
    examples: ['escalate MY-2026-000123'],
  },
  decline: {
    usage: 'decline <number> <reason>',
    description: 'decline an out-of-scope opinion with a reason (asks to confirm)',
    examples: ['decline MY-2026-000123 this is a court matter'],
  },
  reclassify: {
    usage: 'reclassify <number> community|category <name>',
    description: "correct an opinion's community or category (staff; recorded in its history)",
    examples: ['reclassify MY-2026-000123 community 东门社区', 'reclassify 123 category 环境卫生'],
  },
  merge: {
    usage: 'merge <number> <target number>',
    description: 'merge a duplicate into another opinion (asks to confirm)',
    examples: ['merge MY-2026-000124 MY-2026-000123'],
  },
  rate: {
    usage: 'rate <number> 满意|基本满意|不满意 [reason]',
    description: 'rate the result, with a reason if you like (the handler reads it)',
    examples: ['rate MY-2026-000123 满意', 'rate MY-2026-000123 基本满意 地砖换了但颜色不一样'],
  },
  reopen: {
    usage: 'reopen <number> <reason>',
    description: 'send a resolved opinion back within 7 days (filer or staff); an archived one only staff can reopen',
    examples: ['reopen MY-2026-000123 又松了'],
  },
  contact: {
    usage: 'contact <number>',
    description: 'the filer’s contact, for the handler and staff (recorded)',
    examples: ['contact MY-2026-000123'],
  },
  queue: { usage: 'todo', description: 'opinions waiting for you', examples: ['todo'] },
  overdue: { usage: 'overdue', description: 'opinions past their time limit', examples: ['overdue'] },
  dialogue: {
    askContent: 'What happened? (one message, up to 2000 characters):',
    askCommunity: 'Which community is it in? Reply with its number:',
    askReopenReason: 'Why should it be reopened? (The handler reads it.) E.g. 又松了.',
    notSure: 'Not sure / other',
    confirm: (content: string, community: string) =>
      `Please confirm:\nText: ${content}\nCommunity: ${community}\nReply 确认 to file it, 取消 to drop it.`,
  },
};
