import { isIsoDate } from '../core/dates.js';
import { monthPeriod } from '../services/events/programme-service.js';
import { showSpecialDays } from '../services/roster/format.js';
import type { ShiftSlot } from '../services/roster/shift-records.js';
import { CliError, type OperatorContext } from './operator-context.js';

export interface RosterOptions {
  from?: string;
  to?: string;
  month?: string;
  members?: string;
  place?: string;
  halfDays?: boolean;
  holidays?: string;
  workdays?: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * `yishi roster generate`: the same rotation as POST /api/roster/generate and the 排班 command
 * (RosterService.generate), for a month (--month 2026-04) or a period (--from/--to). Without
 * --members every active member (role 委员) takes a turn, in the order they were registered.
 */
export async function generateRoster(ctx: OperatorContext, options: RosterOptions): Promise<string> {
  const m = ctx.t.operations.cli.roster;
  const period =
    options.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)
      ? monthPeriod(options.month)
      : { startDate: options.from ?? '', endDate: options.to ?? '' };
  const dates = { from: period.startDate, to: period.endDate, holidays: list(options.holidays), workdays: list(options.workdays) };
  for (const date of [dates.from, dates.to, ...dates.holidays, ...dates.workdays])
    if (!isIsoDate(date)) throw new CliError(m.badDate(options.month ?? date), 2);
  const memberIds: string[] = [];
  if (options.members) {
    for (const name of list(options.members)) {
      const found = await ctx.members.findByName(name);
      if (found.length !== 1) throw new CliError(m.unknownMember(name), 2);
      memberIds.push(found[0]!.id);
    }
  } else {
    memberIds.push(...(await ctx.members.list({ role: 'member' })).map((member) => member.id));
  }
  if (memberIds.length === 0) throw new CliError(m.noMembers);
  const roster = await ctx.roster();
  const slots: ShiftSlot[] = options.halfDays ? ['上午', '下午'] : ['全天'];
  const result = await roster.generate({ ...dates, memberIds, slots, place: options.place ?? ctx.t.roster.defaultPlace });
  return (
    m.done(result.created, result.kept, result.workingDays, result.from, result.to) +
    ctx.t.roster.generate.specialDays(showSpecialDays(ctx.t, result.specialDays))
  );
}
