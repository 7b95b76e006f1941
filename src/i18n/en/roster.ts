import type { rosterZh } from '../zh-CN/roster.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SLOTS: Record<string, string> = { 上午: 'morning', 下午: 'afternoon', 全天: 'all day' };

export const rosterEn: typeof rosterZh = {
  date: (month, day, weekday) => `${WEEKDAYS[weekday - 1]} ${month}/${day}`,
  slot: (slot) => SLOTS[slot] ?? slot,
  states: { planned: 'to serve', served: 'served', swapped: 'swapped', missed: 'missed' },
  withYear: (year, date) => `${date} ${year}`,
  line: (slot, name, place) => `${slot}: ${name} (${place})`,
  defaultPlace: 'Members’ Service Centre',
  unknownMember: '(a member no longer listed)',

  commands: {
    duty: {
      usage: '值班 [date] [上午|下午]',
      description: 'Who is on duty (today, tomorrow afternoon, Saturday, next Wednesday, 12月10日 …; or ask “下周三谁值班”)',
      examples: ['值班', '值班 明天下午', '周六谁值班', '下周三谁值班', '12月10日谁值班', '值班 本周'],
    },
    myDuty: { usage: '我的值班', description: 'My next duty shifts', examples: ['我的值班'] },
    swap: { usage: '换班 <date> <member>', description: 'Ask another member to take one of your shifts', examples: ['换班 3月5日 李四'] },
    agree: { usage: '同意 [date]', description: 'Accept a request to take someone’s shift', examples: ['同意'] },
    refuse: { usage: '拒绝 [date]', description: 'Decline a request to take someone’s shift', examples: ['拒绝'] },
    checkIn: { usage: '值班签到', description: 'Check in when you arrive for your shift', examples: ['值班签到'] },
    generate: {
      usage: '排班 <period> <member1> <member2> … [地点:…] [假日:dates] [调休:dates] [上下午]',
      description: 'Generate a rotation in list order (weekends and holidays skipped; served shifts kept)',
      examples: ['排班 下月 张三 李四 王五 地点:委员服务中心'],
    },
  },

  duty: {
    day: (date, lines) => `On duty ${date}:\n${lines.join('\n')}`,
    noneOnDay: (date) => `No one is on duty on ${date} (a weekend, a holiday, or not scheduled yet).`,
    parts: { morning: 'morning', afternoon: 'afternoon', evening: 'evening' },
    dayPart: (date, part, lines) => `On duty ${date}, ${part}:\n${lines.join('\n')}`,
    noneOnDayPart: (date, part) => `No one is on duty on ${date} in the ${part}.`,
    noEvening: (date, hours, lines) =>
      `There is no evening duty: the slots are ${hours.join(', ')}.\n${lines.length ? `On duty ${date}:\n${lines.join('\n')}` : `No one is on duty on ${date}.`}`,
    range: (from, to, lines) => `Duty from ${from} to ${to}:\n${lines.join('\n')}`,
    rangeLine: (date, lines) => `${date} ${lines.join('; ')}`,
    noneInRange: (from, to) => `No duty is scheduled from ${from} to ${to} yet.`,
    weekTitle: (from, to) => `This week’s duty (${from} – ${to})`,
    nextWeekTitle: (from, to) => `Next week’s duty (${from} – ${to})`,
    weekTitleOther: (from, to) => `Duty (${from} – ${to})`,
    tableHeader: '| Date | Slot | Member | Place |\n|---|---|---|---|',
    tableRow: (date, slot, name, place, note) => `| ${date} | ${slot} | ${name}${note} | ${place} |`,
    servedMark: ' ✓',
    missedMark: ' (missed)',
    unknownDate: (text) => `I could not read “${text}” as a date. Try: 值班 明天下午, 周六谁值班, 下周三谁值班, 12月10日谁值班, 值班 本周.`,
  },

  myDuty: {
    list: (lines) => `Your next shifts:\n${lines.join('\n')}\nTo swap, send: 换班 <date> <member>`,
    item: (date, slot, hours, place) => `· ${date} ${slot} ${hours}, ${place}`,
    none: 'You have no upcoming shifts.',
    notMember: '“我的值班” is for registered members. Please contact the committee office.',
  },

  swap: {
    preview: (name, date) => `${name} will be asked to take your shift on ${date}; the roster changes only when they agree.`,
    asked: (name, date, slot) =>
      `${name} has been asked to take your ${slot} shift on ${date}. It changes only when they agree; you will be told.`,
    askNotice: (from, date, slot, place) =>
      `${from} asks you to take their ${slot} shift on ${date} (${place}). Reply “同意” to accept or “拒绝” to decline.`,
    noShiftThatDay: (date) => `You have no shift to swap on ${date}. Send “我的值班” to see yours.`,
    alreadyOver: (date) => `The shift on ${date} has already started or ended; it can no longer be swapped.`,
    alreadyPending: (date, name) => `A swap for ${date} is already waiting for ${name}’s answer.`,
    self: 'You cannot swap with yourself; name another member.',
    memberNotFound: (name) => `No member “${name}”. Check the name, or @-mention them.`,
    memberAmbiguous: (name) => `More than one member is called “${name}”; please @-mention them.`,
    busy: (name, date) => `${name} is already on duty at that time on ${date}.`,
    notMember: 'Swaps are for registered members.',
  },

  answer: {
    preview: (name, date, slot) => `You will take ${name}’s ${slot} shift on ${date}; the roster changes at once.`,
    staffGroup: 'the office group',
    none: 'No swap request is waiting for your answer.',
    ambiguous: (dates, example) => `Several swap requests are waiting: ${dates.join(', ')}. Name the date, e.g. 同意 ${example}`,
    agreed: (name, date, slot, place) => `Done: you take ${name}’s ${slot} shift on ${date} (${place}). Thank you!`,
    agreedNotice: (name, date, slot) => `${name} agreed to take your ${slot} shift on ${date}; the roster is updated.`,
    refused: (name) => `${name} has been told you cannot take the shift this time.`,
    refusedNotice: (name, date, slot) => `${name} cannot take your ${slot} shift on ${date}; nothing changed. You may ask someone else.`,
    changed: 'That shift has changed meanwhile (regenerated or reassigned); the swap request is void.',
    staffNotice: (date, slot, from, to) => `Swap: ${date} ${slot} ${from} → ${to} (both agreed).`,
  },

  checkIn: {
    done: (date, slot, place) => `Checked in: ${date} ${slot}, ${place}. Thank you!`,
    already: (date, slot) => `You already checked in for ${date} ${slot}.`,
    tooEarly: (slot, opens) => `Your ${slot} shift has not started; check-in opens at ${opens}.`,
    over: (date, slot) => `The ${slot} shift on ${date} is over; check-in is closed. Please contact the office if needed.`,
    notOnDuty: 'You are not on duty today. Send “我的值班” to see your shifts.',
  },

  notices: {
    reminder: (date, slot, hours, place) =>
      `Duty reminder: today ${date}, ${slot} (${hours}) at ${place}. Send “值班签到” when you arrive.`,
    staffToday: (date, lines) => `On duty today ${date}: ${lines.join('; ')}`,
    missed: (date, slot, name, place) => `Missed: ${date} ${slot} ${name} (${place}) did not check in.`,
    reassigned: (date, slot, place) => `Staff assigned you the ${slot} shift on ${date} (${place}).`,
    reassignedAway: (date, slot, name) => `Staff moved your ${slot} shift on ${date} to ${name}.`,
    reassignedStaff: (date, slot, from, to) => `Reassigned: ${date} ${slot} ${from} → ${to} (by staff).`,
  },

  generate: {
    done: (created, kept, days, from, to) =>
      `Roster generated for ${from} – ${to}: ${days} working days, ${created} new shifts${kept ? `, ${kept} served or recorded shifts kept` : ''}. Send “值班 本周” to see it.`,
    preview: (from, to, names, place, slots, days) =>
      `Will generate the roster for ${from} – ${to} (${days} working days, ${slots}, ${place}) in this order: ${names.join(' → ')}. Shifts not yet served in the period are replaced.`,
    specialDays: (lines) =>
      lines.length
        ? `\nDays the working calendar sets:\n${lines.join('\n')}`
        : '\nNo holidays or make-up days in the period; weekends are off.',
    specialLine: (dates, working, label) => `· ${dates} ${working ? 'on duty' : 'no duty'} (${label})`,
    typedDay: 'typed for this roster',
    outsidePeriod: (date) => `${date} is outside the roster's period; please check the holidays and working days.`,
    badDate: (value) => `“${value}” is not a valid date; write 2026-03-05 or 3月5日.`,
    badRange: 'The start date is after the end date.',
    tooLong: 'At most one year at a time; please shorten the period.',
    noMembers: 'List the members who take turns, in order.',
    duplicateMember: (name) => `“${name}” appears more than once in the list.`,
    memberNotFound: (value) => `No active member “${value}”.`,
    bothHolidayAndWorkday: (date) => `${date} is listed both as a holiday and as a working day.`,
    badSlots: 'Slots must be “全天”, or “上午” and “下午”.',
    noPlace: 'Please give the place.',
    busy: 'Someone else is generating the roster; please try again shortly.',
    period: (value) => `I could not read the period “${value}”. Try 下月, 本周, 2026年10月, 2026-09-28至2026-10-11.`,
  },

  workbench: {
    reassignChange: (date, slot, place, from, to) => `The ${SLOTS[slot] ?? slot} shift on ${date} (${place}) goes from ${from} to ${to}.`,
    unchanged: (date, slot, name) => `${name} already holds the ${SLOTS[slot] ?? slot} shift on ${date}; nothing changes.`,
  },

  api: {
    shiftNotFound: 'No such shift.',
    shiftClosed: 'That shift is over (served or missed) and can no longer be changed.',
    badBody: (detail) => `Invalid request: ${detail}`,
  },
};
