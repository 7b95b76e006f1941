import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type {
  AuditEntry,
  NewOpinion,
  OpinionChanges,
  OpinionListFilter,
  OpinionRecord,
  OpinionRepository,
  OpinionSort,
  OpinionState,
} from './opinion-records.js';

const MARK_KEY = 'opinions:last-change';
const MARK_TTL_MS = 30 * 24 * 60 * 60_000;
/** The feed of changed opinions (every instance appends, the board's read models follow it). */
export const OPINION_CHANGE_FEED = 'opinions:changes';
/** How many feed entries are kept: a reader further behind than this loads everything again. */
const FEED_KEEP = 10_000;

/** One feed entry: an opinion that changed, or a person taken out of every opinion they filed (an erasure). */
export type OpinionChange = { kind: 'opinion'; id: string } | { kind: 'person'; id: string };

const changedOpinion = (record: OpinionRecord): OpinionChange => ({ kind: 'opinion', id: record.id });

export const encodeOpinionChange = (change: OpinionChange) => `${change.kind === 'opinion' ? 'o' : 'p'}:${change.id}`;

export function decodeOpinionChange(value: string): OpinionChange | null {
  const match = /^([op]):(.+)$/.exec(value);
  return match ? { kind: match[1] === 'o' ? 'opinion' : 'person', id: match[2]! } : null;
}

/**
 * The opinion repository with a mark of its last change in the shared coordination store: every
 * write through it (any instance, chat or API) replaces the mark, so the workbench's change
 * cursor is one small read instead of a sort over every opinion (a full scan on FerretDB), and
 * appends what changed to the change feed the board's read model follows (board-read-model.ts).
 */
export class ChangeMarkedOpinions implements OpinionRepository {
  constructor(
    private readonly inner: OpinionRepository,
    private readonly coordination: Coordination,
    private readonly clock: Clock,
  ) {}

  /** The current mark: changes whenever any opinion changed ('start' before the first change seen). */
  async lastChange(): Promise<string> {
    return (await this.coordination.getState<string>(MARK_KEY)) ?? 'start';
  }

  /** Marks a write that changed something (`result` neither null nor false) of `change`'s opinion or person. */
  private async marked<T>(result: T, change: OpinionChange | ((result: T) => OpinionChange)): Promise<T> {
    if (result !== null && result !== false) {
      await this.coordination.setState(MARK_KEY, `${this.clock.now().toISOString()}:${randomUUID().slice(0, 8)}`, MARK_TTL_MS);
      const entry = typeof change === 'function' ? change(result) : change;
      await this.coordination.appendToFeed(OPINION_CHANGE_FEED, encodeOpinionChange(entry), FEED_KEEP);
    }
    return result;
  }

  async create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord> {
    return this.marked(await this.inner.create(opinion, audit, now, year), changedOpinion);
  }

  async transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null> {
    return this.marked(await this.inner.transition(id, from, to, changes, audit, now), { kind: 'opinion', id });
  }

  async appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null> {
    return this.marked(await this.inner.appendAudit(id, changes, audit, now), { kind: 'opinion', id });
  }

  async addPlusOne(id: string, who: string, now: Date): Promise<boolean> {
    return this.marked(await this.inner.addPlusOne(id, who, now), { kind: 'opinion', id });
  }

  async raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean> {
    return this.marked(await this.inner.raiseLadder(id, round, from, to), { kind: 'opinion', id });
  }

  async anonymisePerson(personId: string, placeholderName: string, scrubContent?: (text: string) => string): Promise<number> {
    const changed = await this.inner.anonymisePerson(personId, placeholderName, scrubContent);
    return changed > 0 ? this.marked(changed, { kind: 'person', id: personId }) : changed;
  }

  findByNumber(number: string): Promise<OpinionRecord | null> {
    return this.inner.findByNumber(number);
  }

  findById(id: string): Promise<OpinionRecord | null> {
    return this.inner.findById(id);
  }

  list(filter: OpinionListFilter, page?: { skip: number; limit: number }, sort?: OpinionSort) {
    return this.inner.list(filter, page, sort);
  }

  boardPage(filter: OpinionListFilter, page: { skip: number; limit: number }, sort: OpinionSort) {
    return this.inner.boardPage(filter, page, sort);
  }

  boardRows(batchSize: number) {
    return this.inner.boardRows(batchSize);
  }

  countByState(filter: OpinionListFilter) {
    return this.inner.countByState(filter);
  }

  latestChange() {
    return this.inner.latestChange();
  }
}
