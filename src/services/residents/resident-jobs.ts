import { formatBeijingDateTime } from '../../core/dates.js';
import { findOpinionNumbers } from '../../core/opinion-number.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { ResidentRecord } from './resident-records.js';
import type { Notifier } from '../notifier.js';
import { DAY_MS, REOPEN_WINDOW_MS } from '../opinions/types.js';

/** A held notice older than this could not be delivered: WeCom's window closed and the resident has not written since. */
export const UNDELIVERED_AFTER_MS = 48 * 60 * 60 * 1000;

export interface HeldNoticeReports {
  listUnreported(cutoff: Date): Promise<Array<{ id: string; text: string; heldAt: Date }>>;
  markReported(id: string, at: Date): Promise<void>;
}

export interface UndeliveredNoticeDeps {
  held: HeldNoticeReports;
  notifier: Notifier;
  messages: Messages;
}

/**
 * The staff group hears once about each notice to a resident that has been held for 48 hours (the
 * number only; never the resident's name or phone). Earlier reports would be noise: most residents
 * write again within a day, and the held notice then goes out by itself.
 */
export async function reportUndeliveredNotices(deps: UndeliveredNoticeDeps, now: Date): Promise<void> {
  const waiting = await deps.held.listUnreported(new Date(now.getTime() - UNDELIVERED_AFTER_MS));
  for (const notice of waiting) {
    const number = findOpinionNumbers(notice.text)[0];
    const text = deps.messages.residents.staffUndelivered(number, formatBeijingDateTime(notice.heldAt));
    await deps.notifier.notify(
      { kind: 'group', groupKey: 'staff' },
      { text, format: 'text' },
      { idempotencyKey: `kf-held:${notice.id}:staff` },
    );
    await deps.held.markReported(notice.id, now);
  }
}

export interface RetentionDeps {
  residents: { listWithContact(limit?: number): Promise<ResidentRecord[]>; eraseContact(id: string): Promise<void> };
  opinionsOf(residentId: string): Promise<OpinionRecord[]>;
  retentionDays: number;
  logger: Logger;
}

/** When an opinion stopped being open for good; undefined while it may still change. */
function closedAt(opinion: OpinionRecord): number | undefined {
  if (opinion.state === 'closed') return (opinion.closedAt ?? opinion.updatedAt).getTime();
  if (opinion.state === 'declined' || opinion.state === 'merged') return opinion.updatedAt.getTime();
  // Unrated: it can come back only within the 7-day window after 办结.
  if (opinion.state === 'resolved' && opinion.resolvedAt) return opinion.resolvedAt.getTime() + REOPEN_WINDOW_MS;
  return undefined;
}

/**
 * Deletes a resident's name and phone once every opinion of theirs has been closed for
 * RESIDENT_CONTACT_RETENTION_DAYS (a resident without opinions: that long after the last change).
 */
export async function eraseExpiredContacts(deps: RetentionDeps, now: Date): Promise<void> {
  const keepMs = deps.retentionDays * DAY_MS;
  let erased = 0;
  for (const resident of await deps.residents.listWithContact()) {
    const opinions = await deps.opinionsOf(resident.id);
    const ends = opinions.map(closedAt);
    if (ends.some((end) => end === undefined)) continue;
    const last = opinions.length > 0 ? Math.max(...(ends as number[])) : resident.updatedAt.getTime();
    if (last + keepMs > now.getTime()) continue;
    await deps.residents.eraseContact(resident.id);
    erased += 1;
  }
  if (erased > 0)
    deps.logger.info({ erased, retentionDays: deps.retentionDays }, "residents' contact details deleted after the retention period");
}
