import type { DigestService } from '../services/digest/digest-service.js';
import type { ScheduledJob } from './job.js';

/**
 * 周报 and 月度履职卡 (Beijing time, at WEEKLY_DIGEST_TIME):
 * - `records.weekly-digest` on Mondays: last week's digest and chart to the staff group;
 * - `records.monthly-cards` on the 1st: last month's card to each member 1:1.
 * Each run asks "is one due at now?"; outbox keys (`digest:weekly:2026-W48`,
 * `card:<memberId>:2026-11`) make reruns and other instances send nothing twice.
 */
export function digestJobs(digest: DigestService, digestTime: string): ScheduledJob[] {
  const [hour, minute] = digestTime.split(':').map(Number) as [number, number];
  return [
    { name: 'records.weekly-digest', cron: `${minute} ${hour} * * 1`, run: async (now) => void (await digest.sendWeeklyDigest(now)) },
    { name: 'records.monthly-cards', cron: `${minute} ${hour} 1 * *`, run: async (now) => void (await digest.sendMonthlyCards(now)) },
  ];
}
