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

/**
 * What a step did: entered (落实中), settled (已落实 / 未落实), the due date put back (延期), or a
 * settled item taken back to 落实中 (重新落实).
 */
export const OUTCOME_STEP_ACTIONS = [...OUTCOME_STATES, 'extended', 'reopened'] as const;
export type OutcomeStepAction = (typeof OUTCOME_STEP_ACTIONS)[number];

/** One step of an item's life, kept on it (the audit trail). */
export interface OutcomeStep {
  at: Date;
  /** Member id of who did it, or the API's name for the admin token. */
  by: string;
  byName: string;
  action: OutcomeStepAction;
  /** The reason for 未落实, 延期 or 重新落实, or what staff noted on delivery. */
  note?: string;
  /** 延期: the due date before and after (Beijing, `YYYY-MM-DD`). */
  fromDate?: string;
  toDate?: string;
}

/** A settling step: its action is the state it moves the item to. */
export type OutcomeSettleStep = OutcomeStep & { action: OutcomeState };

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
  /** When the one 督办 notice for the current due date went out (never twice; a 延期 clears it). */
  supervisedAt?: Date;
  /** How many times the due date was put back (延期); absent when never. */
  extensions?: number;
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
  advance(number: string, from: OutcomeState, changes: OutcomeChange, step: OutcomeSettleStep): Promise<OutcomeRecord | null>;
  /**
   * 重新落实: moves a settled item from `from` back to 落实中, clearing its reason and delivery time and
   * appending `step` (action `reopened`); null when its state is no longer `from`.
   */
  reopen(number: string, from: OutcomeState, step: OutcomeStep): Promise<OutcomeRecord | null>;
  /**
   * 延期: while 落实中 and still due on `step.fromDate`, sets the due date to `step.toDate`, clears the
   * 督办 mark, counts one more extension and appends `step`; null when either no longer holds.
   */
  extend(number: string, step: OutcomeStep & { fromDate: string; toDate: string }): Promise<OutcomeRecord | null>;
  /**
   * Sets `supervisedAt` if the item is still 落实中, still due on `dueDate` (the date the notice was
   * for) and has none; the item when this call set it, else null.
   */
  markSupervised(number: string, dueDate: string, at: Date): Promise<OutcomeRecord | null>;
  /** Earliest due first, then by number. */
  list(filter: OutcomeFilter, limit: number): Promise<OutcomeRecord[]>;
}
