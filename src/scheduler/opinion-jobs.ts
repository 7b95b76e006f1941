import { cronAt, type ScheduledJob } from '../core/scheduled-job.js';
import type { OpinionService } from '../services/opinions/opinion-service.js';

/**
 * 民意闭环's timed work (Beijing time):
 * - `opinions.overdue-ladder` every ten minutes: the overdue ladder's due steps;
 * - `opinions.overdue-board` on Mondays at WEEKLY_DIGEST_TIME: the staff group's 逾期看板;
 * - `opinions.archive-unrated` hourly: resolved opinions nobody rated in time are archived as 未评价.
 */
export function opinionJobs(opinions: OpinionService, weeklyDigestTime: string): ScheduledJob[] {
  return [
    { name: 'opinions.overdue-ladder', cron: '*/10 * * * *', run: async (now) => void (await opinions.runOverdueLadder(now)) },
    { name: 'opinions.archive-unrated', cron: '7 * * * *', run: async (now) => void (await opinions.archive.run(now)) },
    { name: 'opinions.overdue-board', cron: cronAt(weeklyDigestTime, { weekday: 1 }), run: (now) => opinions.ladder.postWeeklyBoard(now) },
  ];
}
