import { beijingYear } from '../../core/dates.js';
import { timeOfDay } from '../../core/scheduled-job.js';
import type { OfficeHours } from '../../core/working-calendar.js';
import { YishiError } from '../../core/errors.js';
import { normalizeOpinionNumber } from '../../core/opinion-number.js';
import { hasRole, type Actor } from '../../core/roles.js';
import type { Address, IncomingMessage } from '../../platforms/types.js';
import type { OpinionChanges, OpinionSource } from './opinion-records.js';
import type { Recipient } from '../notifier.js';
import type { Viewer } from '../privacy/privacy-gate.js';
import {
  DEFAULT_REOPEN_DAYS,
  DEFAULT_TIME_LIMITS,
  REOPEN_DAYS_KEY,
  TIME_LIMITS_KEY,
  type AuditEntry,
  type Caller,
  type OpinionDeps,
  type OpinionGrade,
  type OpinionRecord,
  type OpinionState,
  type TimeLimits,
} from './types.js';

export const isStaff = (actor: Actor) => hasRole(actor.role, 'staff');

/** The resident's stored identity, as the platform that delivered the message gave it. */
export function residentIdentity(message: IncomingMessage): { identityKey: string; address: Address } {
  const { identityKey, address } = message.sender;
  if (!address) throw new Error(`${message.platform} gave a resident no address to be answered at`);
  return { identityKey, address };
}

/** Where the filer will hear about their opinion: the chat they used (1:1 even when they wrote in a group). */
export function filerAddress(message: IncomingMessage): Address | undefined {
  return message.sender.address;
}

export function sourceOf(message: IncomingMessage): OpinionSource {
  return message.source;
}

/** The identity an opinion stores for its filer (and +1s): member id, resident id, or the guest's platform id. */
export async function callerIdentity(deps: OpinionDeps, caller: Caller): Promise<{ kind: 'member' | 'guest' | 'resident'; id: string }> {
  if (caller.actor.memberId) return { kind: 'member', id: caller.actor.memberId };
  if (caller.actor.role === 'resident') {
    const { identityKey, address } = residentIdentity(caller.message);
    const resident = await deps.residents.findOrCreate(identityKey, address);
    return { kind: 'resident', id: resident.id };
  }
  return { kind: 'guest', id: `${caller.message.platform}:${caller.message.sender.platformUserId}` };
}

/** One audit line. Residents are recorded by id only: the trail never carries their name. */
export async function auditEntry(
  deps: OpinionDeps,
  caller: Caller | 'system',
  from: OpinionState | null,
  to: OpinionState,
  action: string,
  note?: string,
): Promise<AuditEntry> {
  const at = deps.clock.now();
  if (caller === 'system') return { who: 'system', whoRole: 'system', at, from, to, action, ...(note ? { note } : {}) };
  const identity = await callerIdentity(deps, caller);
  return {
    who: identity.id,
    ...(identity.kind === 'resident' ? {} : { whoName: caller.actor.name }),
    whoRole: caller.actor.role,
    at,
    from,
    to,
    action,
    ...(note ? { note } : {}),
  };
}

/**
 * One audit line for an actor who acts without a chat message of their own (a meeting outcome
 * recorded through the admin API, say): members by id, anyone else by platform identity.
 */
export function actorAuditEntry(
  deps: OpinionDeps,
  actor: Actor,
  from: OpinionState | null,
  to: OpinionState,
  action: string,
  note?: string,
  ref?: string,
): AuditEntry {
  return {
    who: actor.memberId ?? `${actor.platform}:${actor.platformUserId}`,
    whoName: actor.name,
    whoRole: actor.role,
    at: deps.clock.now(),
    from,
    to,
    action,
    ...(note ? { note } : {}),
    ...(ref ? { ref } : {}),
  };
}

/** How many days after 办结 an opinion may be reopened (or sent back by 不满意): the settings' or 7. */
export async function reopenDays(deps: OpinionDeps): Promise<number> {
  return (await deps.settings.get<number>(REOPEN_DAYS_KEY)) ?? DEFAULT_REOPEN_DAYS;
}

export async function timeLimits(deps: OpinionDeps): Promise<TimeLimits> {
  return { ...DEFAULT_TIME_LIMITS, ...((await deps.settings.get<Partial<TimeLimits>>(TIME_LIMITS_KEY)) ?? {}) };
}

