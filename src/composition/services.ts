import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { platformAddressIdentity } from '../platforms/address-identity.js';
import { kfResidentEraser } from '../platforms/wecom/kf-erasure.js';
import { CalendarService } from '../services/calendar/calendar-service.js';
import type { CalendarSource } from '../services/calendar/calendar-service.js';
import { DigestService } from '../services/digest/digest-service.js';
import { meetingResolverOf } from '../services/events/event-attendance.js';
import { buildEventServices } from '../services/events/event-services.js';
import { GroupDirectory } from '../services/groups/group-directory.js';
import { MemberService } from '../services/members/member-service.js';
import { OpinionService } from '../services/opinions/opinion-service.js';
import { BoardReadModel } from '../services/opinions/board-read-model.js';
import { ChangeMarkedOpinions } from '../services/opinions/change-marker.js';
import { OutboxNotifier } from '../services/outbox-notifier.js';
import { PersonErasure } from '../services/privacy/person-erasure.js';
import { PrivacyGate } from '../services/privacy/privacy-gate.js';
import { ProposalService } from '../services/proposals/proposal-service.js';
import { SocialReportService } from '../services/social-reports/social-report-service.js';
import { OutcomeService } from '../services/outcomes/outcome-service.js';
import { PointsService } from '../services/points/points-service.js';
import { ActivityLedger } from '../services/records/activity-ledger.js';
import { RecordsService } from '../services/records/records-service.js';
import { ResidentFilingLimit } from '../services/residents/filing-limit.js';
import { ResidentTalk } from '../services/residents/resident-talk.js';
import { ResidentFiling } from '../services/residents/resident-filing.js';
import { RosterService } from '../services/roster/roster-service.js';
import type { Services } from '../services/services.js';
import type { Coordination } from '../core/coordination.js';
import type { Repositories } from './stores.js';
import type { SessionStore } from '../services/workbench/session-records.js';
import { WorkbenchSessions } from '../services/workbench/workbench-sessions.js';

export type ServiceSettings = Pick<Config, 'dutyReminderTime' | 'weeklyDigestTime' | 'chartFontFile' | 'residentOpinionsPerHour'>;

export interface ServiceDeps {
  repositories: Repositories;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  settings: ServiceSettings;
  /** Told after each notice is stored (the scheduler sends soon instead of at its next tick). */
  onEnqueued: () => void;
  /** 工作台: where sessions are kept, the key cookies are signed with, and the address people open. */
  workbench: { store: SessionStore; cookieKey: string; publicUrl: () => string };
}

export interface RosterDeps {
  repositories: Pick<Repositories, 'shifts' | 'shiftSwaps' | 'members'>;
  notifier: OutboxNotifier;
  ledger: ActivityLedger;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  reminderTime: string;
  /** The working calendar: official holidays and 调休 are off/on by default. */
  calendar: CalendarSource;
}

/** 轮值接待: the duty roster (its notices are written in the configured locale); the server and the CLI share it. */
export function buildRoster(deps: RosterDeps): RosterService {
  const { shifts, shiftSwaps, members } = deps.repositories;
  const { notifier, ledger, coordination, clock, messages, reminderTime, calendar } = deps;
  return new RosterService({
    shifts,
    swaps: shiftSwaps,
    members,
    notifier,
    coordination,
    clock,
    t: messages,
    reminderTime,
    ledger,
    calendar,
  });
}

export type CommitteeServices = ReturnType<typeof buildServices>;

