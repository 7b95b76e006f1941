import type { CommandContext } from '../command.js';
import { beijingDate, isIsoDate, parseDateExpression, type DateRange } from '../../src/core/dates.js';
import { YishiError } from '../../src/core/errors.js';

/**
 * The date range a `date` argument named. The parser normally fills `<name>`, `<name>To` and
 * `<name>Kind`; a raw expression (or none) is read here, so the command works either way.
 */
export function argRange(ctx: CommandContext, name: string): DateRange | null {
  const value = ctx.args[name];
  if (value === undefined) return null;
  const to = ctx.args[`${name}To`];
  const kind = ctx.args[`${name}Kind`];
  if (isIsoDate(value) && to && (kind === 'day' || kind === 'week' || kind === 'month')) return { from: value, to, kind };
  if (isIsoDate(value)) return { from: value, to: value, kind: 'day' };
  const range = parseDateExpression(value, ctx.clock.now());
  if (!range) throw new YishiError('roster_bad_date', { userMessage: ctx.t.roster.duty.unknownDate(value) });
  return range;
}

/** A single day from a `date` argument (the first day of a range). */
export function argDay(ctx: CommandContext, name: string): string | undefined {
  return argRange(ctx, name)?.from;
}

/** Today in Beijing, by the injected clock. */
export function today(ctx: CommandContext): string {
  return beijingDate(ctx.clock.now());
}

/** The asker's member id, or a friendly refusal. */
export function requireMemberId(ctx: CommandContext, refusal: string): string {
  if (!ctx.actor.memberId) throw new YishiError('roster_not_member', { userMessage: refusal });
  return ctx.actor.memberId;
}

/**
 * A member named by an argument: an id (the parser resolves @-mentions and names to ids), an
 * @-mention, or a plain name that must match exactly one active member.
 */
export async function resolveMember(ctx: CommandContext, value: string | undefined): Promise<string> {
  const t = ctx.t.roster.swap;
  const mentioned = ctx.extras.memberIds[0];
  if (!value && mentioned) return mentioned;
  const name = (value ?? '').replace(/^[@＠]/, '').trim();
  if (name && (await ctx.services.members.findById(name))) return name;
  const found = name ? await ctx.services.members.findByName(name) : [];
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0 && mentioned) return mentioned;
  throw new YishiError(found.length === 0 ? 'member_not_found' : 'member_ambiguous', {
    userMessage: found.length === 0 ? t.memberNotFound(name) : t.memberAmbiguous(name),
  });
}
