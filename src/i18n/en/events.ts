import type { eventsZh } from '../zh-CN/events.js';

export const eventsEn: typeof eventsZh = {
  commands: {
    list: {
      usage: 'events [this-week|next-week|this-month|next-month|sector]',
      description: 'upcoming consultation events, by week, month or sector',
      examples: ['events', 'events 本周', 'events 工会'],
    },
    detail: { usage: 'event <number>', description: 'time, place, sectors and sign-ups of one event', examples: ['event 3'] },
    signUp: { usage: 'signup <number>', description: 'sign up for an event; you get reminders before it starts', examples: ['signup 3'] },
    cancelSignUp: { usage: 'cancel-signup <number>', description: 'withdraw your sign-up', examples: ['cancel-signup 3'] },
    checkIn: {
      usage: 'checkin <number>',
      description: 'check in on site (from 30 minutes before the start until the end)',
      examples: ['checkin 3'],
    },
    outcome: {
      usage: 'outcome <number> <text>',
      description: 'record the outcome of an event (sector convenor or staff); mention the opinion numbers it discussed',
      examples: ['outcome 3 A rider station will be set up; MY-2026-000123 resolved'],
    },
    programme: { usage: 'programme', description: 'the schedule of the current consultation month', examples: ['programme'] },
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  day: (month: number, day: number, weekday: string) => `${weekday} ${month}/${day} `,
  timeRange: (day: string, start: string, end: string) => `${day}${start}–${end}`,
  shortDay: (month: number, day: number) => `${month}/${day}`,
  notMember: 'Signing up and checking in are for registered committee members; please contact the office.',
  ask: {
    signUp: 'Which event would you like to sign up for?',
    checkIn: 'Which event are you checking in to?',
    choice: (number: number, when: string, title: string) => `${when} ${title} (no. ${number})`,
  },
  listSeparator: ', ',
  states: { planned: 'planned', open: 'open for sign-up', ongoing: 'in progress', done: 'finished', cancelled: 'cancelled' } as Record<
    string,
    string
  >,
  notANumber: (text: string) => `"${text}" is not an event number. Event numbers are plain numbers, e.g. signup 3`,
  notFound: (number: string) => `There is no event number ${number}. Send "events" for upcoming events.`,
  list: {
    upcomingTitle: 'Upcoming events:',
    rangeTitle: (label: string) => `Events ${label}:`,
    sectorTitle: (sector: string) => `Events of the ${sector} sector:`,
    line: (number: number, when: string, title: string, sectors: string, state: string) =>
      `· [${number}] ${when} ${title} (${sectors})${state ? ` | ${state}` : ''}`,
    footer: 'Send "event <number>" for details, "signup <number>" to sign up.',
    empty: (label: string) => `No events ${label}.`,
    upcomingLabel: 'coming up',
    thisWeek: 'this week',
    thisMonth: 'this month',
  },
  detail: (e) =>
    [
      `[Event ${e.number}] ${e.title}`,
      e.theme ? `Theme: ${e.theme}` : '',
      `Time: ${e.when}`,
      `Place: ${e.place}`,
      `Sectors: ${e.sectors}`,
      e.organiser ? `Organiser: ${e.organiser}` : '',
      `State: ${e.state}`,
      `Sign-ups: ${e.signups}`,
      e.mine,
      e.outcome ? `Outcome: ${e.outcome}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  signupCount: (count: number, capacity: number | undefined) =>
    capacity === undefined ? `${count} signed up (no limit)` : `${count} of ${capacity} places taken`,
  youAreSignedUp: 'You have signed up.',
  youCheckedIn: 'You have checked in.',
  signUp: {
    ok: (number: number, title: string, when: string, place: string) =>
      `Signed up: ${title} (no. ${number})\nTime: ${when}\nPlace: ${place}\nWe will remind you before it starts; on site, send "checkin ${number}".`,
    already: (number: number, title: string) => `You have already signed up for "${title}" (no. ${number}).`,
    full: (title: string, capacity: number) =>
      `Sorry, all ${capacity} places of "${title}" are taken; you were not signed up. Please contact the organiser if you must attend.`,
    cancelled: (title: string) => `"${title}" has been cancelled; sign-up is closed.`,
    notOpen: (title: string) => `"${title}" is still being planned; sign-up is not open yet.`,
    started: (number: number, title: string) => `"${title}" has started and sign-up is closed. If you are there, send "checkin ${number}".`,
    ended: (title: string) => `"${title}" is over; sign-up is closed.`,
  },
  cancelSignUp: {
    ok: (title: string) => `Your sign-up for "${title}" is withdrawn; you will get no more reminders for it.`,
    notSignedUp: (number: number, title: string) => `You have not signed up for "${title}" (no. ${number}); nothing to withdraw.`,
    started: (title: string) => `"${title}" has started; the sign-up can no longer be withdrawn.`,
  },
  checkIn: {
    ok: (title: string, time: string) => `Checked in: ${title} at ${time}. Thank you for coming!`,
    already: (title: string, time: string) => `You already checked in to "${title}" at ${time}.`,
    tooEarly: (title: string, opensAt: string) =>
      `Check-in for "${title}" is not open yet. It opens 30 minutes before the start, at ${opensAt}.`,
    ended: (title: string) => `"${title}" is over and check-in is closed. Please ask the office to record you if you attended.`,
    cancelled: (title: string) => `"${title}" has been cancelled; no check-in needed.`,
  },
  outcome: {
    preview: (number, title, content, linked) =>
      `The outcome of “${title}” (no. ${number}) will be recorded: “${content}”.${linked ? ` The escalated opinions among ${linked} will be resolved with it.` : ''}`,
    filersOf: (numbers) => `the filers of ${numbers}`,
    recorded: (number: number, title: string) => `Outcome recorded for "${title}" (no. ${number}).`,
    updated: (number: number, title: string) => `Outcome updated for "${title}" (no. ${number}).`,
    linked: (numbers: string) => `Resolved with this outcome: ${numbers}; their filers were told and asked to rate.`,
    linkedStored: (numbers: string) => `Linked opinions: ${numbers} (link recorded).`,
    notEscalated: (numbers: string) => `These opinions are not escalated, so they were not resolved and stay as they were: ${numbers}`,
    notFound: (numbers: string) => `No opinion has these numbers; please check them: ${numbers}`,
    notAllowed: 'Only a convenor of one of the event’s sectors, or committee staff, may record its outcome.',
    notStarted: (title: string) => `"${title}" has not started yet; its outcome cannot be recorded.`,
    cancelled: (title: string) => `"${title}" was cancelled; it has no outcome.`,
  },
  programme: {
    none: 'There is no current or upcoming consultation month.',
    header: (title: string, period: string) => `[${title}] ${period}`,
    period: (from: string, to: string) => `${from} to ${to}`,
    line: (date: string, time: string, sectors: string, title: string, number: number) =>
      `${date} ${time} | ${sectors} | ${title} (${number})`,
    empty: 'No events scheduled yet.',
    footer: 'Numbers in brackets are event numbers: "event <number>" for details, "signup <number>" to sign up.',
  },
  reminder: {
    lead: (when: string) => `[Reminder] ${when}`,
    inDays: (days: number) => (days === 1 ? 'tomorrow' : `in ${days} days`),
    inHours: (hours: number) => `in ${hours} hour${hours === 1 ? '' : 's'}`,
    inMinutes: (minutes: number) => `in ${minutes} minutes`,
    body: (e) =>
      `${e.title}\nTime: ${e.when}\nPlace: ${e.place}\nSectors: ${e.sectors}\nSend "signup ${e.number}" to sign up and "checkin ${e.number}" on site.`,
    memberBody: (e) => `You signed up for "${e.title}"\nTime: ${e.when}\nPlace: ${e.place}\nOn site, send "checkin ${e.number}".`,
  },
  errors: {
    endBeforeStart: 'An event must end after it starts.',
    programmeNotFound: (id: string) => `There is no programme "${id}".`,
    memberNotFound: (id: string) => `There is no member "${id}".`,
    capacityBelowSignups: (count: number) => `${count} people have signed up; the capacity cannot be lower.`,
    alreadyCancelled: (title: string) => `"${title}" is cancelled and can no longer be changed.`,
    programmeDatesInvalid: 'A programme cannot end before it starts.',
    programmeAlreadyCancelled: (title: string) => `The programme "${title}" is already cancelled.`,
    programmeCancelled: (title: string) => `The programme "${title}" is cancelled; it cannot be changed nor get new events.`,
    programmeHasLiveEvents: (title, events) =>
      `The programme "${title}" still has events that are neither cancelled nor done: ${events.map((e) => `"${e.title}" (no. ${e.number})`).join(', ')}. Cancel them first.`,
  },
  notices: {
    cancelled: (title: string, when: string) => `[Cancelled] "${title}" (${when}) has been cancelled.`,
    rescheduled: (title: string, when: string, place: string) => `[Changed] "${title}" is now ${when}, at ${place}.`,
  },
};
