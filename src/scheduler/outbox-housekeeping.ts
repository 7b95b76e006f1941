import type { ScheduledJob } from '../core/scheduled-job.js';

const KEEP_CLAIMS_MS = 7 * 24 * 60 * 60_000;

/**
 * Nightly: forgets outbox claim-ledger entries older than a week (FerretDB has no TTL indexes),
 * and gives any waiting item without a queue entry its entry back (a safety net; it reads the
 * whole outbox, which is why it runs at night and not on every pass).
 */
export function outboxHousekeepingJob(outbox: {
  pruneClaims(before: Date): Promise<number>;
  recoverQueue(): Promise<number>;
}): ScheduledJob {
  return {
    name: 'outbox-housekeeping',
    cron: '30 3 * * *',
    run: async (now) => {
      await outbox.pruneClaims(new Date(now.getTime() - KEEP_CLAIMS_MS));
      await outbox.recoverQueue();
    },
  };
}
