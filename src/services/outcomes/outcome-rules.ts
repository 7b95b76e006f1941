import { addDays, daysBetween, isIsoDate } from '../../core/dates.js';
import type { OutcomeRecord, OutcomeState } from './outcome-records.js';

/** A result is one sentence or a short paragraph, not a report. */
export const MAX_OUTCOME_CHARS = 500;
/** Reminders go out from this many days before the due date. */
export const REMIND_DAYS_BEFORE = 3;
/** Nothing is sent at night: reminders and 督办 wait until this Beijing hour. */
export const NOTICE_HOUR = 9;

/**
 * A due date as people type it: `2026-12-31`, `2026/12/31`, `2026年12月31日`, `12月31日`, `12-31`.
 * Without a year: this year's, or next year's when this year's has already gone (typed in December
 * for January). Null when it is no date.
 *
 * @example
 * readDueDate('12月20日', '2026-11-10'); // '2026-12-20'
 */
export function readDueDate(word: string, today: string): string | null {
  const text = word.normalize('NFKC').trim();
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const short = full ? null : /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const pad = (n: string) => n.padStart(2, '0');
  if (full) {
    const date = `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
    return isIsoDate(date) ? date : null;
  }
  if (!short) return null;
  const year = Number(today.slice(0, 4));
  const date = `${year}-${pad(short[1]!)}-${pad(short[2]!)}`;
  if (!isIsoDate(date)) return null;
  return date < today ? `${year + 1}-${date.slice(5)}` : date;
}

/** True when the item is still 落实中 after its due date (Beijing). */
export function isOverdue(item: Pick<OutcomeRecord, 'state' | 'dueDate'>, today: string): boolean {
  return item.state === 'in-progress' && item.dueDate < today;
}

/** Days left until the due date, when a reminder is due today (within {@link REMIND_DAYS_BEFORE}); else null. */
export function reminderDaysLeft(item: Pick<OutcomeRecord, 'state' | 'dueDate'>, today: string): number | null {
  if (item.state !== 'in-progress' || item.dueDate < today || item.dueDate > addDays(today, REMIND_DAYS_BEFORE)) return null;
  return daysBetween(today, item.dueDate);
}

/** Why a step cannot be taken, or null. */
export type OutcomeStepProblem = 'final' | 'same' | 'reason-needed' | 'reopen-reason-needed';

/**
 * Items are settled once: 落实中 → 已落实 or 未落实 (with a reason). One settled by mistake goes back
 * to 落实中 first (重新落实, with a reason), never straight from one result to the other.
 */
export function stepProblem(from: OutcomeState, to: OutcomeState, note: string): OutcomeStepProblem | null {
  if (to === from) return 'same';
  if (from !== 'in-progress' && to !== 'in-progress') return 'final';
  if (!note.trim()) return to === 'not-delivered' ? 'reason-needed' : to === 'in-progress' ? 'reopen-reason-needed' : null;
  return null;
}

/** Why a due date cannot be put back (延期), or null. */
export type OutcomeExtensionProblem = 'not-open' | 'reason-needed' | 'not-later' | 'past';

/** 延期: only while 落实中, with a reason, to a date later than the current one and not already gone. */
export function extensionProblem(
  item: Pick<OutcomeRecord, 'state' | 'dueDate'>,
  newDate: string,
  today: string,
  reason: string,
): OutcomeExtensionProblem | null {
  if (item.state !== 'in-progress') return 'not-open';
  if (newDate <= item.dueDate) return 'not-later';
  if (newDate < today) return 'past';
  if (!reason.trim()) return 'reason-needed';
  return null;
}

/** The digest's figures: every item, by state, and how many of those 落实中 are overdue. */
export interface OutcomeCounts {
  total: number;
  delivered: number;
  inProgress: number;
  overdue: number;
  notDelivered: number;
}

export function countOutcomes(items: readonly Pick<OutcomeRecord, 'state' | 'dueDate'>[], today: string): OutcomeCounts {
  return {
    total: items.length,
    delivered: items.filter((i) => i.state === 'delivered').length,
    inProgress: items.filter((i) => i.state === 'in-progress').length,
    overdue: items.filter((i) => isOverdue(i, today)).length,
    notDelivered: items.filter((i) => i.state === 'not-delivered').length,
  };
}
