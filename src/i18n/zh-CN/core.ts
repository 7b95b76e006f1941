/** 通用语句：帮助、拒绝、出错、限流、确认、对话，以及控制台聊天。 */
export const coreZh = {
  roles: { resident: '居民', guest: '访客', member: '委员', staff: '工作人员', admin: '管理员' } as Record<string, string>,
  /** 群里@机器人时可能用到的名字（会从消息里去掉）。 */
  botNames: ['议事助手', '议事', 'Yishi'],
  /** 表示“确认”“取消”的说法。只有这几个词算确认（“好的”“可以”不算）；部署时可用 CONFIRM_WORDS 改。 */
  words: {
    confirm: ['确认', '是', '确定'],
    cancel: ['取消', '算了', '不', '不用', '不用了', '否', '退出', 'no', 'n', 'cancel', 'quit'],
    /** 对话进行中（回答可以是任意文字）时，只有这些词表示退出。 */
    leave: ['取消', '退出', '算了', 'cancel', 'quit'],
  },
  /** 用来反映问题的命令词（单聊里说了一句话时，提示对方可以这样反映）。 */
  fileCommandWord: '反映',
  apology: '抱歉，系统暂时出了点问题，请稍后再试。如果一直不行，请联系政协办公室。',
  unknownCommand: (word: string, suggestion: string | undefined) =>
    suggestion
      ? `没有“${word}”这个命令。您是不是想用“${suggestion}”？发送“帮助”可查看全部命令。`
      : `没有“${word}”这个命令。发送“帮助”可查看全部命令。`,
  /** 单聊里发来一句不是命令的话。fileWord 是“反映”命令（如果对方能用）。 */
  notACommand: (line: string, fileWord: string | undefined) =>
    fileWord
      ? `您好，我是议事助手。如果您想反映这个问题，请发送：\n${fileWord} ${line}\n发送“帮助”可查看我能做的全部事情。`
      : '您好，我是议事助手，没有看懂这句话。发送“帮助”可查看我能做的全部事情。',
  /** 命令词后面紧跟着另一个命令词（反映进度）：不确定对方的意思，两种都给出。 */
  ambiguousJoin: (first: string, rest: string, other: string) =>
    `没太明白您的意思：是想发送“${first} ${rest}”，还是想用“${other}”？请在命令后面加一个空格再发一次。`,
  notAllowed: (command: string, roles: string) => `“${command}”只有${roles}可以使用。如需办理，请联系政协办公室工作人员。`,
  /** 把若干身份连成一句：委员、工作人员和管理员。 */
  roleList: (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`),
  guestHint: '如果您是政协委员，请联系工作人员为您登记。',
  missingArgument: (command: string, usage: string) => `“${command}”还缺少内容。用法：${usage}`,
  invalidChoice: (value: string, choices: string) => `“${value}”不是有效的选项，请从以下选项中选择：${choices}`,
  invalidDate: (value: string) => `没看懂日期“${value}”。可以这样写：今天、明天下午、周六、下周三、下下周一、12月10日、2026-03-05。`,
  invalidTime: (value: string) => `没看懂时间“${value}”。可以这样写：下午3点、15:30、上午9点半。`,
  invalidOpinionNumber: (value: string) => `“${value}”不是有效的民意编号。编号形如 MY-2026-000123，也可以只写 123。`,
  memberNotFound: (name: string) => `没有找到名叫“${name}”的委员，请核对姓名，或直接@对方。`,
  memberAmbiguous: (name: string, count: number) => `有${count}位名叫“${name}”的委员，请@对方，或联系工作人员办理。`,
  rateLimited: (seconds: number) => `您发送得有点快，请${seconds}秒后再试。刚才的内容没有丢失，重新发送即可。`,
  help: {
    title: '议事助手可以帮您：',
    line: (name: string, description: string) => `· ${name} — ${description}`,
    footer: '发送“帮助 命令名”查看用法和示例，例如：帮助 反映',
    detail: (name: string, description: string, usage: string, aliases: string, examples: string) =>
      `【${name}】${description}\n用法：${usage}${aliases ? `\n也可以说：${aliases}` : ''}${examples ? `\n示例：\n${examples}` : ''}`,
    unknownTopic: (word: string) => `没有找到“${word}”这个命令。发送“帮助”可查看全部命令。`,
    notForYou: (name: string, roles: string) => `“${name}”只有${roles}可以使用，所以没有列出它的用法。`,
  },
  confirm: {
    /** 确认前给出的预览：会有什么变化，会通知谁。 */
    preview: (change: string, told: readonly string[]) =>
      `${change}\n${told.length > 0 ? `将通知：${told.join('、')}。` : '不另行通知他人，只记入记录。'}`,
    ask: (word: string) => `请回复“${word}”执行，或回复“取消”放弃（5分钟内有效）。`,
    notConfirmed: (typed: string, command: string, word: string) =>
      `“${typed}”不算确认，“${command}”还没有执行。请回复“${word}”执行，或回复“取消”放弃。`,
    /** 等待确认时又发了一条命令：刚才那条作废，执行新的。 */
    replaced: (command: string) => `刚才的“${command}”没有确认，已取消，没有执行。`,
    cancelled: '好的，已取消，没有做任何改动。',
    expired: (command: string) => `刚才的“${command}”已超过5分钟没有确认，已自动取消，没有执行。如仍需办理，请重新发送。`,
    nothingPending: '现在没有需要您确认的操作。',
    nothingToCancel: '现在没有进行中的操作，不需要取消。',
  },
  dialogue: {
    cancelHint: '（回复“取消”可随时退出）',
    choiceLine: (index: number, label: string) => `${index}. ${label}`,
    choiceHint: '请回复编号或名称。',
    noChoices: '抱歉，现在没有可选的项目，请联系政协办公室工作人员。',
    badChoice: (value: string) => `没有找到“${value}”，请回复列表中的编号或名称。`,
    emptyAnswer: '请直接回复内容。',
    cancelled: (command: string) => `好的，已退出“${command}”，没有保存任何内容。`,
    expired: (command: string) => `上次的“${command}”对话已超时，没有保存。如需继续，请重新发送“${command}”。`,
  },
  console: {
    title: '议事助手 · 控制台聊天',
    connecting: (url: string) => `正在连接 ${url} …`,
    noToken: '找不到管理令牌：请设置 ADMIN_TOKEN，或先运行 npm run dev（它会把令牌写到 .data/admin-token）。',
    unreachable: (url: string, reason: string) => `连接不上议事助手（${url}）：${reason}。请先运行 npm run dev。`,
    chooseWho: '请选择您的身份（输入编号）：',
    person: (index: number, name: string, role: string, sector: string) => `${index}. ${name}（${role}${sector ? `，${sector}` : ''}）`,
    asKfResident: (index: number) => `${index}. 以居民身份·微信客服（先扫社区二维码，再用平常话说）`,
    asResident: (index: number) => `${index}. 以居民身份·命令方式（接着输入称呼）`,
    asGuest: (index: number) => `${index}. 以访客身份（未登记的企业同事）`,
    askResidentName: '请输入称呼（例如 王阿姨）：',
    badChoice: '没有这个编号，请重新输入。',
    unknownPerson: (name: string, names: string[]) =>
      `没有叫“${name}”的成员。可以用的名字：${names.join('、') || '（还没有成员）'}；微信客服里的居民请写 kf:称呼（例如 --as kf:王阿姨 --scan 青石社区），命令方式的居民写 resident:称呼。`,
    youAre: (name: string, role: string) =>
      `您现在是：${name}（${role}）。直接输入消息即可；输入 .group 群名 进入群聊，.help 看全部说明，.who 换身份，.quit 退出。`,
    chooseScan: '请选择要扫的社区二维码（输入编号）：',
    scanLine: (index: number, name: string) => `${index}. ${name}`,
    noScan: '0. 不扫码，直接打开居民服务号',
    unknownCommunity: (name: string, names: string[]) => `没有叫“${name}”的社区。可以扫的社区：${names.join('、') || '（还没有社区）'}。`,
    scanned: (name: string, community: string | undefined) =>
      `${name}${community ? `扫了${community}的二维码，` : ''}进入了居民服务号（微信客服）。下面您看到的，就是居民在微信里收到的消息。直接用平常话说就行；输入 .who 换身份，.quit 退出。`,
    groupEntered: (group: string) => `已进入群聊“${group}”。群里要 @议事助手 才会得到回答；输入 .group 回到私聊。`,
    groupLeft: '已回到和议事助手的私聊。',
    promptGroup: (group: string) => `您@群·${group}> `,
    botInGroup: (group: string) => `议事（群·${group}）> `,
    groupNotice: (group: string) => `【群·${group}】`,
    notMentioned: '（没有 @议事助手，群里的这句话议事助手不回答。）',
    noGroupForResident: '居民在微信客服里和议事助手一对一说话，没有群聊。请用 .who 换成委员或工作人员再用 .group。',
    help: [
      '说明：',
      '  直接输入文字：发给议事助手（私聊）',
      '  .group 群名：进入一个群聊，例如 .group 办公室；在群里要 @议事助手 才会得到回答',
      '  .group：离开群聊，回到私聊',
      '  .who：换身份（委员、工作人员、微信客服里的居民、访客）',
      '  .quit：退出',
      '居民身份·微信客服：先选扫哪个社区的二维码，然后像在微信里一样用平常话说，看到的是居民会收到的消息。',
    ].join('\n'),
    promptYou: '您> ',
    bot: '议事> ',
    notice: '【通知】',
    sendFailed: (reason: string) => `发送失败：${reason}`,
    bye: '再见！',
  },
};
