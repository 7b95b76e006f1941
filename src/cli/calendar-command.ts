import { beijingYear, isIsoDate } from '../core/dates.js';
import { CliError, type OperatorContext } from './operator-context.js';

/**
 * `yishi calendar show|off|on|clear`: the office's own days over the official calendar, the same
 * ones PUT /api/settings/calendar sets (CalendarService), straight in MongoDB.
 */
export async function calendarCommand(
  ctx: OperatorContext,
  sub: string | undefined,
  args: string[],
  options: { year?: string; name?: string },
): Promise<string> {
  const m = ctx.t.operations.cli.calendar;
  const cli = ctx.t.operations.cli;
  if (sub === 'show' || sub === undefined) {
    const year = options.year === undefined ? beijingYear(ctx.clock.now()) : Number(options.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new CliError(m.badYear(options.year ?? ''), 2);
    const calendar = await ctx.calendar.current();
    const days = calendar.specialDaysIn(`${year}-01-01`, `${year}-12-31`);
    const lines = days.map((d) => m.line(d.date, d.working, [d.name, ctx.t.calendar.reasons[d.reason]].filter(Boolean).join(' · ')));
    return [m.header(year, calendar.knowsYear(year)), ...(lines.length ? lines : [m.none])].join('\n');
  }
  const date = args[0] ?? '';
  if (!isIsoDate(date)) throw new CliError(cli.roster.badDate(date), 2);
  const others = (await ctx.calendar.officeDays()).filter((d) => d.date !== date);
  if (sub === 'clear') {
    if (others.length === (await ctx.calendar.officeDays()).length) return m.notSet(date);
    await ctx.calendar.setOfficeDays(others);
    return m.cleared(date);
  }
  if (sub !== 'off' && sub !== 'on') throw new CliError(cli.unknownCommand(`calendar ${sub}`), 2);
  const working = sub === 'on';
  await ctx.calendar.setOfficeDays([...others, { date, working, ...(options.name ? { name: options.name } : {}) }]);
  return m.saved(date, working ? m.on : m.off);
}
