import type { OpinionState } from '../opinions/opinion-records.js';

// The activity ledger's own model: what kinds of fact it records and the repository the records
// service needs. Storage (src/storage/mongo/activity-model.ts) builds its schema from these.

/** What happened, in the words of the 履职档案 (performance record). */
export const ACTIVITY_KINDS = [
  'shift-served', // 值班签到: a reception shift served
  'opinion-filed', // a member filed an opinion (反映)
  'opinion-accepted', // an opinion accepted (受理) by this member or staff
  'opinion-resolved', // resolved (办结 or 当场办结), on time or late, by its handler
  'opinion-rated', // the filer rated the result (满意 / 基本满意 / 不满意)
  'opinion-rating-withdrawn', // reopened after that rating: it no longer counts in any rate
  'event-attended', // checked in at a consultation event (活动签到)
  'proposal-submitted', // staff marked a proposal (提案) submitted: one entry for the author
  'proposal-cosigned', // … and one for each co-signer (联名)
  'social-report-submitted', // the member sent a 社情民意信息 report to the office (报送)
  'social-report-adopted', // … and a committee adopted it (采用); `ref` is its number, `level` who adopted it
  'outcome-delivered', // a 协商成果 of an event the member ran (recorded its outcome: 谁组织谁记录) was delivered (已落实)
  'outcome-delivery-withdrawn', // that item was taken back to 落实中 (重新落实): its earlier delivery no longer counts
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * One line of the append-only activity ledger (履职台账).
 *
 * @example
 * const served = entries.filter((entry) => entry.kind === 'shift-served').length;
 */
export interface ActivityRecord {
  id: string;
  /** Unique per logical fact (`opinion-resolved:<id>:<round>`): a retried transition writes once. */
  key: string;
  kind: ActivityKind;
  at: Date;
  memberId?: string;
  /** What it is about: an opinion, shift, event, proposal or 社情民意信息 id. */
  subjectId: string;
  /** Human reference (opinion number, proposal number, event number) for exports. */
  ref?: string;
  community?: string;
  onTime?: boolean;
  onSpot?: boolean;
  withinDay?: boolean;
  rating?: string;
  /** 社情民意信息 采用: the committee that adopted it (district, city, province, national). */
  level?: string;
}

export type NewActivity = Omit<ActivityRecord, 'id'>;

/**
 * The activity ledger (履职台账): facts written by the services at the moment they happen, never
 * typed by hand and never changed. Appending is idempotent on `key` (unique index).
 *
 * @example
 * await activities.append({ key: `shift-served:${shift.id}`, kind: 'shift-served', at: now, memberId, subjectId: shift.id }, now);
 * const november = await activities.listBetween(from, to);
 */
export interface ActivityRepository {
  /** True when stored now, false when an entry with this key already exists. */
  append(entry: NewActivity, now: Date): Promise<boolean>;
  /** Entries with `from <= at < to`, oldest first; optionally one member's or some kinds only. */
  listBetween(from: Date, to: Date, filter?: { memberId?: string; kinds?: readonly ActivityKind[] }): Promise<ActivityRecord[]>;
}

/** The fields of an opinion the committee's rates read (no content, no contact). */
export interface OpinionFact {
  id: string;
  number: string;
  state: OpinionState;
  community?: string;
  category?: string;
  grade?: string;
  filerKind: 'member' | 'guest' | 'resident';
  handlerId?: string;
  queueMemberId?: string;
  createdAt: Date;
  acceptedAt?: Date;
  deadline?: Date;
  resolvedAt?: Date;
  rating?: string;
  plusOnes: number;
}

/** The optional fields of an opinion a fact carries when the opinion has them. */
export const OPTIONAL_FACT_FIELDS = [
  'community',
  'category',
  'grade',
  'handlerId',
  'queueMemberId',
  'acceptedAt',
  'deadline',
  'resolvedAt',
  'rating',
] as const satisfies ReadonlyArray<keyof OpinionFact>;

/** What the export needs besides the facts; the privacy gate masks it before it is written. */
export interface OpinionExportText {
  content: string;
  result?: string;
  ratingReason?: string;
  reopenReason?: string;
  filer: { kind: 'member' | 'guest' | 'resident'; id: string };
}

/**
 * A read-only view of the opinions for the rates and exports (implemented in
 * src/storage/mongo/activity-opinion-facts.ts, which keeps the arithmetic in TypeScript: FerretDB v1
 * lacks `$max` and friends in `$group`).
 *
 * @example
 * const facts = await opinionFacts.touching(start, end); // created in [start, end) or due in it
 */
export interface OpinionFactsReader {
  /** Opinions created before `end` that were created on/after `start` or are due on/after `start`. */
  touching(start: Date, end: Date): Promise<OpinionFact[]>;
  /** Opinions created in `[start, end)`, oldest first, with their content and filer (for the export, through the privacy gate). */
  createdBetween(start: Date, end: Date): Promise<Array<OpinionFact & OpinionExportText>>;
  /** How many opinions are in each state now. */
  countByState(): Promise<Partial<Record<OpinionState, number>>>;
}
