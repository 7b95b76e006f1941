/** 居民服务号（企业微信·微信客服）：居民用平常说话的方式反映问题、查进度、评价。 */
export const residentsZh = {
  /** 居民反映事情的对话（只在居民服务号里，不是居民要打的命令）。 */
  fileCommand: { usage: '直接说说发生了什么事', description: '居民在居民服务号里反映事情', examples: ['小区东门的路灯坏了一周了'] },
  welcome: (community: string | undefined) =>
    `您好！这里是${community ? `${community}的` : ''}政协居民服务号。\n有什么事需要反映，直接打字告诉我们就行，比如“3号楼门口的路灯坏了”。\n想查以前反映的事，发送“进度”。`,
  greeting: (community: string | undefined) =>
    `您好！${community ? `这里是${community}的居民服务号。` : ''}请直接说说遇到了什么事，我们会登记并交给负责的同志办理。\n查以前反映的事，请发送“进度”。`,
  askWhat: '请用一两句话说说发生了什么事，比如“小区东门的路灯坏了一周了”。',
  photoBeforeWords: '照片收到了。请再用文字说说发生了什么事。',
  askWhere: '这件事发生在哪个社区（村）？请回复前面的数字：',
  whereLine: (index: number, name: string) => `${index}. ${name}`,
  notSure: '不清楚',
  badWhere: (answer: string) => `没能对上“${answer}”。请回复列表里的数字，例如“1”。`,
  askPhoto: (community: string) => `好的，地点：${community}。\n如果方便，可以发一张现场照片；没有照片请回复“没有”。`,
  photoReceived: (count: number) => `照片收到了（共 ${count} 张）。还有可以继续发；没有了请回复“好了”。`,
  askPhone: '需要我们打电话联系您吗？需要的话请留下手机号和称呼，例如“张先生 13812345678”；不需要请回复“不用”。',
  badPhone: '这个手机号好像不对（应为 1 开头的 11 位数字）。请重新输入，例如“13812345678”；不需要回电请回复“不用”。',
  confirm: (content: string, community: string, photos: number, contact: string) =>
    `请核对：\n事情：${content}\n地点：${community}\n照片：${photos > 0 ? `${photos} 张` : '无'}\n回电：${contact}\n没问题请回复“确认”；要重填回复“修改”；不提交了回复“取消”。`,
  noCallback: '不需要',
  confirmRemind: '请回复“确认”提交，回复“修改”重新填写，或回复“取消”放弃。',
  restart: '好的，我们重新来。',
  cancelled: '好的，这次没有提交。有需要随时再来找我们。',
  nothingToCancel: '目前没有正在填写的内容。有事要反映，直接说就行。',
  expired: '刚才填写的内容时间太久，已经作废了。请重新说说发生了什么事。',
  photoNote: (count: number) => `（附现场照片 ${count} 张）`,
  /** 工作人员查看居民照片（/api/opinions/:id/photos）时看到的说明。 */
  photos: {
    notDownloadedInTime: '企业微信只保存照片 3 天，这张照片没能在期限内取回，已经丢失。',
    unknownToWeCom: '企业微信已经没有这张照片了（媒体文件已过期或不存在），无法取回。',
    tooLarge: '照片超过了 10 MB 的上限，没有保存。',
    failedOnce: '这次没能从企业微信取回照片，系统会每 10 分钟再试一次。',
    gaveUp: '多次尝试都没能从企业微信取回这张照片，已经放弃。',
    noSuchPhoto: (number: string, count: number, index: number) => `反映 ${number} 共有 ${count} 张照片，没有第 ${index} 张。`,
    waiting: (number: string, index: number) => `反映 ${number} 的第 ${index} 张照片还没从企业微信取回，请过几分钟再看。`,
    unavailable: (number: string, index: number, why: string) => `反映 ${number} 的第 ${index} 张照片无法查看：${why}`,
  },
  filed: (number: string) =>
    `已经为您登记好了，编号是 ${number}。\n接下来：工作人员会尽快受理，交给负责的同志去办；每有进展，我们都会在这里告诉您。\n想知道办到哪一步了，随时发送“进度”或直接发编号。`,
  filedOnDuty: '今天值班的政协委员也已经收到了。',
  similar: (number: string, summary: string, count: number) =>
    `已经有居民反映过类似的事：${number}“${summary}”（已有 ${count + 1} 位居民反映）。\n如果是同一件事，回复“1”，算您一份，我们会一起加快办理；\n如果不是同一件事，回复“2”，单独登记您的反映。`,
  similarRemind: '请回复“1”（同一件事，算您一份）或“2”（单独登记），也可以回复“取消”。',
  plusOned: (number: string) => `好的，已经把您算进 ${number} 里了。办理进展会在这里告诉您，也可以发送“进度”查看。`,
  noOpinions: '您还没有反映过事情。有事要反映，直接说就行。',
  mineTitle: '您反映过的事：',
  mineLine: (number: string, summary: string, state: string) => `· ${number}“${summary}”：${state}`,
  mineHint: '发编号可以查看详细情况。',
  notYours: (word: string) => `没有找到您反映过的编号为“${word}”的事情，请核对编号。发送“进度”可以看到您反映过的全部事情。`,
  progress: (number: string, summary: string, state: string) => `${number}“${summary}”：${state}。`,
  expectedBy: (date: string) => `预计 ${date} 前办好。`,
  result: (text: string) => `办理结果：${text}`,
  askRate:
    '您对办理结果满意吗？直接回复“满意”“基本满意”或“不满意”就行，不满意请顺便说说原因。7 天内说“不满意”或“重新办理”，我们会重新办理。',
  /** 办结后发给居民的通知：用平常话请居民评价，不用输入命令。 */
  resolvedAskRate: (number: string, result: string, days: number) =>
    `您反映的事（${number}）已经办好了。\n办理结果：${result}\n您满意吗？直接回复“满意”“基本满意”或“不满意”就行，不满意请顺便说说原因，${days} 天内我们会重新办理。`,
  /** 办理有了进展时发给居民的通知。 */
  stateChanged: (number: string, state: string, note: string | undefined) =>
    `您反映的事（${number}）有了新进展：${state}${note ? `（${note}）` : ''}。想了解详情，回复“进度”就行。`,
  /** 居民问“今天谁值班”。 */
  dutyHint: '有事可以直接在这里说，我们会登记并转给值班的委员。',
  /** 居民问“怎么联系你们”。 */
  contactUs:
    '在这里留言就能找到我们：直接说说遇到了什么事，我们会登记并交给负责的同志办理；需要回电的，登记时留下手机号就行。\n查以前反映的事，回复“进度”。',
  rated: (number: string) => `谢谢您的评价！${number} 已经办结归档。以后有事还可以随时来反映。`,
  sentBack: (number: string) => `很抱歉没能让您满意。${number} 已经退回重新办理，办好后会再告诉您。`,
  reopened: (number: string) => `好的，${number} 已经重新打开，会继续办理，有进展会告诉您。`,
  nothingToRate: '目前没有等待您评价的事情。',
  nothingToReopen: '目前没有可以重新办理的事情（办结 7 天内才能重新办理）。有新情况可以直接再反映。',
  /** 居民看到的状态，用平常话说。 */
  stateWords: {
    submitted: '已收到，正在等待受理',
    accepted: '已受理，正在安排负责的同志',
    assigned: '已交给负责的同志办理',
    in_progress: '正在办理中',
    resolved: '已经办好了，等待您的评价',
    escalated: '事情比较复杂，已提交政协协商讨论',
    merged: '和其他居民反映的同一件事合并办理',
    declined: '没有受理',
    closed: '已办结归档',
  } as Record<string, string>,
  heldHeader: '您好，您不在线时有以下消息没能及时发给您：',
  /** 发给工作人员群：居民的通知因企业微信规则未能送达（不含居民姓名和电话）。 */
  staffUndelivered: (number: string | undefined, since: string) =>
    `居民通知未能送达：${number ? `关于 ${number} 的` : '一条'}通知自 ${since} 起一直无法发出（企业微信只允许在居民来信后 48 小时内回复 5 条）。居民再次来信时会自动补发；如需尽快告知，请承办人用“查看联系方式”后电话联系。`,
  qrSheetTitle: '各社区居民服务号二维码',
  qrSheetHint: '微信扫码，即可向政协反映身边的事',
  /** 居民平常说的话（答“是/不是”、评价、提问），只在这里列一次；读法见 src/services/residents/plain-words.ts。 */
  words: {
    greet: ['你好', '您好', '在吗', '在不在', '有人吗', '帮助', '菜单', 'hi', 'hello', 'help'],
    progress: ['进度', '我的反映', '查询', '查进度', '查看进度', '办得怎么样了', '进展'],
    yes: [
      '确认',
      '确定',
      '提交',
      '是',
      '是的',
      '对',
      '对的',
      '没错',
      '没问题',
      '好',
      '好的',
      '行',
      '可以',
      '可以的',
      '嗯',
      '嗯嗯',
      '中',
      'yes',
      'ok',
    ],
    no: ['不对', '不是', '不是的', '不行', '错了', '有错', 'no'],
    cancel: ['取消', '算了', '不提交', '不用了', '不要了', '不办了', '不反映了', 'cancel'],
    skip: ['没有', '不用', '跳过', '不需要', '无', '不要', '好了', '没了', '没有了', '不用了', '不需要了', '不用回电', 'skip'],
    modify: ['修改', '重新填写', '重填', '改一下', '要改'],
    reopen: ['重新办理', '重新打开', '没解决', '还没解决', '没有解决'],
    plusOne: ['1', '附议', '同一件事', '是同一件事', '就是这件事'],
    separate: ['2', '仍要提交', '单独登记', '不是同一件事'],
    ratings: {
      satisfied: ['满意', '很满意', '非常满意', '挺满意', '满意的', '很好', '挺好'],
      basically: ['基本满意', '还行', '还可以', '一般', '凑合', '过得去'],
      unsatisfied: ['不满意', '不太满意', '很不满意', '非常不满意'],
    },
    questions: {
      duty: ['谁值班', '谁在值班', '哪位值班', '哪位委员值班', '值班的是谁', '值班是谁', '值班委员是谁', '值班的委员'],
      progress: ['我的反映', '我反映的', '怎么样了', '办得怎么样', '办到哪', '有进展吗', '有没有进展', '处理了吗', '办了没有', '进度如何'],
      contact: ['怎么联系', '如何联系', '联系方式', '联系你们', '联系电话', '电话多少', '办公室电话', '找人工', '转人工', '人工客服'],
    },
  },
};
