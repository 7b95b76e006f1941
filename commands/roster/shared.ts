import type { CommandContext } from '../command.js';
import { readDatePhrase, type DatePhrase, type DayPart } from '../../src/core/date-phrases.js';
import { beijingDate, isIsoDate } from '../../src/core/dates.js';
import { YishiError } from '../../src/core/errors.js';

const PARTS: readonly DayPart[] = ['morning', 'afternoon', 'evening'];

/**
 * The date phrase a `date` argument named. The parser normally fills `<name>`, `<name>To`,
 * `<name>Kind` (and `<name>Part`, `<name>Year`); a raw phrase (or none) is read here by the same
 * reader, so the command works either way.
 */
export function argRange(ctx: CommandContext, name: string): DatePhrase | null {
  const value = ctx.args[name];
  if (value === undefined) return null;
  const to = ctx.args[`${name}To`];
  const kind = ctx.args[`${name}Kind`];
  if (isIsoDate(value) && to && (kind === 'day' || kind === 'week' || kind === 'month')) {
    const part = PARTS.find((p) => p === ctx.args[`${name}Part`]);
    const year = ctx.args[`${name}Year`];
    return { from: value, to, kind, ...(part ? { part } : {}), ...(year ? { inferredYear: Number(year) } : {}) };
  }
  if (isIsoDate(value)) return { from: value, to: value, kind: 'day' };
  const phrase = readDatePhrase(value, ctx.clock.now());
  if (!phrase) throw new YishiError('roster_bad_date', { userMessage: ctx.t.roster.duty.unknownDate(value) });
  return phrase;
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
