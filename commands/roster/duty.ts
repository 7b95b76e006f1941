import type { CommandContext, CommandSpec, Reply } from '../command.js';
import type { DatePhrase, DayPart } from '../../src/core/date-phrases.js';
import { addDays, beijingDate, startOfWeek } from '../../src/core/dates.js';
import { showDate, showDutyDay, showLine, type ShiftView } from '../../src/services/roster/format.js';
import type { ShiftSlot } from '../../src/services/roster/shift-records.js';
import { slotHoursText } from '../../src/services/roster/slots.js';
import { argRange } from './shared.js';

/** The words for a part of the day typed after the date (`值班 明天 下午`). */
const PART_WORDS: Record<string, DayPart> = {
  上午: 'morning',
  早上: 'morning',
  下午: 'afternoon',
  晚上: 'evening',
  傍晚: 'evening',
  夜里: 'evening',
};

/** The shifts that cover a part of the day: a 全天 shift covers both halves; nobody serves in the evening. */
const SLOTS_OF: Record<DayPart, readonly ShiftSlot[]> = { morning: ['上午', '全天'], afternoon: ['下午', '全天'], evening: [] };

/**
 * 值班: who is on duty today, on a day (or half of it), in a week (a compact table) or a month.
 * Asked in plain Chinese too: `下周三谁值班`, `周六谁值班`, `谁值班 明天下午`, `下周三值班`.
 */
export const dutyCommand: CommandSpec = {
  id: 'duty',
  name: '值班',
  aliases: ['duty', '值班表', '谁值班'],
  askedAs: { anywhere: ['谁值班', '谁在值班', '是谁值班', '哪位值班', '值班的是谁', '值班是谁'], after: ['值班'] },
  minRole: 'resident',
  readOnly: true,
  args: [
    { name: 'when', kind: 'date', required: false },
    { name: 'part', kind: 'choice', required: false, choices: Object.keys(PART_WORDS) },
  ],
  texts: (t) => t.roster.commands.duty,
  handler: async (ctx) => {
    const asked = argRange(ctx, 'when') ?? today(ctx);
    const typedPart = ctx.args.part ? PART_WORDS[ctx.args.part] : undefined;
    const range: DatePhrase = typedPart && asked.kind === 'day' ? { ...asked, part: typedPart } : asked;
    const shifts = await ctx.services.roster.listRange(range.from, range.to);
    return render(ctx, range, shifts);
  },
};

function today(ctx: CommandContext): DatePhrase {
  const date = beijingDate(ctx.clock.now());
  return { from: date, to: date, kind: 'day' };
}

/** `12月10日（周四）`, with the year when the person wrote none and Yishi took one. */
function dateLabel(ctx: CommandContext, range: DatePhrase, date: string): string {
  const label = showDate(ctx.t, date);
  return range.inferredYear !== undefined ? ctx.t.roster.withYear(range.inferredYear, label) : label;
}

function render(ctx: CommandContext, range: DatePhrase, shifts: ShiftView[]): Reply {
  const t = ctx.t.roster.duty;
  const from = dateLabel(ctx, range, range.from);
  const to = dateLabel(ctx, range, range.to);
  if (range.kind === 'day') return renderDay(ctx, range, from, shifts);
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

/** One day, or the half of it that was asked: a 全天 shift answers 上午 and 下午; 晚上 has no shift. */
function renderDay(ctx: CommandContext, range: DatePhrase, date: string, shifts: ShiftView[]): string {
  const t = ctx.t.roster.duty;
  const lines = (list: ShiftView[]) => list.map((shift) => showLine(ctx.t, shift));
  if (!range.part) return showDutyDay(ctx.t, date, shifts);
  const partName = t.parts[range.part];
  if (range.part === 'evening') {
    const hours = (['上午', '下午'] as const).map((slot) => `${ctx.t.roster.slot(slot)} ${slotHoursText(slot)}`);
    return t.noEvening(date, hours, lines(shifts));
  }
  const covering = shifts.filter((shift) => SLOTS_OF[range.part!].includes(shift.slot));
  return covering.length ? t.dayPart(date, partName, lines(covering)) : t.noneOnDayPart(date, partName);
}
