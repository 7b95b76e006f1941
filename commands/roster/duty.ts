import type { CommandContext, CommandSpec, Reply } from '../command.js';
import { addDays, beijingDate, parseDateExpression, startOfWeek, type DateRange } from '../../src/core/dates.js';
import { showDate, showLine, type ShiftView } from '../../src/services/roster/format.js';
import { argRange } from './shared.js';

/** Phrasings people use instead of the command word: 今天谁值班, 下周三谁值班 … */
const QUESTION_ALIASES = [
  '谁值班',
  '今天谁值班',
  '明天谁值班',
  '后天谁值班',
  '本周谁值班',
  '这周谁值班',
  '下周谁值班',
  '今天值班',
  '明天值班',
];

/** 值班: who is on duty today, on a day, in a week (a compact table) or in a month. */
export const dutyCommand: CommandSpec = {
  id: 'duty',
  name: '值班',
  aliases: ['duty', '值班表', ...QUESTION_ALIASES],
  minRole: 'resident',
  args: [{ name: 'when', kind: 'date', required: false }],
  texts: (t) => t.roster.commands.duty,
  handler: async (ctx) => {
    const range = argRange(ctx, 'when') ?? rangeFromQuestion(ctx) ?? today(ctx);
    const shifts = await ctx.services.roster.listRange(range.from, range.to);
    return render(ctx, range, shifts);
  },
};

function today(ctx: CommandContext): DateRange {
  const date = beijingDate(ctx.clock.now());
  return { from: date, to: date, kind: 'day' };
}

/** `下周三谁值班` → 下周三; `今天值班` → 今天. */
function rangeFromQuestion(ctx: CommandContext): DateRange | null {
  const asked = /(\S*?)谁?(?:在)?值班/.exec(ctx.message.text.replace(/[@＠]\S+\s*/g, ''))?.[1];
  return asked ? parseDateExpression(asked, ctx.clock.now()) : null;
}

function render(ctx: CommandContext, range: DateRange, shifts: ShiftView[]): Reply {
  const t = ctx.t.roster.duty;
  const from = showDate(ctx.t, range.from);
  const to = showDate(ctx.t, range.to);
  if (range.kind === 'day') {
    return shifts.length
      ? t.day(
          from,
          shifts.map((shift) => showLine(ctx.t, shift)),
        )
      : t.noneOnDay(from);
  }
  if (shifts.length === 0) return t.noneInRange(from, to);
  if (range.kind === 'week') {
    const thisMonday = startOfWeek(beijingDate(ctx.clock.now()));
    const title =
      range.from === thisMonday
        ? t.weekTitle(from, to)
        : range.from === addDays(thisMonday, 7)
          ? t.nextWeekTitle(from, to)
          : t.weekTitleOther(from, to);
    const rows = shifts.map((shift) => {
      const note = shift.state === 'served' ? t.servedMark : shift.state === 'missed' ? t.missedMark : '';
      return t.tableRow(showDate(ctx.t, shift.date), ctx.t.roster.slot(shift.slot), shift.memberName, shift.place, note);
    });
    return { text: [`**${title}**`, '', t.tableHeader, ...rows].join('\n'), format: 'markdown' };
  }
  const byDate = new Map<string, string[]>();
  for (const shift of shifts) byDate.set(shift.date, [...(byDate.get(shift.date) ?? []), showLine(ctx.t, shift)]);
  return t.range(
    from,
    to,
    [...byDate].map(([date, lines]) => t.rangeLine(showDate(ctx.t, date), lines)),
  );
}
