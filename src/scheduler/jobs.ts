import type { ScheduledJob } from '../core/scheduled-job.js';
import type { Logger } from '../logger.js';
import type { DigestService } from '../services/digest/digest-service.js';
import type { OutcomeService } from '../services/outcomes/outcome-service.js';
import type { OpinionService } from '../services/opinions/opinion-service.js';
import type { RosterService } from '../services/roster/roster-service.js';
import type { CalendarService } from '../services/calendar/calendar-service.js';
import { calendarJobs } from './calendar-jobs.js';
import { digestJobs } from './digest-jobs.js';
import { inboxPruningJob } from './inbox-housekeeping.js';
import { opinionJobs } from './opinion-jobs.js';
import { outcomeJobs } from './outcome-jobs.js';
import { outboxHousekeepingJob } from './outbox-housekeeping.js';
import { residentJobs, type ResidentJobDeps } from './resident-jobs.js';
import { rosterJobs } from './roster-jobs.js';

export interface JobDeps {
  outbox: Parameters<typeof outboxHousekeepingJob>[0];
  inbox: Parameters<typeof inboxPruningJob>[0];
  roster: RosterService;
  opinions: OpinionService;
  residents: ResidentJobDeps;
  digest: DigestService;
  calendar: CalendarService;
  /** 协商成果: reminders before the due date and the one 督办 after it. */
  outcomes: OutcomeService;
  /** DUTY_REMINDER_TIME and WEEKLY_DIGEST_TIME (HH:MM, Beijing time). */
  times: { dutyReminder: string; weeklyDigest: string };
  logger: Logger;
}

/**
 * Every piece of timed work Yishi does, in one list: the composition registers each with the
 * scheduler (outbox passes are the scheduler's own). A new area's job is added here.
 */
export function scheduledJobs(deps: JobDeps): ScheduledJob[] {
  return [
    outboxHousekeepingJob(deps.outbox, deps.logger.child({ component: 'outbox' })),
    inboxPruningJob(deps.inbox, deps.logger.child({ component: 'inbox' })),
    ...rosterJobs(deps.roster, deps.times.dutyReminder),
    ...opinionJobs(deps.opinions, deps.times.weeklyDigest),
    ...residentJobs(deps.residents),
    ...digestJobs(deps.digest, deps.times.weeklyDigest),
    ...calendarJobs(deps.calendar, deps.times.weeklyDigest),
    ...outcomeJobs(deps.outcomes),
  ];
}
