import { addDays, beijingDate, beijingTimeOfDay } from '../../core/dates.js';
import type { OutcomeRecord } from './outcome-records.js';
import { isOverdue, NOTICE_HOUR, REMIND_DAYS_BEFORE, reminderDaysLeft } from './outcome-rules.js';
import type { OutcomeDeps } from './outcome-service.js';

/** What the pass needs of the service: names in words. */
export interface OutcomeWords {
  responsibleName(item: Pick<OutcomeRecord, 'responsible'>): Promise<string>;
  sourceWords(item: OutcomeRecord): Promise<string>;
}

/**
 * The outbox key of an item's 督办 notice: one per due date. An item never put back keeps the key
 * it had before 延期 existed, so a notice already in the outbox is never sent a second time.
 */
export function supervisionKey(item: Pick<OutcomeRecord, 'id' | 'dueDate' | 'extensions'>): string {
  return item.extensions ? `outcome:${item.id}:supervision:${item.dueDate}` : `outcome:${item.id}:supervision`;
}

/** The reminder's key: one per due date, so a new date (延期) gets its own single reminder. */
export const reminderKey = (item: Pick<OutcomeRecord, 'id' | 'dueDate'>): string => `outcome:${item.id}:remind:${item.dueDate}`;

/**
 * The scheduler's pass (from 09:00 Beijing): a reminder to the responsible member (or the office
 * group for a unit) once within {@link REMIND_DAYS_BEFORE} days of the due date, and ONE 督办
 * notice to the office group once it has passed while still 落实中. Outbox keys and the item's
 * 督办 mark (set only while the item is still due on the date the notice was for) make every later
 * pass, on any instance, send nothing again; a 延期 clears the mark, so the new date gets its own.
 */
export async function superviseOutcomes(
  deps: Pick<OutcomeDeps, 'outcomes' | 'notifier' | 'messages'>,
  words: OutcomeWords,
  now: Date,
): Promise<{ reminded: number; supervised: number }> {
  const t = deps.messages.outcomes;
  const done = { reminded: 0, supervised: 0 };
  if (beijingTimeOfDay(now).hour < NOTICE_HOUR) return done;
  const today = beijingDate(now);
  const open = await deps.outcomes.list({ states: ['in-progress'], dueBy: addDays(today, REMIND_DAYS_BEFORE) }, 5000);
  for (const item of open) {
    if (isOverdue(item, today)) {
      if (item.supervisedAt) continue;
      await deps.notifier.notify(
        { kind: 'group', groupKey: 'staff' },
        {
          text: t.supervision(item.number, item.text, await words.responsibleName(item), item.dueDate, await words.sourceWords(item)),
          format: 'text',
        },
        { idempotencyKey: supervisionKey(item) },
      );
      if (await deps.outcomes.markSupervised(item.number, item.dueDate, now)) done.supervised += 1;
      continue;
    }
    const days = reminderDaysLeft(item, today);
    if (days === null) continue;
    const recipient =
      item.responsible.kind === 'member'
        ? { kind: 'member' as const, memberId: item.responsible.memberId }
        : { kind: 'group' as const, groupKey: 'staff' };
    await deps.notifier.notify(
      recipient,
      { text: t.reminder(item.number, item.text, await words.responsibleName(item), item.dueDate, days), format: 'text' },
      { idempotencyKey: reminderKey(item) },
    );
    done.reminded += 1;
  }
  return done;
}
