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

/**
 * The opinion repository with a mark of its last change in the shared coordination store: every
 * write through it (any instance, chat or API) replaces the mark, so the workbench's change
 * cursor is one small read instead of a sort over every opinion (a full scan on FerretDB).
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

  private async marked<T>(result: T): Promise<T> {
    if (result !== null && result !== false) {
      await this.coordination.setState(MARK_KEY, `${this.clock.now().toISOString()}:${randomUUID().slice(0, 8)}`, MARK_TTL_MS);
    }
    return result;
  }

  async create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord> {
    return this.marked(await this.inner.create(opinion, audit, now, year));
  }

  async transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null> {
    return this.marked(await this.inner.transition(id, from, to, changes, audit, now));
  }

  async appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null> {
    return this.marked(await this.inner.appendAudit(id, changes, audit, now));
  }

  async addPlusOne(id: string, who: string, now: Date): Promise<boolean> {
    return this.marked(await this.inner.addPlusOne(id, who, now));
  }

  async raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean> {
    return this.marked(await this.inner.raiseLadder(id, round, from, to));
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

  countByState(filter: OpinionListFilter) {
    return this.inner.countByState(filter);
  }

  latestChange() {
    return this.inner.latestChange();
  }
}
