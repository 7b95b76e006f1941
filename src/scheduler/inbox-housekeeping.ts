import type { Logger } from '../logger.js';
import type { ScheduledJob } from '../core/scheduled-job.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * How long the inbox remembers a message id. A signed WeCom callback is refused a day after its
 * timestamp (WECOM_TIMESTAMP_WINDOW_MS) and a DingTalk one after an hour, so neither can come back
 * later; but kf/sync_msg returns up to three days of a customer's messages when it is read
 * without a cursor, and those must still be known then. Three days, plus one for clock drift and
 * missed ticks.
 */
export const INBOX_KEEP_MS = 4 * DAY_MS;

/**
 * Hourly: forgets inbox records (dedup ids and their stored answers) older than
 * {@link INBOX_KEEP_MS}, so the inbox stays bounded. A job and not a TTL index because FerretDB
 * (dev and tests) has no TTL indexes; on MongoDB the same delete uses the `startedAt` index.
 */
export function inboxPruningJob(inbox: { pruneBefore(before: Date): Promise<number> }, logger: Logger): ScheduledJob {
  return {
    name: 'inbox-housekeeping',
    cron: '17 * * * *',
    run: async (now) => {
      const pruned = await inbox.pruneBefore(new Date(now.getTime() - INBOX_KEEP_MS));
      if (pruned > 0) logger.info({ pruned }, 'old inbox records forgotten');
    },
  };
}
