import { beijingDate } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import type { Actor } from '../../core/roles.js';
import type { OutcomeRecord, OutcomeStep } from './outcome-records.js';
import { extensionProblem, readDueDate } from './outcome-rules.js';
import type { OutcomeDeps } from './outcome-service.js';

/** 延期 as staff give it, from chat or the API: the new due date as typed, and why. */
export interface OutcomeExtensionInput {
  dueDate: string;
  reason: string;
}

/** A checked 延期: the item as it stands, the new Beijing date and the reason. */
export interface CheckedExtension {
  item: OutcomeRecord;
  toDate: string;
  reason: string;
}

type ExtensionDeps = Pick<OutcomeDeps, 'outcomes' | 'notifier' | 'clock' | 'messages'>;

function fail(code: string, userMessage: string, status = 400): never {
  throw new YishiError(code, { userMessage, status });
}

/** Checks a 延期 against the item as it stands (nothing changes); every problem gets a clear answer. */
export function checkExtension(deps: ExtensionDeps, item: OutcomeRecord, input: OutcomeExtensionInput): CheckedExtension {
  const t = deps.messages.outcomes;
  const today = beijingDate(deps.clock.now());
  const reason = input.reason.trim();
  if (item.state !== 'in-progress') fail('outcome_extension_not_open', t.errors.extendNotOpen(item.number, t.states[item.state]), 409);
  const toDate = readDueDate(input.dueDate, today) ?? fail('outcome_due_date_invalid', t.errors.dueDateInvalid(input.dueDate.trim()));
  const problem = extensionProblem(item, toDate, today, reason);
  if (problem === 'not-later') fail('outcome_extension_not_later', t.errors.extendNotLater(toDate, item.dueDate));
  if (problem === 'past') fail('outcome_due_date_past', t.errors.dueDatePast(toDate, today));
  if (problem === 'reason-needed') fail('outcome_extension_reason_needed', t.errors.extendReasonNeeded);
  return { item, toDate, reason };
}

/**
 * Puts the due date back: an audit step (old → new date, who, why), the 督办 mark cleared so the
 * new date gets its own reminder and, if missed again, one new 督办; a responsible member is told.
 * Null when the item moved on between the check and the write (the caller checks again).
 */
export async function extendOutcome(deps: ExtensionDeps, actor: Actor, checked: CheckedExtension): Promise<OutcomeRecord | null> {
  const { item, toDate, reason } = checked;
  const now = deps.clock.now();
  const step: OutcomeStep & { fromDate: string; toDate: string } = {
    at: now,
    by: actor.memberId ?? actor.platformUserId,
    byName: actor.name,
    action: 'extended',
    note: reason,
    fromDate: item.dueDate,
    toDate,
  };
  const moved = await deps.outcomes.extend(item.number, step);
  if (!moved) return null;
  if (moved.responsible.kind === 'member')
    await deps.notifier.notify(
      { kind: 'member', memberId: moved.responsible.memberId },
      { text: deps.messages.outcomes.extendedNotice(moved.number, moved.text, item.dueDate, toDate, reason), format: 'text' },
      { idempotencyKey: `outcome:${moved.id}:extended:${toDate}` },
    );
  return moved;
}
