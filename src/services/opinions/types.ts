import type { Clock } from '../../core/clock.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { IncomingMessage } from '../../platforms/types.js';
import type { Coordination } from '../../core/coordination.js';
import type { DictionaryRepository } from './dictionary-records.js';
import type { MemberRepository } from '../members/member-records.js';
import type { OpinionGrade, OpinionRecord, OpinionRepository, OpinionState } from './opinion-records.js';
import type { ResidentRepository } from '../residents/resident-records.js';
import type { SettingsRepository } from '../settings-records.js';
import type { Notifier } from '../notifier.js';
import type { ActivityLedger } from '../records/activity-ledger.js';
import type { CalendarSource } from '../calendar/calendar-service.js';
import type { PrivacyGate } from '../privacy/privacy-gate.js';

export type { OpinionGrade, OpinionRating, OpinionRecord, OpinionState, AuditEntry } from './opinion-records.js';

/** What a member may write from an opinion: a 提案 or a 社情民意信息 report. */
export type DraftKind = 'proposal' | 'social-report';

/** An opinion as a draft may quote it: the record, its text masked, and a short summary. */
export interface DraftSource {
  opinion: OpinionRecord;
  content: string;
  summary: string;
}

/** Who is on duty now, as the roster service answers (it may not be wired: then nobody is). */
export type FindOnDuty = (now: Date) => Promise<{ memberId: string; shiftId: string } | null>;

/** Everything the opinion service needs, wired by hand in `src/main.ts`. */
export interface OpinionDeps {
  opinions: OpinionRepository;
  members: MemberRepository;
  residents: ResidentRepository;
  communities: DictionaryRepository;
  categories: DictionaryRepository;
  settings: SettingsRepository;
  notifier: Notifier;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  findOnDuty: FindOnDuty;
  /** 工作日历: time limits count working days and end at the close of the working day. */
  calendar: CalendarSource;
  /** What of an opinion and its filer each audience may see (notices, views, exports). */
  privacy: PrivacyGate;
  /** 履职台账: facts for members' records and the committee's rates (issue 9). */
  ledger?: ActivityLedger;
}

/** The person acting and the message they sent (for their identity and the chat they used). */
export interface Caller {
  actor: Actor;
  message: IncomingMessage;
}

/**
 * The loop's clock, one settings document: working days per grade, the office hours a deadline
 * ends with (close) and the ladder counts in (open–close), and how long a resolved opinion waits
 * for its rating before it is archived as 未评价.
 */
export type TimeLimits = Record<OpinionGrade, number> & {
  /** `HH:MM`, Beijing time. */
  openOfDay: string;
  /** `HH:MM`, Beijing time: every deadline ends then. */
  closeOfDay: string;
  /** Calendar days after 办结 without a rating before 已归档 as 未评价. */
  archiveUnratedAfterDays: number;
};

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  simple: 3,
  general: 7,
  complex: 15,
  openOfDay: '08:30',
  closeOfDay: '17:30',
  archiveUnratedAfterDays: 7,
};
export const TIME_LIMITS_KEY = 'opinion-time-limits';
export const DAY_MS = 24 * 60 * 60 * 1000;
/** 不满意 or 重新打开 within this long after 办结 sends an opinion back to its handler (the default). */
export const REOPEN_WINDOW_MS = 7 * DAY_MS;
/** The settings key of the reopening window, in days (GET/PUT /api/settings/reopen-window). */
export const REOPEN_DAYS_KEY = 'opinion-reopen-days';
export const DEFAULT_REOPEN_DAYS = 7;
export const MAX_CONTENT_CHARS = 2000;

/** States in which an opinion is still being worked on (similar ones may get a +1). */
export const OPEN_STATES: readonly OpinionState[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'];
/** States the overdue ladder watches: somebody owns the work and the clock runs. */
export const LADDER_STATES: readonly OpinionState[] = ['accepted', 'assigned', 'in_progress'];
