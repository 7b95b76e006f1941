import type { ScheduledJob } from '../core/scheduled-job.js';
import type { PhotoKeeper } from '../services/residents/photo-keeper.js';
import {
  eraseExpiredContacts,
  reportUndeliveredNotices,
  type RetentionDeps,
  type UndeliveredNoticeDeps,
} from '../services/residents/resident-jobs.js';

export interface ResidentJobDeps {
  undelivered: UndeliveredNoticeDeps;
  retention: RetentionDeps;
  /** Absent when the 微信客服 channel is not configured: there are no photos to fetch. */
  photoKeeper?: PhotoKeeper;
}

/**
 * 居民服务号's timed work (Beijing time):
 * - `residents.undelivered-notices` every 30 minutes: staff hear of notices held for 48 hours;
 * - `residents.photo-downloads` every 10 minutes: residents' photos, well within WeCom's 3 days;
 * - `residents.contact-retention` daily at 03:30: contact details go after the retention period.
 */
export function residentJobs(deps: ResidentJobDeps): ScheduledJob[] {
  const jobs: ScheduledJob[] = [
    { name: 'residents.undelivered-notices', cron: '*/30 * * * *', run: (now) => reportUndeliveredNotices(deps.undelivered, now) },
  ];
  const { photoKeeper } = deps;
  if (photoKeeper)
    jobs.push({ name: 'residents.photo-downloads', cron: '*/10 * * * *', run: async (now) => void (await photoKeeper.keepWaiting(now)) });
  jobs.push({ name: 'residents.contact-retention', cron: '30 3 * * *', run: (now) => eraseExpiredContacts(deps.retention, now) });
  return jobs;
}
