import type { Address } from '../../platforms/types.js';

// The opinion loop's own model: states, grades, the audit trail and the repository it needs.
// Storage (src/storage/mongo/opinion-model.ts) builds its schema from these, never the other way round.

export const OPINION_STATES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'escalated',
  'merged',
  'declined',
  'closed',
] as const;
export type OpinionState = (typeof OPINION_STATES)[number];
export const OPINION_GRADES = ['simple', 'general', 'complex'] as const;
export type OpinionGrade = (typeof OPINION_GRADES)[number];
export const OPINION_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type OpinionRating = (typeof OPINION_RATINGS)[number];
export type OpinionSource = 'member-chat' | 'resident-service' | 'console';

/** One line of the append-only audit trail. */
export interface AuditEntry {
  /** A member id, a resident id, or 'system'. */
  who: string;
  whoName?: string;
  whoRole: string;
  at: Date;
  from: OpinionState | null;
  to: OpinionState;
  action: string;
  note?: string;
  /** What the step refers to, e.g. `event:7` when a meeting outcome resolved it. */
  ref?: string;
}

/**
 * An opinion (民意) as the rest of Yishi sees it: a plain record, whatever the store.
 *
 * @example
 * const open = opinion.state !== 'closed' && opinion.deadline && opinion.deadline < now;
 */
