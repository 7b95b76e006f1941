import type { ScheduledJob } from '../core/scheduled-job.js';
import type { OutcomeService } from '../services/outcomes/outcome-service.js';

/**
 * 协商成果's timed work (Beijing time):
 * - `outcomes.supervision` hourly at :20 (from 09:00): a reminder within 3 days of an item's due
 *   date, and one 督办 notice to the office group once it has passed while the item is still 落实中.
 *   Outbox keys and the item's 督办 mark make reruns, on any instance, send nothing twice.
 */
export function outcomeJobs(outcomes: OutcomeService): ScheduledJob[] {
  return [{ name: 'outcomes.supervision', cron: '20 * * * *', run: async (now) => void (await outcomes.runSupervision(now)) }];
}
