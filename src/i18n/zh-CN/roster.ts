/** 轮值接待（值班）：问答、换班、签到、提醒、排班。 */
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export const rosterZh = {
  /** 3月5日（周四） */
  date: (month: number, day: number, weekday: number) => `${month}月${day}日（周${WEEKDAYS[weekday - 1]}）`,
  slot: (slot: string) => slot,
  /** 班次状态（导出值班表时）。 */
  states: { planned: '待值班', served: '已签到', swapped: '已换班', missed: '未到岗' } as Record<string, string>,
  /** 2027年12月10日（周五）：没写年份时，说明取的是哪一年。 */
  withYear: (year: number, date: string) => `${year}年${date}`,
  /** 该班次的一行：上午 张三（委员服务中心） */
  line: (slot: string, name: string, place: string) => `${slot} ${name}（${place}）`,
  defaultPlace: '委员服务中心',
  unknownMember: '（已不在名单中的委员）',

  commands: {
    duty: {
      usage: '值班 [日期] [上午|下午]',
      description: '查看谁值班（今天、明天下午、周六、这周六、下周三、下下周一、本周、下月、12月10日……；也可以直接问“下周三谁值班”）',
      examples: ['值班', '值班 明天下午', '周六谁值班', '下周三谁值班', '12月10日谁值班', '值班 本周'],
    },
    myDuty: { usage: '我的值班', description: '查看我接下来的值班安排', examples: ['我的值班', '我哪天值班'] },
    swap: {
      usage: '换班 <日期> <委员>',
      description: '请另一位委员替您值某一天的班，对方同意后生效',
      examples: ['换班 3月5日 李四', '换班 下周三 @李四'],
    },
    agree: { usage: '同意 [日期]', description: '同意别人请您代班的请求', examples: ['同意', '同意 3月5日'] },
    refuse: { usage: '拒绝 [日期]', description: '拒绝别人请您代班的请求', examples: ['拒绝', '拒绝 3月5日'] },
    checkIn: { usage: '值班签到', description: '到岗后签到，记入履职档案', examples: ['值班签到'] },
    generate: {
      usage: '排班 <期间> <委员1> <委员2> … [地点:…] [假日:日期,日期] [调休:日期] [上下午]',
      description: '按名单顺序生成轮值表（跳过周末和假日，已签到的班次保留）',
      examples: [
        '排班 下月 张三 李四 王五 地点:委员服务中心',
        '排班 2026-09-28至2026-10-11 张三 李四 假日:10月1日,10月2日,10月5日 调休:9月27日,10月10日',
      ],
    },
  },

  duty: {
    day: (date: string, lines: string[]) => `${date}值班：\n${lines.join('\n')}`,
    noneOnDay: (date: string) => `${date}没有安排值班（可能是周末、节假日，或还没有排班）。`,
    parts: { morning: '上午', afternoon: '下午', evening: '晚上' } as Record<'morning' | 'afternoon' | 'evening', string>,
    dayPart: (date: string, part: string, lines: string[]) => `${date}${part}值班：\n${lines.join('\n')}`,
    noneOnDayPart: (date: string, part: string) => `${date}${part}没有安排值班。`,
    noEvening: (date: string, hours: string[], lines: string[]) =>
      `晚上不安排值班：值班时段只有${hours.join('、')}。\n${lines.length ? `${date}的值班：\n${lines.join('\n')}` : `${date}没有安排值班。`}`,
    range: (from: string, to: string, lines: string[]) => `${from}至${to}值班安排：\n${lines.join('\n')}`,
    rangeLine: (date: string, lines: string[]) => `${date} ${lines.join('；')}`,
    noneInRange: (from: string, to: string) => `${from}至${to}还没有值班安排。`,
    weekTitle: (from: string, to: string) => `本周值班表（${from}—${to}）`,
    nextWeekTitle: (from: string, to: string) => `下周值班表（${from}—${to}）`,
    weekTitleOther: (from: string, to: string) => `值班表（${from}—${to}）`,
    tableHeader: '| 日期 | 时段 | 委员 | 地点 |\n|---|---|---|---|',
    tableRow: (date: string, slot: string, name: string, place: string, note: string) =>
      `| ${date} | ${slot} | ${name}${note} | ${place} |`,
    servedMark: ' ✓',
    missedMark: ' （未到岗）',
    unknownDate: (text: string) =>
      `没看懂“${text}”是哪一天。可以这样问：值班 明天下午、周六谁值班、下周三谁值班、12月10日谁值班、值班 本周。`,
  },

  myDuty: {
    list: (lines: string[]) => `您接下来的值班：\n${lines.join('\n')}\n如需换班，请发送：换班 日期 委员姓名`,
    item: (date: string, slot: string, hours: string, place: string) => `· ${date} ${slot} ${hours}，${place}`,
    none: '您接下来没有值班安排。',
    notMember: '“我的值班”只对登记在册的委员开放。如有疑问，请联系政协办公室。',
  },

  swap: {
    preview: (name: string, date: string) => `将请${name}代您值${date}的班；对方回复“同意”后值班表才会改。`,
    asked: (name: string, date: string, slot: string) => `已请${name}代您值${date}${slot}的班。对方回复“同意”后才生效，届时会通知您。`,
    askNotice: (from: string, date: string, slot: string, place: string) =>
      `${from}想请您代值${date}${slot}的班（${place}）。同意请回复“同意”，不方便请回复“拒绝”。`,
    noShiftThatDay: (date: string) => `您在${date}没有需要换的班次。发送“我的值班”可查看您的安排。`,
    alreadyOver: (date: string) => `${date}的班次已经开始或结束，不能再换了。`,
    alreadyPending: (date: string, name: string) => `${date}的换班请求已在等待${name}答复，请耐心等候。`,
    self: '不能和自己换班，请写另一位委员的姓名。',
    memberNotFound: (name: string) => `没有找到委员“${name}”，请核对姓名，或直接 @ 对方。`,
    memberAmbiguous: (name: string) => `有不止一位名叫“${name}”的委员，请直接 @ 对方。`,
    busy: (name: string, date: string) => `${name}在${date}同一时段已有值班，不能代班。`,
    notMember: '换班只对登记在册的委员开放。',
  },

  answer: {
    preview: (name: string, date: string, slot: string) => `将由您接替${name}值${date}${slot}的班，值班表随即更新。`,
    staffGroup: '政协办公室工作群',
    none: '目前没有等您答复的换班请求。',
    ambiguous: (dates: string[], example: string) => `有几条换班请求在等您答复：${dates.join('、')}。请写明日期，例如：同意 ${example}`,
    agreed: (name: string, date: string, slot: string, place: string) => `好的，${date}${slot}由您代${name}值班（${place}）。谢谢！`,
    agreedNotice: (name: string, date: string, slot: string) => `${name}已同意代您值${date}${slot}的班，值班表已更新。`,
    refused: (name: string) => `已告知${name}您这次不方便代班。`,
    refusedNotice: (name: string, date: string, slot: string) =>
      `${name}这次不方便代您值${date}${slot}的班，原安排不变。可以再问问其他委员。`,
    changed: '这个班次已经有了变动（可能已重新排班或已由别人接替），换班请求作废。',
    staffNotice: (date: string, slot: string, from: string, to: string) => `换班：${date}${slot} ${from} → ${to}（双方已确认）。`,
  },

  checkIn: {
    done: (date: string, slot: string, place: string) => `签到成功：${date}${slot}，${place}。辛苦了！`,
    already: (date: string, slot: string) => `您已签到过${date}${slot}的班次。`,
    tooEarly: (slot: string, opens: string) => `${slot}的班次还没开始，${opens}起可以签到。`,
    over: (date: string, slot: string) => `${date}${slot}的班次已经结束，不能再签到了。如有特殊情况，请联系政协办公室。`,
    notOnDuty: '您今天没有值班安排。发送“我的值班”可查看您的安排。',
  },

  notices: {
    reminder: (date: string, slot: string, hours: string, place: string) =>
      `值班提醒：今天${date}${slot}（${hours}）请到${place}接待群众。到岗后请发送“值班签到”。`,
    staffToday: (date: string, lines: string[]) => `今日值班 ${date}：${lines.join('；')}`,
    missed: (date: string, slot: string, name: string, place: string) => `未到岗：${date}${slot} ${name}（${place}）没有值班签到。`,
    reassigned: (date: string, slot: string, place: string) => `工作人员已将${date}${slot}（${place}）的值班安排给您。`,
    reassignedAway: (date: string, slot: string, name: string) => `工作人员已将您${date}${slot}的值班改由${name}承担。`,
    reassignedStaff: (date: string, slot: string, from: string, to: string) => `调班：${date}${slot} ${from} → ${to}（工作人员调整）。`,
  },

  generate: {
    done: (created: number, kept: number, days: number, from: string, to: string) =>
      `已生成${from}至${to}的值班表：${days}个工作日，新排${created}个班次${kept ? `，保留已签到或已记录的${kept}个班次` : ''}。发送“值班 本周”可查看。`,
    preview: (from: string, to: string, names: string[], place: string, slots: string, days: number) =>
      `将为${from}至${to}排班（${days}个工作日，${slots}，${place}），轮值顺序：${names.join(' → ')}。这一期间内尚未签到的班次会按新名单重排。`,
    specialDays: (lines: string[]) =>
      lines.length ? `\n按工作日历处理的日子：\n${lines.join('\n')}` : '\n这一期间没有节假日或调休，周末不排班。',
    specialLine: (dates: string, working: boolean, label: string) => `· ${dates} ${working ? '上班' : '不排班'}（${label}）`,
    /** The name of a day typed in 排班 (假日:… or 调休:…). */
    typedDay: '排班时指定',
    outsidePeriod: (date: string) => `${date}不在这次排班的期间内，请检查假日或调休的日期。`,
    badDate: (value: string) => `“${value}”不是有效的日期，请写成 2026-03-05 或 3月5日。`,
    badRange: '开始日期不能晚于结束日期。',
    tooLong: '一次最多排一年的班，请缩短期间。',
    noMembers: '请按顺序写出参加轮值的委员。',
    duplicateMember: (name: string) => `名单里“${name}”出现了不止一次，请检查。`,
    memberNotFound: (value: string) => `没有找到委员“${value}”（或已停用），请核对。`,
    bothHolidayAndWorkday: (date: string) => `${date}同时被写成了假日和调休上班日，请确认。`,
    badSlots: '时段只能是“全天”，或“上午”和“下午”。',
    noPlace: '请写明值班地点。',
    busy: '有人正在排班，请稍后再试。',
    period: (value: string) => `没看懂期间“${value}”。可以写：下月、本周、2026年10月、2026-09-28至2026-10-11。`,
  },

  /** 工作台的值班页：调班前的确认。 */
  workbench: {
    reassignChange: (date: string, slot: string, place: string, from: string, to: string) =>
      `${date}${slot}（${place}）的值班将由${from}改为${to}。`,
    unchanged: (date: string, slot: string, name: string) => `${date}${slot}已由${name}值班，不会有变化。`,
  },

  api: {
    shiftNotFound: '没有这个班次。',
    shiftClosed: '这个班次已经结束（已签到或已记为未到岗），不能再调整。',
    badBody: (detail: string) => `请求内容不正确：${detail}`,
  },
};
