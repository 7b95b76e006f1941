import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
import { BoardIndex } from './board-index.js';
import { decodeOpinionChange, OPINION_CHANGE_FEED } from './change-marker.js';
import type { OpinionListFilter, OpinionRecord, OpinionRepository, OpinionSort } from './opinion-records.js';

/** Changed opinions are read again by id this many at a time. */
const REREAD_BATCH = 20;
/** The load reads opinions this many at a time (one query; the event loop breathes between batches). */
const LOAD_BATCH = 2_000;
/**
 * How long a list waits for the first load before it answers from the store itself. Long: on FerretDB
 * the store's answer reads every opinion too (and slows the load); it is the way out of a stuck load.
 */
const LOAD_WAIT_MS = 60_000;
/** Every so often the model reads every opinion again in the background (see `resync`). */
const RESYNC_EVERY_MS = 10 * 60_000;

type Page = { skip: number; limit: number };
type Source = Pick<OpinionRepository, 'boardRows' | 'findById' | 'boardPage' | 'list'>;

/**
 * The opinion board's read model: every opinion's list fields held in this process, so the board's
 * paging, sorting, filters and counts per state are answered in memory (FerretDB v1 scans and decodes
 * the whole collection for most filters; docs/ferretdb-gaps.md), in orders kept sorted (board-index.ts).
 *
 * `warm()` (at startup) loads it in the background: only the list's fields, plain objects, one query
 * read in batches. A list that arrives before the load has finished waits for it, up to LOAD_WAIT_MS, then
 * answers from the store. After that it is kept current from the change feed that every write through
 * ChangeMarkedOpinions appends to, on any instance (chat, API, scheduler): before each answer it reads
 * the feed from where it stopped and reads each changed opinion again by its bare id. So a change that
 * finished before a board request started is in that request's answer. A reader that fell more than
 * the feed keeps behind, or lost the feed, loads everything again. A change whose feed entry never
 * arrived (the writer's instance died while Redis was away, or a write that bypassed the service) is
 * picked up by the background re-read every RESYNC_EVERY_MS.
 * Held without audit trails and +1 lists (the list needs neither): about 1 KB per opinion.
 */
