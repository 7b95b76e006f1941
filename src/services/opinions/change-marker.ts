import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
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

/** A feed entry that could not be written is tried again after this long, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * The opinion repository with a mark of its last change in the shared coordination store: every
 * write through it (any instance, chat or API) replaces the mark, so the workbench's change
 * cursor is one small read instead of a sort over every opinion (a full scan on FerretDB), and
 * appends what changed to the change feed the board's read model follows (board-read-model.ts).
 *
 * The store's write has happened when the mark and the feed are written, so a failure there (Redis
 * away) does not fail the write: the entry waits in this process, in order, and is sent before the
 * next entry or by a retry with backoff, whichever comes first. The read models see the change as
 * soon as it is sent (their periodic re-read covers an entry lost with this process).
 */
export class ChangeMarkedOpinions implements OpinionRepository {
  /** Feed entries not written yet, oldest first (at most FEED_KEEP: older ones the read models' re-read covers). */
  private readonly unsent: string[] = [];
  private sending: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = RETRY_FIRST_MS;
  private stopped = false;

  constructor(
    private readonly inner: OpinionRepository,
    private readonly coordination: Coordination,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  /** The current mark: changes whenever any opinion changed ('start' before the first change seen). */
  async lastChange(): Promise<string> {
    return (await this.coordination.getState<string>(MARK_KEY)) ?? 'start';
  }

  /** How many feed entries wait to be written (0 normally). */
  get unsentChanges(): number {
    return this.unsent.length;
  }

  /** Ends the retries (entries still unsent are left to the read models' periodic re-read). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Marks a write that changed something (`result` neither null nor false) of `change`'s opinion or person. */
  private async marked<T>(result: T, change: OpinionChange | ((result: T) => OpinionChange)): Promise<T> {
    if (result === null || result === false) return result;
    this.unsent.push(encodeOpinionChange(typeof change === 'function' ? change(result) : change));
    if (this.unsent.length > FEED_KEEP) this.unsent.splice(0, this.unsent.length - FEED_KEEP);
    try {
      await this.send();
    } catch (error) {
      this.logger?.warn({ err: error, unsent: this.unsent.length }, 'opinion change feed not written; retrying in the background');
      this.retryLater();
    }
    return result;
  }

  /** Writes the mark and every unsent entry, oldest first; one sender at a time, joined by later callers. */
  private send(): Promise<void> {
    this.sending ??= (async () => {
      try {
        while (this.unsent.length > 0) {
          await this.coordination.setState(MARK_KEY, `${this.clock.now().toISOString()}:${randomUUID().slice(0, 8)}`, MARK_TTL_MS);
          while (this.unsent.length > 0) {
            await this.coordination.appendToFeed(OPINION_CHANGE_FEED, this.unsent[0]!, FEED_KEEP);
            this.unsent.shift();
          }
        }
        this.retryDelayMs = RETRY_FIRST_MS;
      } finally {
        this.sending = undefined;
      }
    })();
    return this.sending;
  }

  private retryLater(): void {
    if (this.retryTimer || this.stopped) return;
    const delayMs = this.retryDelayMs;
    this.retryDelayMs = Math.min(RETRY_MAX_MS, delayMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.unsent.length > 0) this.send().catch(() => this.retryLater());
    }, delayMs);
    this.retryTimer.unref();
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

  newest(filter: OpinionListFilter, limit: number) {
    return this.inner.newest(filter, limit);
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
