import type { DigestService } from '../services/digest/digest-service.js';
import { cronAt, type ScheduledJob } from '../core/scheduled-job.js';

/**
 * 周报 and 月度履职卡 (Beijing time, at WEEKLY_DIGEST_TIME):
 * - `records.weekly-digest` on Mondays: last week's digest and chart to the staff group;
 * - `records.monthly-cards` on the 1st: last month's card to each member 1:1.
 * Each run asks "is one due at now?"; outbox keys (`digest:weekly:2026-W48`,
 * `card:<memberId>:2026-11`) make reruns and other instances send nothing twice.
 */
export function digestJobs(digest: DigestService, digestTime: string): ScheduledJob[] {
  return [
    {
      name: 'records.weekly-digest',
      cron: cronAt(digestTime, { weekday: 1 }),
      run: async (now) => void (await digest.sendWeeklyDigest(now)),
    },
    {
      name: 'records.monthly-cards',
      cron: cronAt(digestTime, { dayOfMonth: 1 }),
      run: async (now) => void (await digest.sendMonthlyCards(now)),
    },
  ];
}