/** The office hours of the loop's settings. */
export function officeHours(limits: TimeLimits): OfficeHours {
  return { open: timeOfDay(limits.openOfDay), close: timeOfDay(limits.closeOfDay) };
}

/**
 * A fresh time limit: from `start`, the grade's number of working days (the start day not
 * counted), ending at the close of the last one; the ladder starts over.
 */
export async function limitFrom(deps: OpinionDeps, grade: OpinionGrade, start: Date): Promise<OpinionChanges> {
  const limits = await timeLimits(deps);
  const calendar = await deps.calendar.current();
  return { grade, limitStart: start, deadline: calendar.deadline(start, limits[grade], officeHours(limits)), ladderLevel: 0 };
}

/** Finds an opinion by what a person typed; a clear answer when the number is unknown. */
export async function loadOpinion(deps: OpinionDeps, word: string): Promise<OpinionRecord> {
  const t = deps.messages.opinions.errors;
  const number = normalizeOpinionNumber(word, beijingYear(deps.clock.now()));
  if (!number) throw new YishiError('opinion_number_invalid', { userMessage: t.badNumber(word) });
  const opinion = await deps.opinions.findByNumber(number);
  if (!opinion) throw new YishiError('opinion_not_found', { userMessage: t.notFound(number), status: 404 });
  return opinion;
}

/** The audit note of a community/category correction: `community: 未分类 → 青石社区; category: …`. */
export function classificationNote(opinion: OpinionRecord, changes: { community?: string; category?: string }): string {
  const parts = (['community', 'category'] as const)
    .filter((field) => changes[field])
    .map((field) => `${field}: ${opinion[field] ?? '-'} → ${changes[field]}`);
  return parts.join('; ');
}

/** Refuses unless the opinion is in one of `states`. */
export function assertState(deps: OpinionDeps, opinion: OpinionRecord, states: readonly OpinionState[], action: string): void {
  if (states.includes(opinion.state)) return;
  const t = deps.messages.opinions;
  throw new YishiError('opinion_wrong_state', {
    userMessage: t.errors.wrongState(opinion.number, t.states[opinion.state], action),
    status: 409,
  });
}

export function refuse(deps: OpinionDeps, opinion: OpinionRecord, action: string): never {
  throw new YishiError('opinion_not_yours', { userMessage: deps.messages.opinions.errors.notYours(opinion.number, action), status: 403 });
}

/** The changed record, or the answer for a concurrent change (someone moved it first). */
export function changed(deps: OpinionDeps, opinion: OpinionRecord, updated: OpinionRecord | null, action: string): OpinionRecord {
  if (updated) return updated;
  throw new YishiError('opinion_changed', {
    userMessage: deps.messages.opinions.errors.changedMeanwhile(opinion.number, action),
    status: 409,
  });
}

/** True when the caller filed this opinion. */
export async function isFiler(deps: OpinionDeps, caller: Caller, opinion: OpinionRecord): Promise<boolean> {
  return (await callerIdentity(deps, caller)).id === opinion.filer.id;
}

/** The member receiving residents now: staff, the member on duty, or the one whose 待办 holds it. */
export async function isReceiver(deps: OpinionDeps, actor: Actor, opinion?: OpinionRecord): Promise<boolean> {
  if (isStaff(actor)) return true;
  if (!actor.memberId) return false;
  if (opinion?.queueMemberId === actor.memberId) return true;
  const onDuty = await deps.findOnDuty(deps.clock.now());
  return onDuty?.memberId === actor.memberId;
}

export function filerRecipient(opinion: OpinionRecord): Recipient {
  if (opinion.filerAddress) return { kind: 'address', address: opinion.filerAddress };
  if (opinion.filer.kind === 'resident') return { kind: 'resident', residentId: opinion.filer.id };
  return { kind: 'member', memberId: opinion.filer.id };
}

/** The caller as the privacy gate sees them: where they ask, and how they stand to the opinion. */
export async function viewerOf(deps: OpinionDeps, caller: Caller, opinion: OpinionRecord, me?: { id: string }): Promise<Viewer> {
  return {
    chat: caller.message.chat.kind === 'group' ? 'group' : 'direct',
    isStaff: isStaff(caller.actor),
    isFiler: (me ?? (await callerIdentity(deps, caller))).id === opinion.filer.id,
    isHandler: opinion.handlerId !== undefined && opinion.handlerId === caller.actor.memberId,
  };
}
