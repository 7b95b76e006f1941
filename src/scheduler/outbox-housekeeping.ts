import type { Logger } from '../logger.js';
import type { ScheduledJob } from '../core/scheduled-job.js';

const DAY_MS = 24 * 60 * 60_000;
const KEEP_CLAIMS_MS = 7 * DAY_MS;

/**
 * How long a sent notice stays in the outbox. Its idempotency key refuses the same notice queued
 * again only while it is kept, so this must be longer than any window in which a job or service
 * queues a notice again after it was sent: the longest today is two days (missed shifts are
 * notified again the next day; the other jobs' keys carry their date, week or month, and opinion
 * and event notices are queued once per change). A month leaves ample room.
 */
export const OUTBOX_SENT_KEEP_MS = 30 * DAY_MS;

/**
 * Nightly: forgets outbox claim-ledger entries older than a week and items sent more than
 * {@link OUTBOX_SENT_KEEP_MS} ago, so neither grows with traffic (FerretDB v1 has no TTL indexes;
 * on MongoDB the same deletes use indexes), and gives any waiting item without a queue entry its
 * entry back (a safety net; it reads the whole outbox, which is why it runs at night and not on
 * every pass). Waiting, failed and skipped items are never pruned.
 */
export function outboxHousekeepingJob(
  outbox: {
    pruneClaims(before: Date): Promise<number>;
    pruneSent(before: Date): Promise<number>;
    recoverQueue(): Promise<number>;
  },
  logger: Logger,
): ScheduledJob {
  return {
    name: 'outbox-housekeeping',
    cron: '30 3 * * *',
    run: async (now) => {
      await outbox.pruneClaims(new Date(now.getTime() - KEEP_CLAIMS_MS));
      const pruned = await outbox.pruneSent(new Date(now.getTime() - OUTBOX_SENT_KEEP_MS));
      if (pruned > 0) logger.info({ pruned }, 'sent outbox items forgotten');
      await outbox.recoverQueue();
    },
  };
}
