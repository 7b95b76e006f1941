import type { MemberRepository } from './members/member-records.js';
import type { Notifier } from './notifier.js';
import type { EventServices } from './events/event-services.js';
import type { OpinionService } from './opinions/opinion-service.js';
import type { ResidentRepository } from './residents/resident-records.js';
import type { ResidentFiling } from './residents/resident-filing.js';
import type { RosterService } from './roster/roster-service.js';
import type { RecordsService } from './records/records-service.js';
import type { ProposalService } from './proposals/proposal-service.js';
import type { SocialReportService } from './social-reports/social-report-service.js';
import type { OutcomeService } from './outcomes/outcome-service.js';
import type { PointsService } from './points/points-service.js';
import type { GroupDirectory } from './groups/group-directory.js';
import type { CalendarService } from './calendar/calendar-service.js';
import type { MemberService } from './members/member-service.js';
import type { WorkbenchSessions } from './workbench/workbench-sessions.js';

/**
 * The committee's work, as commands and the scheduler see it. Each area adds its service here
 * and `src/main.ts` builds it.
 */
export interface Services {
  members: MemberRepository;
  /** Changes to who is a member (deactivation), one rule for chat and the admin API. */
  memberAdmin: MemberService;
  residents: ResidentRepository;
  /** A resident's filing on the residents' service: the limit, the checks, filing, contact and photos (the residents' filing dialogue calls it). */
  residentFiling: ResidentFiling;
  notifier: Notifier;
  /** The duty roster (轮值接待); `findOnDuty(now)` routes residents' opinions. */
  roster: RosterService;
  /** The opinion loop (民意闭环): filing, triage, closing, the overdue ladder. */
  opinions: OpinionService;
  /** 界别协商议事月: events (catalog), sign-up and check-in (attendance), programmes. */
  events: EventServices;
  /** 履职档案 and 统计: members' records and the committee's rates, from the activity ledger. */
  records: RecordsService;
  /** 提案: drafts and their submission. */
  proposals: ProposalService;
  /** 社情民意信息: reports sent, edited, forwarded and adopted. */
  socialReports: SocialReportService;
  /** 履职积分: points from the record by the office's rules, each member's own. */
  points: PointsService;
  /** 协商成果 and 督办: results of consultations followed until delivered. */
  outcomes: OutcomeService;
  /** The committee groups directory: registering a group chat as a notice channel. */
  groups: GroupDirectory;
  /** 工作日历: official holidays and 调休, and the office's own days. */
  calendar: CalendarService;
  /** 工作台: one-time sign-in links (工作台/登录) and the sessions they open. */
  workbench: WorkbenchSessions;
}
