// 协商成果 and 督办: the results a consultation agreed on, each with who delivers it and by when,
// followed until delivered. The area's own model — states, the record and the repository.

/** 落实中 (being delivered), 已落实 (delivered), 未落实 (not delivered, with the reason). */
export const OUTCOME_STATES = ['in-progress', 'delivered', 'not-delivered'] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];

/**
 * Who delivers it: a unit by name (区住建局), or a member of the committee by id only — their name is
 * read from the directory when shown, so erasing a member's data reaches every item too.
 */
export type OutcomeResponsible = { kind: 'unit'; name: string } | { kind: 'member'; memberId: string };

/** One step of an item's life, kept on it (the audit trail). */
export interface OutcomeStep {
  at: Date;
  /** Member id of who did it, or the API's name for the admin token. */
  by: string;
  byName: string;
  action: OutcomeState;
  /** The reason for 未落实, or what staff noted on delivery. */
  note?: string;
}

/**
 * One 成果 item as the rest of Yishi sees it.
 *
 * @example
 * const overdue = item.state === 'in-progress' && item.dueDate < beijingDate(now);
 */
export interface OutcomeRecord {
  id: string;
  /** `CG-2026-0001` */
  number: string;
  text: string;
  responsible: OutcomeResponsible;
  /** The Beijing date it is due, `YYYY-MM-DD`. */
  dueDate: string;
  state: OutcomeState;
  /** Why it was not delivered (required for 未落实). */
  reason?: string;
  /** The event whose outcome it comes from. */
  eventId?: string;
  eventNumber?: number;
  /** The opinions it settles (MY-2026-000123): their filers are told when it is delivered. */
  opinionNumbers: string[];
  /** When the one 督办 notice went out (it is never sent twice). */
  supervisedAt?: Date;
  deliveredAt?: Date;
  steps: OutcomeStep[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewOutcome = Pick<OutcomeRecord, 'text' | 'responsible' | 'dueDate' | 'opinionNumbers'> &
  Partial<Pick<OutcomeRecord, 'eventId' | 'eventNumber'>>;

/** What a step changes besides the state. */
export type OutcomeChange = Partial<Pick<OutcomeRecord, 'reason' | 'deliveredAt'>>;

export interface OutcomeFilter {
  states?: OutcomeState[];
  eventId?: string;
  /** Items settling this opinion. */
  opinionNumber?: string;
  /** Due strictly before this Beijing date (`YYYY-MM-DD`): with `states: ['in-progress']`, the overdue ones. */
  dueBefore?: string;
  /** Due on or before this Beijing date. */
  dueBy?: string;
}

/**
 * Where 成果 items are kept (src/storage/mongo/outcome-repository.ts, and in memory). Numbers come
 * from the per-year counter; every step is a conditional update on the state it starts from, and
 * the 督办 mark is set once, so two instances never send it twice.
 */
export interface OutcomeRepository {
  create(item: NewOutcome, first: OutcomeStep, now: Date, year: number): Promise<OutcomeRecord>;
  findByNumber(number: string): Promise<OutcomeRecord | null>;
  /** Moves the item from `from` to `step.action`, applying `changes` and appending `step`; null when its state is no longer `from`. */
  advance(number: string, from: OutcomeState, changes: OutcomeChange, step: OutcomeStep): Promise<OutcomeRecord | null>;
  /** Sets `supervisedAt` if the item is still 落实中 and has none; the item when this call set it, else null. */
  markSupervised(number: string, at: Date): Promise<OutcomeRecord | null>;
  /** Earliest due first, then by number. */
  list(filter: OutcomeFilter, limit: number): Promise<OutcomeRecord[]>;
}
