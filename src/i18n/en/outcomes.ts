import type { outcomesZh } from '../zh-CN/outcomes.js';

/** Consultation results and supervision (协商成果与督办). */
export const outcomesEn: typeof outcomesZh = {
  commands: {
    add: {
      usage: '成果登记 <event no.|opinion no.> <responsible unit or member> <due date> <result>',
      description: 'Enter a result agreed by a meeting or an escalated opinion’s consultation, with who delivers it and by when (staff)',
      examples: [
        '成果登记 7 District housing bureau 2026-12-31 choose the lift sites',
        '成果登记 MY-2026-000123 张委员 12月20日 visit and verify',
      ],
    },
    handle: {
      usage: '成果办理 <result no.> <已落实 [note]|未落实 reason>',
      description: 'Record a result as delivered or not delivered (with the reason); residents whose opinion led to it are told (staff)',
      examples: [
        '成果办理 CG-2026-0001 已落实',
        '成果办理 CG-2026-0002 未落实 land quota refused',
        '成果办理 CG-2026-0003 重新落实 entered by mistake',
      ],
    },
    extend: {
      usage: '成果延期 <result no.> <new due date> <reason>',
      description:
        'Put back the due date of a result being delivered, with the reason; reminded again before the new date, one more supervision notice if missed (staff)',
      examples: ['成果延期 CG-2026-0001 2026-12-31 land approval pending', '成果延期 CG-2026-0002 1月15日 waiting for the budget'],
    },
    list: {
      usage: '成果列表 [event no.|opinion no.|逾期]',
      description: 'Results and their delivery: all being delivered, of one event or opinion, or the overdue ones',
      examples: ['成果列表', '成果列表 7', '成果列表 逾期'],
    },
  },
  states: { 'in-progress': 'being delivered', delivered: 'delivered', 'not-delivered': 'not delivered' },
  stateWords: {
    'in-progress': ['落实中', '重新落实', '改回落实中', 'in-progress', 'reopen'],
    delivered: ['已落实', '落实', '完成', '已完成', 'delivered'],
    'not-delivered': ['未落实', '未完成', 'not-delivered'],
  },
  overdueWords: ['逾期', '超期', '已逾期', 'overdue'],
  overdueTag: ' (overdue)',
  supervisedTag: ' (supervision notice sent)',
  line: (number, text, responsible, dueDate, state, tag) => `${number} ${text} — by ${responsible} · due ${dueDate} · ${state}${tag}`,
  listTitle: (count) => `${count} result(s):`,
  listNone: 'No results match.',
  preview: (source, text, responsible, dueDate) => `A result will be entered for ${source}: ${text}\nBy: ${responsible}\nDue: ${dueDate}`,
  sourceEvent: (number, title) => `event “${title}” (no. ${number})`,
  sourceOpinion: (number) => `opinion ${number}`,
  settles: (numbers) => `Opinions: ${numbers}`,
  added: (number, text, dueDate) =>
    `Result ${number} entered: ${text}, due ${dueDate}. Those responsible are reminded 3 days before; if still open after the date, one supervision notice goes out.`,
  stepPreview: (number, text, state, note) => `Result ${number} (${text}) will become: ${state}${note ? ` (${note})` : ''}.`,
  filersTold: (numbers) => `the residents who raised ${numbers}`,
  done: (number, state) => `Result ${number} is now: ${state}.`,
  assigned: (number, text, dueDate) =>
    `You are responsible for delivering result ${number}: ${text}. Due ${dueDate}; tell the office when done.`,
  reminder: (number, text, responsible, dueDate, days) =>
    `[Reminder] Result ${number}: ${text}\nBy ${responsible}, due ${dueDate} (${days} day(s) left).`,
  supervision: (number, text, responsible, dueDate, source) =>
    `[Supervision] Result ${number} is past its due date ${dueDate} and still being delivered: ${text}\nBy ${responsible} (from ${source}). Record delivery with “成果办理 ${number} 已落实”.`,
  delivered: (opinion, text) => `The result of the consultation on what you raised (${opinion}) has been delivered: ${text}. Thank you!`,
  detailTitle: 'Results:',
  plainLine: (text, state, dueDate) => `· ${text} (${state}, due ${dueDate})`,
  digest: (total, delivered, inProgress, overdue, notDelivered) =>
    `Results: ${total} in all: ${delivered} delivered, ${inProgress} being delivered (${overdue} overdue), ${notDelivered} not delivered`,
  apiActor: 'admin API',
  unknownMember: '(a removed member)',
  extendPreview: (number, text, from, to, reason) =>
    `The due date of result ${number} (${text}) will move from ${from} to ${to}.\nReason: ${reason}\nReminded 3 days before the new date; one more supervision notice if it is missed.`,
  extended: (number, to, count) => `Result ${number} is now due ${to} (extension ${count}).`,
  extendedNotice: (number, text, from, to, reason) =>
    `The due date of result ${number} (${text}) has moved from ${from} to ${to}. Reason: ${reason}. Please deliver it by then and tell the office.`,
  extendedTag: (count) => ` (extended ${count}×)`,
  reopenPreview: (number, text, state, reason) =>
    `Result ${number} (${text}) will go back from “${state}” to being delivered.\nReason: ${reason}`,
  creditWithdrawn: 'Its delivery, counted in the organiser’s record, is withdrawn; it counts again when delivered.',
  reopened: (number, dueDate) =>
    `Result ${number} is being delivered again, still due ${dueDate}; to move the date, use “成果延期 ${number} <new due date> <reason>”.`,
  cardLine: (count) => `Results of events they ran, delivered: ${count}`,
  errors: {
    badNumber: (word) => `“${word}” is not a result number (CG-2026-0001).`,
    notFound: (number) => `No result ${number}.`,
    badSource: (word) => `“${word}” is neither an event number nor an opinion number.`,
    noEventOutcome: (number, title) =>
      `Event “${title}” (no. ${number}) has no outcome yet; record it with “活动结果 ${number} <text>” first.`,
    eventCancelled: (title) => `Event “${title}” was cancelled.`,
    opinionNotFound: (number) => `No opinion ${number}.`,
    notEscalated: (number) => `Opinion ${number} was not escalated to consultation.`,
    textEmpty: 'Write the result.',
    textTooLong: (max) => `A result is at most ${max} characters.`,
    responsibleEmpty: 'Name the responsible unit or member.',
    dueDateInvalid: (word) => `“${word}” is not a date (2026-12-31 or 12月31日).`,
    dueDatePast: (date, today) => `The due date ${date} has passed (today is ${today}).`,
    stepUnknown: (word) => `“${word}” is not a step: 已落实, 未落实 with the reason, or 重新落实 with the reason.`,
    reasonNeeded: '未落实 needs the reason.',
    final: (number, state) =>
      `Result ${number} is already ${state}; if that was a mistake, take it back first with “成果办理 ${number} 重新落实 <reason>”.`,
    reopenReasonNeeded: 'Taking a result back to being delivered needs the reason.',
    extendNotOpen: (number, state) => `Result ${number} is already ${state}; only a result being delivered can be extended.`,
    extendNotLater: (to, current) => `The new due date ${to} must be later than the current one, ${current}.`,
    extendReasonNeeded: 'An extension needs the reason.',
    sameState: (number, state) => `Result ${number} is already ${state}.`,
    memberNotFound: (id) => `No member ${id}.`,
    opinionNotLinked: (number) => `Opinion ${number} is not among those the event outcome settles.`,
  },
};
