import type { coreZh } from '../zh-CN/core.js';

export const coreEn: typeof coreZh = {
  roles: { resident: 'resident', guest: 'guest', member: 'member', staff: 'staff', admin: 'admin' },
  botNames: ['议事助手', '议事', 'Yishi'],
  words: {
    confirm: ['confirm', 'yes', '确认', '是', '确定'],
    cancel: ['no', 'n', 'cancel', 'quit', '取消', '算了', '不', '否', '退出'],
    leave: ['cancel', 'quit', '取消', '退出', '算了'],
  },
  /** 用来反映问题的命令词（单聊里说了一句话时，提示对方可以这样反映）。 */
  fileCommandWord: '反映',
  apology: 'Sorry, something went wrong on our side. Please try again later, or contact the committee office.',
  unknownCommand: (word, suggestion) =>
    suggestion
      ? `There is no command “${word}”. Did you mean “${suggestion}”? Send “help” to see all commands.`
      : `There is no command “${word}”. Send “help” to see all commands.`,
  notACommand: (line, fileWord) =>
    fileWord
      ? `Hello, this is Yishi. To report this, send:\n${fileWord} ${line}\nSend “help” to see everything I can do.`
      : 'Hello, this is Yishi. I did not understand that. Send “help” to see everything I can do.',
  ambiguousJoin: (first, rest, other) =>
    `Did you mean “${first} ${rest}”, or the command “${other}”? Please put a space after the command and send it again.`,
  notAllowed: (command, roles) => `“${command}” may be used only by ${roles}. Please contact the committee office.`,
  roleList: (names) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`),
  guestHint: 'If you are a committee member, please ask the office to register you.',
  missingArgument: (command, usage) => `“${command}” needs more. Usage: ${usage}`,
  invalidChoice: (value, choices) => `“${value}” is not a valid choice. Choose one of: ${choices}`,
  invalidDate: (value) => `I could not read the date “${value}”. Try: today, 明天, 下周三, 3月5日, 2026-03-05.`,
  invalidTime: (value) => `I could not read the time “${value}”. Try: 下午3点, 15:30.`,
  invalidOpinionNumber: (value) => `“${value}” is not an opinion number. Numbers look like MY-2026-000123; 123 also works.`,
  memberNotFound: (name) => `No member named “${name}”. Check the name, or @-mention them.`,
  memberAmbiguous: (name, count) => `${count} members are named “${name}”. Please @-mention the one you mean.`,
  rateLimited: (seconds) => `You are sending quickly; please try again in ${seconds} s. Nothing was lost; just send it again.`,
  help: {
    title: 'Yishi can help you with:',
    line: (name, description) => `· ${name} — ${description}`,
    footer: 'Send “help <command>” for usage and examples, e.g. help 反映',
    detail: (name, description, usage, aliases, examples) =>
      `[${name}] ${description}\nUsage: ${usage}${aliases ? `\nAlso: ${aliases}` : ''}${examples ? `\nExamples:\n${examples}` : ''}`,
    unknownTopic: (word) => `No command “${word}”. Send “help” to see all commands.`,
    notForYou: (name, roles) => `“${name}” may be used only by ${roles}, so its usage is not shown.`,
  },
  confirm: {
    preview: (change, told) =>
      `${change}\n${told.length > 0 ? `Will be told: ${told.join(', ')}.` : 'Nobody else is told; it is recorded.'}`,
    ask: (word) => `Reply “${word}” to go ahead or “cancel” to drop it (valid for 5 minutes).`,
    notConfirmed: (typed, command, word) => `“${typed}” is not a confirmation; “${command}” has not run. Reply “${word}” or “cancel”.`,
    replaced: (command) => `“${command}” was not confirmed and has been dropped; nothing was changed.`,
    cancelled: 'Cancelled; nothing was changed.',
    expired: (command) => `“${command}” was not confirmed within 5 minutes and has been dropped. Send it again if you still need it.`,
    nothingPending: 'Nothing is waiting for your confirmation.',
    nothingToCancel: 'Nothing is in progress, so there is nothing to cancel.',
  },
  dialogue: {
    cancelHint: '(reply “cancel” to leave at any time)',
    choiceLine: (index, label) => `${index}. ${label}`,
    choiceHint: 'Reply with the number or the name.',
    noChoices: 'Sorry, there is nothing to choose from right now. Please contact the committee office.',
    badChoice: (value) => `“${value}” is not in the list. Reply with a number or a name from the list.`,
    emptyAnswer: 'Please reply with the content.',
    cancelled: (command) => `Left “${command}”; nothing was saved.`,
    expired: (command) => `Our conversation about “${command}” timed out and nothing was saved. Send “${command}” to start again.`,
  },
  console: {
    title: 'Yishi · console chat',
    connecting: (url) => `Connecting to ${url} …`,
    noToken: 'No admin token: set ADMIN_TOKEN, or run npm run dev first (it writes .data/admin-token).',
    unreachable: (url, reason) => `Cannot reach Yishi at ${url}: ${reason}. Run npm run dev first.`,
    chooseWho: 'Who are you? (type a number)',
    person: (index, name, role, sector) => `${index}. ${name} (${role}${sector ? `, ${sector}` : ''})`,
    asKfResident: (index) => `${index}. a resident on 微信客服 (scan a community's QR code, then talk in plain words)`,
    asResident: (index) => `${index}. a resident using commands (then type a name)`,
    asGuest: (index) => `${index}. a guest (unregistered colleague)`,
    askResidentName: 'Your name (e.g. 王阿姨): ',
    badChoice: 'No such number; please try again.',
    unknownPerson: (name, names) =>
      `No member is called "${name}". Names you can use: ${names.join(', ') || '(no members yet)'}; a resident on 微信客服 is kf:name (e.g. --as kf:Wang --scan 青石社区), a resident using commands resident:name.`,
    youAre: (name, role) =>
      `You are now ${name} (${role}). Type a message; .group <name> to enter a group chat, .help for more, .who to switch, .quit to leave.`,
    chooseScan: "Which community's QR code do you scan? (type a number)",
    scanLine: (index, name) => `${index}. ${name}`,
    noScan: '0. none, open the residents’ account directly',
    unknownCommunity: (name, names) => `No community is called "${name}". Communities: ${names.join(', ') || '(none yet)'}.`,
    scanned: (name, community) =>
      `${name}${community ? ` scanned ${community}'s QR code and` : ''} opened the residents' account (微信客服). What you see below is what the resident receives. Talk in plain words; .who to switch, .quit to leave.`,
    groupEntered: (group) =>
      `You are in the group chat "${group}". Yishi answers only when @-mentioned; .group to go back to the direct chat.`,
    groupLeft: 'Back in the direct chat with Yishi.',
    promptGroup: (group) => `you@group:${group}> `,
    botInGroup: (group) => `yishi (group ${group})> `,
    groupNotice: (group) => `[group ${group}] `,
    notMentioned: '(Yishi was not @-mentioned, so it does not answer in the group.)',
    noGroupForResident:
      'A resident on 微信客服 talks to Yishi one to one; there are no group chats. Use .who to become a member or staff first.',
    help: [
      'Commands:',
      '  text: to Yishi (direct chat)',
      '  .group <name>: enter a group chat, e.g. .group 办公室; @-mention Yishi there to get an answer',
      '  .group: leave the group chat',
      '  .who: switch (member, staff, resident on 微信客服, guest)',
      '  .quit: leave',
    ].join('\n'),
    promptYou: 'you> ',
    bot: 'yishi> ',
    notice: '[notice] ',
    sendFailed: (reason) => `Sending failed: ${reason}`,
    bye: 'Bye!',
  },
};