export interface OpinionRecord {
  id: string;
  number: string;
  content: string;
  source: OpinionSource;
  filer: { kind: 'member' | 'guest' | 'resident'; id: string };
  filerAddress?: Address;
  community?: string;
  category?: string;
  grade?: OpinionGrade;
  handlerId?: string;
  /** The member on duty whose 待办 holds a resident's opinion until someone accepts it. */
  queueMemberId?: string;
  limitStart?: Date;
  deadline?: Date;
  /** How many times it went back to in_progress (reopened); the overdue ladder restarts per round. */
  round: number;
  /** The highest overdue-ladder step already fired this round: 0, 50, 100 or 150. */
  ladderLevel: number;
  state: OpinionState;
  plusOnes: { count: number; by: string[] };
  rating?: OpinionRating;
  /** What the filer said with their rating (`基本满意 地砖换了但颜色不一样`), as typed. */
  ratingReason?: string;
  /** Why it was last reopened (`又松了`), as typed; kept for this round. */
  reopenReason?: string;
  result?: string;
  reason?: string;
  mergedInto?: string;
  acceptedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  audit: AuditEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewOpinion = Pick<OpinionRecord, 'content' | 'source' | 'filer'> &
  Partial<Pick<OpinionRecord, 'filerAddress' | 'community' | 'category' | 'queueMemberId'>>;

/**
 * The opinion with `personId` taken out ({@link OpinionRepository.anonymisePerson}), or null when
 * nothing of theirs is left in it. Every store applies the same rule through this function.
 */
export function anonymisedOpinion(
  opinion: Pick<OpinionRecord, 'filer' | 'filerAddress' | 'audit' | 'content'>,
  personId: string,
  placeholderName: string,
  scrubContent: (text: string) => string = (text) => text,
): { audit: AuditEntry[]; dropAddress: boolean; content: string } | null {
  const named = (entry: AuditEntry) => entry.who === personId && entry.whoName !== undefined && entry.whoName !== placeholderName;
  const filedByThem = opinion.filer.id === personId;
  const dropAddress = filedByThem && opinion.filerAddress !== undefined;
  const content = filedByThem ? scrubContent(opinion.content) : opinion.content;
  if (!dropAddress && content === opinion.content && !opinion.audit.some(named)) return null;
  const audit = opinion.audit.map((entry) => (named(entry) ? { ...entry, whoName: placeholderName } : entry));
  return { audit, dropAddress, content };
}

/** Fields a transition may set (and unset with `undefined`). */
export type OpinionChanges = Partial<
  Omit<OpinionRecord, 'id' | 'number' | 'audit' | 'createdAt' | 'updatedAt' | 'plusOnes' | 'filer' | 'source' | 'content'>
>;

export interface OpinionListFilter {
  state?: OpinionState;
  states?: OpinionState[];
  community?: string;
  category?: string;
  handlerId?: string;
  queueMemberId?: string;
  filerId?: string;
  from?: Date;
  to?: Date;
  grade?: OpinionGrade;
  /** Open with a deadline before this instant (the board's 逾期 filter). */
  overdueAt?: Date;
  /** Filed or handled by one of these members (a member's own, a convenor's sector). */
  scopeMemberIds?: string[];
}

/**
 * What the board's lists need of an opinion to filter, sort and count it: the fields a list filter
 * and a sort order read, without the text, the audit trail or who gave +1s. The board's read model
 * holds one per opinion (board-read-model.ts); the page's full records are read by id.
 */
export type BoardRow = Pick<
  OpinionRecord,
  'id' | 'number' | 'state' | 'community' | 'category' | 'grade' | 'handlerId' | 'queueMemberId' | 'createdAt' | 'deadline'
> & { filer: Pick<OpinionRecord['filer'], 'id'>; plusOnes: Pick<OpinionRecord['plusOnes'], 'count'> };

/** An opinion's board row, every field set (undefined when absent), so all rows share one shape. */
export function boardRowOf(o: BoardRow): BoardRow {
  return {
    id: o.id,
    number: o.number,
    state: o.state,
    community: o.community,
    category: o.category,
    grade: o.grade,
    handlerId: o.handlerId,
    queueMemberId: o.queueMemberId,
    createdAt: o.createdAt,
    deadline: o.deadline,
    filer: { id: o.filer.id },
    plusOnes: { count: o.plusOnes.count },
  };
}

/** Sort orders of the opinion list; `-` first means descending. Ties go newest first. */
export const OPINION_SORTS = ['createdAt', '-createdAt', 'deadline', '-deadline', 'number', '-number', 'plusOnes', '-plusOnes'] as const;
export type OpinionSort = (typeof OPINION_SORTS)[number];

/**
 * How `sort` orders opinions: its direction (1 ascending, -1 descending) and the value compared.
 * One home for the board's sort keys, used wherever opinions are sorted in code.
 */
export function opinionSortKey(sort: OpinionSort): { direction: 1 | -1; value: (o: BoardRow) => number | string } {
  const key = sort.replace(/^-/, '');
  const value = (o: BoardRow): number | string =>
    key === 'number'
      ? o.number
      : key === 'plusOnes'
        ? o.plusOnes.count
        : key === 'deadline'
          ? (o.deadline?.getTime() ?? -Infinity)
          : o.createdAt.getTime();
  return { direction: sort.startsWith('-') ? -1 : 1, value };
}

/** The states in which an opinion can be overdue: somebody owns the work and the clock runs. */
export const OVERDUE_STATES: readonly OpinionState[] = ['accepted', 'assigned', 'in_progress'];

/** Whether an opinion passes a list filter, decided in code (the in-memory stores, the board's read model). */
export function opinionMatches(opinion: OpinionRecord, filter: OpinionListFilter): boolean {
  return opinionMatcher(filter)(opinion);
}

/**
 * The test of a list filter, prepared once for many opinions (the board's read model runs it over
 * every opinion per request): instants compared as numbers, scopes as a set.
 */
export function opinionMatcher(filter: OpinionListFilter): (opinion: BoardRow) => boolean {
  const { state, states, community, category, handlerId, queueMemberId, filerId, grade } = filter;
  const from = filter.from?.getTime();
  const to = filter.to?.getTime();
  const overdueAt = filter.overdueAt?.getTime();
  const scope = filter.scopeMemberIds ? new Set(filter.scopeMemberIds) : undefined;
  return (opinion) => {
    if (state ? opinion.state !== state : states && !states.includes(opinion.state)) return false;
    if (community && opinion.community !== community) return false;
    if (category && opinion.category !== category) return false;
    if (handlerId && opinion.handlerId !== handlerId) return false;
    if (queueMemberId && opinion.queueMemberId !== queueMemberId) return false;
    if (filerId && opinion.filer.id !== filerId) return false;
    if (grade && opinion.grade !== grade) return false;
    if (from !== undefined || to !== undefined) {
      const at = opinion.createdAt.getTime();
      if ((from !== undefined && at < from) || (to !== undefined && at >= to)) return false;
    }
    if (overdueAt !== undefined && !(OVERDUE_STATES.includes(opinion.state) && opinion.deadline && opinion.deadline.getTime() < overdueAt))
      return false;
    return !scope || scope.has(opinion.filer.id) || (opinion.handlerId !== undefined && scope.has(opinion.handlerId));
  };
}

/**
 * Where opinions are kept (implemented in src/storage/mongo/opinion-repository.ts). The audit
 * trail is append-only: every change checks the expected state and appends its audit entry atomically.
 *
 * @example
 * const opinion = await opinions.create({ content: '路灯坏了', source: 'member-chat', filer: { kind: 'member', id } }, audit, now);
 * await opinions.transition(opinion.id, ['submitted'], 'accepted', { acceptedAt: now }, entry, now);
 */
export interface OpinionRepository {
  /** Takes the next number of the year from an atomic counter and stores the opinion. */
  create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord>;
  findByNumber(number: string): Promise<OpinionRecord | null>;
  findById(id: string): Promise<OpinionRecord | null>;
  /** Moves the opinion when its state is one of `from`; null when it is not (nothing changed). */
  transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null>;
  /** Appends an audit entry without changing the state (contact revealed, classification corrected). */
  appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null>;
  /** Adds one +1 by `who` to an open opinion; false when `who` had already added one. */
  addPlusOne(id: string, who: string, now: Date): Promise<boolean>;
  /** Raises the ladder level of this round, once: false when another tick did it first. */
  raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean>;
  list(
    filter: OpinionListFilter,
    page?: { skip: number; limit: number },
    sort?: OpinionSort,
  ): Promise<{ items: OpinionRecord[]; total: number }>;
  /** Up to `limit` opinions matching `filter`, newest first, without a total: one read (filing's similar-opinion check). */
  newest(filter: OpinionListFilter, limit: number): Promise<OpinionRecord[]>;
  /**
   * One page of `filter` in `sort` order with its total, and the counts per state of the same filter
   * without its state part (the board's tabs). Mongo reads the matching opinions' small fields once
   * (no sort or count FerretDB would run as more full scans), then the page's documents by `_id`.
   */
  boardPage(
    filter: OpinionListFilter,
    page: { skip: number; limit: number },
    sort: OpinionSort,
  ): Promise<{ items: OpinionRecord[]; total: number; countsByState: Partial<Record<OpinionState, number>> }>;
  /**
   * The board's read model's load: every opinion's {@link BoardRow} (no text, audit trail or +1
   * list), in `_id` order, handed over `batchSize` at a time. Mongo runs one query (a cursor read in
   * batches; ranges on `_id` would each scan the table on FerretDB) of only those fields, as plain
   * objects (lean).
   */
  boardRows(batchSize: number): AsyncIterable<BoardRow[]>;
  /** How many opinions match `filter`, per state (states with none are left out). */
  countByState(filter: OpinionListFilter): Promise<Partial<Record<OpinionState, number>>>;
  /** The latest `updatedAt` of any opinion, and how many there are (the board's change cursor). */
  latestChange(): Promise<{ at: Date | null; count: number }>;
  /**
   * Takes a person out of every opinion (an erasure): the name on their audit lines becomes
   * `placeholderName`, the address they filed from goes, and `scrubContent` (e.g. masking contact
   * details) rewrites the text of the opinions they filed. Ids (filer, handler, audit `who`) stay, so
   * the opinions keep their history. Answers how many opinions changed; a second call changes none.
   */
  anonymisePerson(personId: string, placeholderName: string, scrubContent?: (text: string) => string): Promise<number>;
}