export class BoardReadModel implements Pick<OpinionRepository, 'boardPage' | 'list'> {
  private index: BoardIndex | undefined;
  /** Where this instance stopped reading the change feed; undefined until loaded. */
  private position: string | undefined;
  /** A complete read made in the background, swapped in by the next catch-up (which then reads the feed from its position). */
  private replacement: { index: BoardIndex; position: string } | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private resyncing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: {
      source: Source;
      coordination: Coordination;
      logger?: Logger;
      /** Default RESYNC_EVERY_MS; 0: never. */
      resyncEveryMs?: number;
      /** Default LOAD_WAIT_MS. */
      loadWaitMs?: number;
      /** Default LOAD_BATCH. */
      loadBatch?: number;
    },
  ) {}

  /** Starts loading now, in the background, and the periodic re-read. */
  warm(): void {
    this.current().catch((error: unknown) =>
      this.deps.logger?.warn({ err: error }, 'board read model: the first load failed; the next list tries again'),
    );
    this.scheduleResync();
  }

  /** Stops the periodic re-read and waits for one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([this.resyncing, this.running, this.queued]);
  }

  /**
   * Brings the model up to date with every change finished before the call (loading it the first
   * time). Concurrent callers share one catch-up; a caller arriving during one waits for the next.
   */
  current(): Promise<void> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  /**
   * Reads every opinion again in the background and swaps the result in, so what the feed never
   * carried is seen. The feed's position is taken before the read, and the catch-up that swaps it in
   * reads every change since then again: nothing that changed during the read is lost.
   */
  resync(): Promise<void> {
    this.resyncing ??= (async () => {
      try {
        const { position } = await this.deps.coordination.readFeed(OPINION_CHANGE_FEED);
        this.replacement = { index: new BoardIndex(await this.readAll()), position };
        await this.current();
      } finally {
        this.resyncing = undefined;
      }
    })();
    return this.resyncing;
  }

  async boardPage(filter: OpinionListFilter, page: Page, sort: OpinionSort) {
    const index = await this.ready();
    return index ? index.page(filter, page, sort) : this.deps.source.boardPage(filter, page, sort);
  }

  async list(filter: OpinionListFilter, page: Page = { skip: 0, limit: 1000 }, sort: OpinionSort = '-createdAt') {
    const index = await this.ready();
    return index ? index.list(filter, page, sort) : this.deps.source.list(filter, page, sort);
  }

  /** The index once current; undefined when the first load takes longer than the wait (the store answers). */
  private async ready(): Promise<BoardIndex | undefined> {
    const caughtUp = this.current();
    if (this.index) {
      await caughtUp;
      return this.index;
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.deps.loadWaitMs ?? LOAD_WAIT_MS);
    });
    try {
      return (await Promise.race([caughtUp.then(() => true as const), waited])) ? this.index : undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private scheduleResync(): void {
    const every = this.deps.resyncEveryMs ?? RESYNC_EVERY_MS;
    if (every <= 0 || this.stopped) return;
    this.timer = setTimeout(() => {
      this.resync()
        .catch((error: unknown) => this.deps.logger?.warn({ err: error }, 'board read model: the periodic re-read failed'))
        .finally(() => this.scheduleResync());
    }, every);
    this.timer.unref();
  }

  private start(): Promise<void> {
    const run = this.catchUp().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async catchUp(): Promise<void> {
    if (this.replacement) {
      ({ index: this.index, position: this.position } = this.replacement);
      this.replacement = undefined;
    }
    if (this.position === undefined || !this.index) return this.load();
    const index = this.index;
    const read = await this.deps.coordination.readFeed(OPINION_CHANGE_FEED, this.position);
    if (!read.complete) return this.load();
    const ids = new Set<string>();
    const erasedPeople = new Set<string>();
    for (const change of read.values.map(decodeOpinionChange)) {
      if (change?.kind === 'opinion') ids.add(change.id);
      else if (change?.kind === 'person') erasedPeople.add(change.id);
    }
    // An erasure rewrote the text of every opinion the person filed.
    if (erasedPeople.size > 0) for (const o of index.values()) if (erasedPeople.has(o.filer.id)) ids.add(o.id);
    const todo = [...ids];
    for (let i = 0; i < todo.length; i += REREAD_BATCH) {
      const read = await Promise.all(todo.slice(i, i + REREAD_BATCH).map(async (id) => [id, await this.deps.source.findById(id)] as const));
      for (const [id, opinion] of read) {
        if (opinion) index.put(compact(opinion));
        else index.delete(id);
      }
    }
    this.position = read.position;
  }

  /** Everything, read after taking the feed's position: what changes meanwhile is read again next time. */
  private async load(): Promise<void> {
    const started = Date.now();
    const { position } = await this.deps.coordination.readFeed(OPINION_CHANGE_FEED);
    this.index = new BoardIndex(await this.readAll());
    this.position = position;
    this.deps.logger?.info({ opinions: this.index.size, ms: Date.now() - started }, 'board read model loaded');
  }

  /** Every opinion's list fields, read in batches. */
  private async readAll(): Promise<OpinionRecord[]> {
    const all: OpinionRecord[] = [];
    for await (const batch of this.deps.source.boardRows(this.deps.loadBatch ?? LOAD_BATCH)) for (const o of batch) all.push(compact(o));
    return all;
  }
}

/** What the list needs of an opinion: all but its audit trail and who gave +1s. */
const compact = (opinion: OpinionRecord): OpinionRecord => ({ ...opinion, audit: [], plusOnes: { count: opinion.plusOnes.count, by: [] } });