/** The committee's services on the given repositories, and the `Services` bag the bot's commands use. */
export function buildServices(deps: ServiceDeps) {
  const { repositories: repos, coordination, clock, messages, settings } = deps;
  const { members, residents, communities, categories } = repos;
  const notifier = new OutboxNotifier(repos.outbox, clock, deps.onEnqueued);
  const ledger = new ActivityLedger(repos.activities);
  // 工作日历: one calendar for every deadline, reminder and roster.
  const calendar = new CalendarService({ settings: repos.settings, clock, messages, notifier });
  const roster = buildRoster({
    calendar,
    repositories: repos,
    notifier,
    ledger,
    coordination,
    clock,
    messages,
    reminderTime: settings.dutyReminderTime,
  });
  // 工作台登录: chat links, platform sign-ins and the sessions they open.
  const workbench = new WorkbenchSessions({
    ...deps.workbench,
    members,
    coordination,
    clock,
    logger: deps.logger.child({ component: 'workbench' }),
  });
  // Who is a member: one rule (deactivation) for 删除成员 and DELETE /api/members/:id; losing access ends sessions.
  const memberAdmin = new MemberService({
    members,
    upcomingShifts: async (memberId, now) => (await roster.upcomingFor(memberId, now, 50)).length,
    clock,
    messages,
    onAccessLost: (memberId, reason) => workbench.revokeMember(memberId, reason),
  });
  // What of an opinion and its filer each audience may see: every notice, view, draft and export asks it.
  const privacy = new PrivacyGate({ residents, messages });
  // 民意闭环: the opinion loop; residents' opinions go to the member on duty when the roster knows one.
  // Every opinion write leaves a mark in coordination: the workbench's change cursor reads only that.
  const opinionStore = new ChangeMarkedOpinions(repos.opinions, coordination, clock, deps.logger.child({ component: 'opinion-feed' }));
  const opinions = new OpinionService({
    opinions: opinionStore,
    members,
    residents,
    communities,
    categories,
    settings: repos.settings,
    notifier,
    coordination,
    clock,
    messages,
    findOnDuty: (now) => roster.findOnDuty(now),
    calendar,
    ledger,
    privacy,
  });
  // 界别协商议事月: events, sign-up, check-in; reminders go through the outbox.
  const events = buildEventServices({
    events: repos.events,
    programmes: repos.programmes,
    members,
    notifier,
    outbox: repos.outbox,
    clock,
    messages,
    opinions: () => meetingResolverOf(opinions),
    ledger,
  });
  // 履职档案、统计、提案: records and rates read the ledger; staff submitting a proposal writes to it.
  const records = new RecordsService({ activities: repos.activities, opinionFacts: repos.opinionFacts, members, clock, messages });
  const proposals = new ProposalService({
    proposals: repos.proposals,
    members,
    ledger,
    notifier,
    clock,
    messages,
    draftSource: (actor, word, kind) => opinions.draftSource(actor, word, kind),
    recordDraftFrom: (actor, opinion, kind, number) => opinions.recordDraftFrom(actor, opinion, kind, number),
  });
  const socialReports = new SocialReportService({
    reports: repos.socialReports,
    members,
    ledger,
    notifier,
    clock,
    messages,
    draftSource: (actor, word, kind) => opinions.draftSource(actor, word, kind),
    recordDraftFrom: (actor, opinion, kind, number) => opinions.recordDraftFrom(actor, opinion, kind, number),
  });
  // 协商成果 and 督办: results of events and escalated opinions, followed until delivered.
  const outcomes = new OutcomeService({
    outcomes: repos.outcomes,
    members,
    findEvent: (ref) => events.catalog.findEvent(ref),
    findOpinion: (number) => opinions.find(number),
    ledger,
    notifier,
    clock,
    messages,
  });
  // 履职档案: the Monday digest (with its chart) and the monthly member cards.
  const digest = new DigestService({
    records,
    opinionFacts: repos.opinionFacts,
    notifier,
    clock,
    messages,
    digestTime: settings.weeklyDigestTime,
    outcomes,
    chartFont: settings.chartFontFile,
  });
  // 居民服务号: residents file opinions in a conversation, not commands (the kf desk hands it pages).
  const residentLog = deps.logger.child({ component: 'residents' });
  const residentFiling = new ResidentFiling({
    opinions,
    communities,
    residents,
    photos: repos.kf.photos,
    clock,
    messages,
    logger: residentLog,
    filingLimit: new ResidentFilingLimit({ opinions, residents, clock, perHour: settings.residentOpinionsPerHour }),
  });
  const residentTalk = new ResidentTalk({
    opinions,
    filing: residentFiling,
    clock,
    messages,
    logger: residentLog,
    shifts: (from, to) => roster.listRange(from, to),
    outcomeLines: (number) => outcomes.linesFor(outcomes.forOpinion(number), true),
  });
  const services: Services = {
    members,
    memberAdmin,
    residents,
    residentFiling,
    notifier,
    roster,
    opinions,
    events,
    records,
    proposals,
    socialReports,
    outcomes,
    points: new PointsService({ records, members, settings: repos.settings, clock }),
    groups: new GroupDirectory({ groups: repos.groups, messages, addresses: platformAddressIdentity }),
    calendar,
    workbench,
  };
  // The board's list: this instance's read model of every opinion, kept current by the change feed.
  const boardReads = new BoardReadModel({ source: repos.opinions, coordination, logger: deps.logger.child({ component: 'board' }) });
  // Erasing a person's data: a separate, audited admin act (POST /api/members/:id/erase, /api/residents/:id/erase).
  // Through the change-marked store, so the board sees the rewritten texts too.
  const erasure = new PersonErasure({
    members,
    residents,
    channels: [kfResidentEraser(repos.kf)],
    opinions: opinionStore,
    erasures: repos.erasures,
    clock,
    messages,
  });
  return {
    ...services,
    services,
    ledger,
    privacy,
    digest,
    residentTalk,
    residentLog,
    erasure,
    opinionChanges: () => opinionStore.lastChange(),
    // The board's list answers from this instance's read model, kept current by the change feed.
    boardReads,
    /** Ends the feed's retries and the read model's re-reads (at shutdown). */
    stopBoardFeed: async () => {
      opinionStore.stop();
      await boardReads.stop();
    },
  };
}
