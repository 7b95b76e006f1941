/** 界别协商议事月：活动、报名、签到、提醒和活动结果。 */
export const eventsZh = {
  commands: {
    list: {
      usage: '活动 [本周|下周|本月|下月|界别名]',
      description: '查看近期的协商活动，可按本周、本月或界别筛选',
      examples: ['活动', '活动 本周', '活动 本月', '活动 工会'],
    },
    detail: { usage: '活动详情 <活动编号>', description: '查看一场活动的时间、地点、界别和报名情况', examples: ['活动详情 3'] },
    signUp: { usage: '报名 <活动编号>', description: '报名参加一场活动，活动前会收到提醒', examples: ['报名 3'] },
    cancelSignUp: { usage: '取消报名 <活动编号>', description: '取消已报名的活动', examples: ['取消报名 3'] },
    checkIn: { usage: '签到 <活动编号>', description: '到场签到（活动开始前30分钟至结束前可签到）', examples: ['签到 3'] },
    outcome: {
      usage: '活动结果 <活动编号> <结果内容>',
      description: '记录活动的协商结果（界别召集人或工作人员），可写上讨论过的民意编号',
      examples: ['活动结果 3 议定由街道牵头设立骑手驿站，MY-2026-000123 一并办结'],
    },
    programme: { usage: '议事月', description: '查看本期界别协商议事月的活动安排', examples: ['议事月'] },
  },
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  day: (month: number, day: number, weekday: string) => `${month}月${day}日（${weekday}）`,
  timeRange: (day: string, start: string, end: string) => `${day}${start}–${end}`,
  shortDay: (month: number, day: number) => `${month}月${day}日`,
  notMember: '报名、签到等活动事项需要先登记为政协委员，请联系政协办公室。',
  ask: {
    signUp: '您要报名哪一场活动？',
    checkIn: '您要签到哪一场活动？',
    choice: (number: number, when: string, title: string) => `${when} ${title}（编号 ${number}）`,
  },
  listSeparator: '、',
  states: { planned: '筹备中', open: '报名中', ongoing: '进行中', done: '已结束', cancelled: '已取消' } as Record<string, string>,
  notANumber: (text: string) => `“${text}”不是活动编号。活动编号是一个数字，例如：报名 3`,
  notFound: (number: string) => `没有找到编号为 ${number} 的活动。发送“活动”可查看近期活动。`,
  list: {
    upcomingTitle: '近期活动：',
    rangeTitle: (label: string) => `${label}的活动：`,
    sectorTitle: (sector: string) => `${sector}界别的活动：`,
    line: (number: number, when: string, title: string, sectors: string, state: string) =>
      `· [${number}] ${when} ${title}（${sectors}）${state ? `｜${state}` : ''}`,
    footer: '发送“活动详情 编号”查看详情，“报名 编号”报名。',
    empty: (label: string) => `${label}暂时没有安排活动。`,
    upcomingLabel: '近期',
    thisWeek: '本周',
    thisMonth: '本月',
  },
  detail: (e: {
    number: number;
    title: string;
    theme?: string;
    when: string;
    place: string;
    sectors: string;
    organiser?: string;
    state: string;
    signups: string;
    mine: string;
    outcome?: string;
  }) =>
    [
      `【活动 ${e.number}】${e.title}`,
      e.theme ? `主题：${e.theme}` : '',
      `时间：${e.when}`,
      `地点：${e.place}`,
      `界别：${e.sectors}`,
      e.organiser ? `组织：${e.organiser}` : '',
      `状态：${e.state}`,
      `报名：${e.signups}`,
      e.mine,
      e.outcome ? `活动结果：${e.outcome}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  signupCount: (count: number, capacity: number | undefined) =>
    capacity === undefined ? `已报名 ${count} 人（不限名额）` : `已报名 ${count} 人，名额 ${capacity} 人`,
  youAreSignedUp: '您已报名这场活动。',
  youCheckedIn: '您已签到。',
  signUp: {
    ok: (number: number, title: string, when: string, place: string) =>
      `报名成功：${title}（编号 ${number}）\n时间：${when}\n地点：${place}\n活动开始前我们会提醒您；到场后请发送“签到 ${number}”。`,
    already: (number: number, title: string) => `您已经报名了“${title}”（编号 ${number}），无需重复报名。`,
    full: (title: string, capacity: number) =>
      `很抱歉，“${title}”的 ${capacity} 个名额已经报满，这次报名没有成功。如确需参加，请联系活动组织方。`,
    cancelled: (title: string) => `“${title}”已取消，不再接受报名。`,
    notOpen: (title: string) => `“${title}”还在筹备中，暂未开放报名，请留意后续通知。`,
    started: (number: number, title: string) => `“${title}”已经开始，报名已截止。如您在现场，请直接发送“签到 ${number}”。`,
    ended: (title: string) => `“${title}”已经结束，无法报名。`,
  },
  cancelSignUp: {
    ok: (title: string) => `已为您取消“${title}”的报名，相关提醒也不会再发给您。`,
    notSignedUp: (number: number, title: string) => `您还没有报名“${title}”（编号 ${number}），无需取消。`,
    started: (title: string) => `“${title}”已经开始，无法取消报名。`,
  },
  checkIn: {
    ok: (title: string, time: string) => `签到成功：${title}，签到时间 ${time}。感谢您参加！`,
    already: (title: string, time: string) => `您已在 ${time} 签到过“${title}”，无需重复签到。`,
    tooEarly: (title: string, opensAt: string) => `“${title}”的签到还没有开始。签到从活动开始前30分钟开放，即 ${opensAt}。`,
    ended: (title: string) => `“${title}”已经结束，签到已关闭。如有遗漏，请联系政协办公室补登。`,
    cancelled: (title: string) => `“${title}”已取消，无需签到。`,
  },
  outcome: {
    preview: (number: number, title: string, content: string, linked: string) =>
      `将记录“${title}”（编号 ${number}）的活动结果：“${content}”。${linked ? `其中已转协商的民意将按此结果办结：${linked}。` : ''}`,
    filersOf: (numbers: string) => `${numbers} 的反映人`,
    recorded: (number: number, title: string) => `已记录“${title}”（编号 ${number}）的活动结果。`,
    updated: (number: number, title: string) => `已更新“${title}”（编号 ${number}）的活动结果。`,
    linked: (numbers: string) => `已按本次结果办结：${numbers}，并已通知反映人、请其评价。`,
    linkedStored: (numbers: string) => `关联的民意：${numbers}（已记录关联）。`,
    notEscalated: (numbers: string) => `以下民意不在“已转协商议题”状态，本次未办结，状态不变：${numbers}`,
    notFound: (numbers: string) => `没有找到以下编号的民意，请核对：${numbers}`,
    notAllowed: '只有本活动所属界别的召集人或政协办公室工作人员可以记录活动结果。',
    notStarted: (title: string) => `“${title}”还没有开始，暂不能记录结果。`,
    cancelled: (title: string) => `“${title}”已取消，不能记录结果。`,
  },
  programme: {
    none: '目前没有正在进行或即将开始的议事月安排。',
    header: (title: string, period: string) => `【${title}】${period}`,
    period: (from: string, to: string) => `${from}至${to}`,
    line: (date: string, time: string, sectors: string, title: string, number: number) =>
      `${date} ${time}｜${sectors}｜${title}（${number}）`,
    empty: '本期暂未安排活动。',
    footer: '括号内为活动编号：发送“活动详情 编号”查看详情，“报名 编号”报名。',
  },
  reminder: {
    lead: (when: string) => `【活动提醒】${when}`,
    inDays: (days: number) => (days === 1 ? '明天' : `${days}天后`),
    inHours: (hours: number) => `${hours}小时后`,
    inMinutes: (minutes: number) => `${minutes}分钟后`,
    body: (e: { title: string; when: string; place: string; sectors: string; number: number }) =>
      `${e.title}\n时间：${e.when}\n地点：${e.place}\n界别：${e.sectors}\n报名请发送“报名 ${e.number}”，到场后发送“签到 ${e.number}”。`,
    memberBody: (e: { title: string; when: string; place: string; number: number }) =>
      `您报名的“${e.title}”\n时间：${e.when}\n地点：${e.place}\n到场后请发送“签到 ${e.number}”。`,
  },
  errors: {
    endBeforeStart: '活动的结束时间必须晚于开始时间。',
    programmeNotFound: (id: string) => `没有找到议事月安排“${id}”。`,
    memberNotFound: (id: string) => `没有找到委员“${id}”。`,
    capacityBelowSignups: (count: number) => `已有 ${count} 人报名，名额不能少于已报名人数。`,
    alreadyCancelled: (title: string) => `“${title}”已经取消，不能再修改。`,
    programmeDatesInvalid: '议事月的结束日期不能早于开始日期。',
    programmeAlreadyCancelled: (title: string) => `议事月安排“${title}”已经取消，无需再次取消。`,
    programmeCancelled: (title: string) => `议事月安排“${title}”已经取消，不能再修改或添加活动。`,
    programmeHasLiveEvents: (title: string, events: Array<{ title: string; number: number }>) =>
      `议事月安排“${title}”还有未结束的活动：${events.map((e) => `“${e.title}”（编号 ${e.number}）`).join('、')}。请先取消这些活动，再取消议事月。`,
  },
  notices: {
    cancelled: (title: string, when: string) => `【活动取消】原定${when}的“${title}”已取消，请相互转告。`,
    rescheduled: (title: string, when: string, place: string) => `【活动调整】“${title}”调整为：${when}，地点：${place}。`,
  },
};
