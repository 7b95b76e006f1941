import type { CommandContext, CommandSpec } from '../command.js';
import { readDatePhrase } from '../../src/core/date-phrases.js';
import { beijingInstant, eachDate, beijingDate, type DateRange } from '../../src/core/dates.js';
import { YishiError } from '../../src/core/errors.js';
import type { ShiftSlot } from '../../src/services/roster/shift-records.js';
import type { RotationRequest } from '../../src/services/roster/rotation.js';
import { showDate, showSpecialDays } from '../../src/services/roster/format.js';
import { resolveMember } from './shared.js';

const OPTION = /^(地点|场所|假日|节假日|放假|休息|调休|上班)[:：=](.*)$/;
const RANGE_SEPARATOR = /至|到|~|～/;

/**
 * 排班 <期间> <委员…> [地点:…] [假日:…] [调休:…] [上下午]: the staff's chat form of
 * POST /api/roster/generate. Shows what it will do and waits for 确认.
 */
export const generateRosterCommand: CommandSpec = {
  id: 'generate-roster',
  name: '排班',
  aliases: ['生成排班', 'roster'],
  minRole: 'staff',
  args: [{ name: 'spec', kind: 'text', required: true }],
  confirm: {
    preview: async (ctx) => {
      const request = await readRequest(ctx);
      const names = await Promise.all(request.memberIds.map(async (id) => (await ctx.services.members.findById(id))?.name ?? id));
      const plan = await ctx.services.roster.plan(request);
      const slots = request.slots.map((slot) => ctx.t.roster.slot(slot)).join('/');
      const g = ctx.t.roster.generate;
      // Nobody is messaged now; the members on it get their reminders on the day.
      const change =
        g.preview(showDate(ctx.t, request.from), showDate(ctx.t, request.to), names, request.place, slots, plan.workingDays) +
        g.specialDays(showSpecialDays(ctx.t, plan.specialDays));
      return { change, told: [] };
    },
  },
  texts: (t) => t.roster.commands.generate,
  handler: async (ctx) => {
    const result = await ctx.services.roster.generate(await readRequest(ctx));
    const g = ctx.t.roster.generate;
    return (
      g.done(result.created, result.kept, result.workingDays, showDate(ctx.t, result.from), showDate(ctx.t, result.to)) +
      g.specialDays(showSpecialDays(ctx.t, result.specialDays))
    );
  },
};

async function readRequest(ctx: CommandContext): Promise<RotationRequest> {
  const t = ctx.t.roster.generate;
  const now = ctx.clock.now();
  const tokens = (ctx.args.spec ?? '').split(/\s+/).filter(Boolean);
  const [periodText, ...rest] = tokens;
  const period = periodText ? readPeriod(periodText, now) : null;
  if (!period) throw new YishiError('roster_bad_period', { userMessage: t.period(periodText ?? '') });
  const request: RotationRequest = {
    from: period.from,
    to: period.to,
    memberIds: [],
    holidays: [],
    workdays: [],
    slots: ['全天'],
    place: ctx.t.roster.defaultPlace,
  };
  for (const token of rest) {
    const option = OPTION.exec(token);
    if (option) {
      const [, key, value] = option as unknown as [string, string, string];
      if (key === '地点' || key === '场所') request.place = value.trim();
      else (key === '调休' || key === '上班' ? request.workdays : request.holidays).push(...readDates(value, now, period, t));
    } else if (token === '上下午' || token === '半天' || token === '分上下午') {
      request.slots = ['上午', '下午'] as ShiftSlot[];
    } else {
      request.memberIds.push(await resolveMember(ctx, token));
    }
  }
  return request;
}

/**
 * `下月`, `2026-10`, `9月28日至10月11日`. A month and day without a year are read from the first
 * of this month on (排班 is for now and later), and the end of a range from its start on.
 */
function readPeriod(text: string, now: Date, notBefore = `${beijingDate(now).slice(0, 8)}01`): DateRange | null {
  const parts = text.split(RANGE_SEPARATOR);
  if (parts.length === 1) return readDatePhrase(text, now, { notBefore });
  if (parts.length !== 2) return null;
  const from = readDatePhrase(parts[0]!, now, { notBefore });
  const to = from ? readDatePhrase(parts[1]!, now, { notBefore: from.from }) : null;
  return from && to ? { from: from.from, to: to.to, kind: 'day' } : null;
}

/**
 * `10月1日,10月2日` or `10月1日至10月7日` (a range lists every day in it). A date without a year
 * belongs to the period being generated (`排班 2027-01 假日:1月1日` is 2027's New Year, asked in
 * 2026): it is read as of today, else as of the period's first day, else its last (a period across
 * New Year); a day outside the period is refused, never silently dropped.
 */
function readDates(value: string, now: Date, period: DateRange, t: CommandContext['t']['roster']['generate']): string[] {
  const inPeriod = (range: DateRange | null) => range !== null && range.from >= period.from && range.to <= period.to;
  return value
    .split(/[,，、;；]/)
    .filter(Boolean)
    .flatMap((part) => {
      const readings = [now, beijingInstant(period.from, 12), beijingInstant(period.to, 12)].map((asOf) => readPeriod(part, asOf));
      if (!readings[0]) throw new YishiError('roster_bad_date', { userMessage: t.badDate(part) });
      const range = readings.find(inPeriod);
      if (!range) throw new YishiError('roster_date_outside_period', { userMessage: t.outsidePeriod(part) });
      return eachDate(range.from, range.to);
    });
}
