import type { CommandContext, CommandSpec } from '../command.js';
import { readDatePhrase } from '../../src/core/date-phrases.js';
import { beijingDate, eachDate, type DateRange } from '../../src/core/dates.js';
import { YishiError } from '../../src/core/errors.js';
import type { ShiftSlot } from '../../src/services/roster/shift-records.js';
import { workingDays, type RotationRequest } from '../../src/services/roster/rotation.js';
import { showDate } from '../../src/services/roster/format.js';
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
      const days = workingDays(request.from, request.to, request.holidays, request.workdays).length;
      const slots = request.slots.map((slot) => ctx.t.roster.slot(slot)).join('/');
      const from = showDate(ctx.t, request.from);
      const to = showDate(ctx.t, request.to);
      // Nobody is messaged now; the members on it get their reminders on the day.
      return { change: ctx.t.roster.generate.preview(from, to, names, request.place, slots, days), told: [] };
    },
  },
  texts: (t) => t.roster.commands.generate,
  handler: async (ctx) => {
    const result = await ctx.services.roster.generate(await readRequest(ctx));
    return ctx.t.roster.generate.done(
      result.created,
      result.kept,
      result.workingDays,
      showDate(ctx.t, result.from),
      showDate(ctx.t, result.to),
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
      else
        (key === '调休' || key === '上班' ? request.workdays : request.holidays).push(
          ...readDates(value, now, `${period.from.slice(0, 8)}01`, t.badDate),
        );
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
 * `10月1日,10月2日` or `10月1日至10月7日` (a range lists every day in it); without a year, read from
 * the first of the period's first month on (`排班 2027-01 假日:1月1日` is 2027's New Year).
 */
function readDates(value: string, now: Date, notBefore: string, bad: (value: string) => string): string[] {
  return value
    .split(/[,，、;；]/)
    .filter(Boolean)
    .flatMap((part) => {
      const range = readPeriod(part, now, notBefore);
      if (!range) throw new YishiError('roster_bad_date', { userMessage: bad(part) });
      return eachDate(range.from, range.to);
    });
}
