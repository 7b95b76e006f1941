import type { InboundMessageRepository } from '../core/inbox.js';
import type { ConsoleMessageRepository } from '../services/console-message-records.js';
import type { EventRepository, ProgrammeRepository } from '../services/events/event-records.js';
import type { PendingNoticeCanceller } from '../services/events/event-reminders.js';
import type { GroupRepository } from '../services/groups/group-records.js';
import type { MemberRepository } from '../services/members/member-records.js';
import type { DictionaryRepository } from '../services/opinions/dictionary-records.js';
import type { OpinionRepository } from '../services/opinions/opinion-records.js';
import type { OutboxMaintenance, OutboxRepository } from '../services/outbox-records.js';
import type { ProposalRepository } from '../services/proposals/proposal-records.js';
import type { OutcomeRepository } from '../services/outcomes/outcome-records.js';
import type { SocialReportRepository } from '../services/social-reports/social-report-records.js';
import type { ActivityRepository, OpinionFactsReader } from '../services/records/activity-records.js';
import type { SessionStore } from '../services/workbench/session-records.js';
import type { ErasureLog } from '../services/privacy/erasure-records.js';
import type { KfStores } from '../services/residents/kf-channel-stores.js';
import type { ResidentRepository } from '../services/residents/resident-records.js';
import type { ShiftRepository, ShiftSwapRepository } from '../services/roster/shift-records.js';
import type { SettingsRepository } from '../services/settings-records.js';

/**
 * Every repository the server uses, each typed by the interface its services declare, so the
 * composition runs on MongoDB (stores.ts) or in memory (memory-stores.ts) alike.
 */
export interface Repositories {
  members: MemberRepository;
  inbox: InboundMessageRepository;
  /** The dispatcher's outbox, plus withdrawing reminders and the nightly housekeeping. */
  outbox: OutboxRepository &
    PendingNoticeCanceller & { pruneClaims(before: Date): Promise<number>; pruneSent(before: Date): Promise<number> };
  /** Failed notices listed and queued again by hand (CLI, workbench). */
  outboxMaintenance: OutboxMaintenance;
  residents: ResidentRepository;
  opinions: OpinionRepository;
  communities: DictionaryRepository;
  categories: DictionaryRepository;
  settings: SettingsRepository;
  shifts: ShiftRepository;
  shiftSwaps: ShiftSwapRepository;
  consoleMessages: ConsoleMessageRepository;
  events: EventRepository;
  programmes: ProgrammeRepository;
  groups: GroupRepository;
  /** 居民服务号 (微信客服): cursors, send allowances, held notices, QR links, photos. */
  kf: KfStores;
  /** 履职档案: the append-only activity ledger. */
  activities: ActivityRepository;
  /** A read-only view of opinions for the records' rates. */
  opinionFacts: OpinionFactsReader;
  proposals: ProposalRepository;
  /** 社情民意信息. */
  socialReports: SocialReportRepository;
  /** 协商成果 and their 督办. */
  outcomes: OutcomeRepository;
  /** Who erased whose personal data, when and why (the audited erasure act). */
  erasures: ErasureLog;
  /** Workbench sessions in single-instance mode (with Redis, sessions live there instead). */
  sessions: SessionStore;
}
