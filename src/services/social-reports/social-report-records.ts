// 社情民意信息 (reports of social conditions and public opinion): the area's own model — states,
// levels, the record and the repository the service needs.

/**
 * Where a report stands: sent to the office (已报送), edited into the office's bulletin (已编发),
 * forwarded to a higher committee (已上报), adopted (已采用) or not (未采用).
 */
export const SOCIAL_REPORT_STATES = ['submitted', 'edited', 'forwarded', 'adopted', 'not-adopted'] as const;
export type SocialReportState = (typeof SOCIAL_REPORT_STATES)[number];

/** The committees a report goes up to and is adopted by: 区/市/省/全国政协, lowest first. */
export const SOCIAL_REPORT_LEVELS = ['district', 'city', 'province', 'national'] as const;
export type SocialReportLevel = (typeof SOCIAL_REPORT_LEVELS)[number];

/** What the reporter wrote, in the form offices use. */
export interface SocialReportText {
  title: string;
  /** 基本情况 */
  situation: string;
  /** 原因分析 */
  analysis: string;
  /** 意见建议 */
  suggestions: string;
}

/** One step of a report's life, kept on the report (the audit trail). */
export interface SocialReportStep {
  at: Date;
  /** Member id of who did it (the reporter for the first step, staff after). */
  by: string;
  byName: string;
  /** `submitted` for the first step; `edit` for a change of the text without a change of state. */
  action: SocialReportState | 'edit';
  level?: SocialReportLevel;
  /** 批示 on adoption, the reason when not adopted, the fields changed by an edit. */
  note?: string;
}

/**
 * A 社情民意信息 report as the rest of Yishi sees it.
 *
 * @example
 * const adopted = report.state === 'adopted' && report.level === 'city';
 */
export interface SocialReportRecord extends SocialReportText {
  id: string;
  /** `SQ-2026-0001` */
  number: string;
  authorId: string;
  /** 反映人单位 as the reporter gave it (their sector when they gave none). */
  unit: string;
  /** The opinion it grew from (`MY-2026-000123`), when drafted with 社情民意 <编号>. */
  fromOpinion?: string;
  state: SocialReportState;
  /** The highest committee it went up to (已上报) or was adopted by (已采用). */
  level?: SocialReportLevel;
  /** 批示 noted on adoption. */
  instruction?: string;
  /** Why it was not adopted. */
  reason?: string;
  adoptedAt?: Date;
  steps: SocialReportStep[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewSocialReport = SocialReportText & Pick<SocialReportRecord, 'authorId' | 'unit'> & { fromOpinion?: string };

/** What a step changes besides the state. */
export type SocialReportChange = Partial<
  Pick<SocialReportRecord, 'level' | 'instruction' | 'reason' | 'adoptedAt' | 'unit'> & SocialReportText
>;

/**
 * Where reports are kept (src/storage/mongo/social-report-repository.ts, and in memory). Numbers come
 * from the per-year counter; every step is a conditional update on the state it starts from, so two
 * staff moving the same report cannot both win.
 */
export interface SocialReportRepository {
  create(report: NewSocialReport, first: SocialReportStep, now: Date, year: number): Promise<SocialReportRecord>;
  findByNumber(number: string): Promise<SocialReportRecord | null>;
  /**
   * Moves the report from `from` to `step.action` (or keeps the state for an edit), applying
   * `changes` and appending `step`; null when its state is no longer `from` (or it is unknown).
   */
  advance(
    number: string,
    from: SocialReportState,
    to: SocialReportState,
    changes: SocialReportChange,
    step: SocialReportStep,
  ): Promise<SocialReportRecord | null>;
  /** Newest first; `since`/`until` on the time it was sent (createdAt, until excluded). */
  list(filter: { state?: SocialReportState; authorId?: string; since?: Date; until?: Date }, limit: number): Promise<SocialReportRecord[]>;
}
