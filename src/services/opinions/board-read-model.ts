import type { Coordination } from '../../core/coordination.js';
import type { Logger } from '../../logger.js';
import { BoardIndex } from './board-index.js';
import { decodeOpinionChange, OPINION_CHANGE_FEED } from './change-marker.js';
import {
  boardRowOf,
  type BoardRow,
  type OpinionListFilter,
  type OpinionRecord,
  type OpinionRepository,
  type OpinionSort,
} from './opinion-records.js';

/** Changed opinions are read again by id this many at a time. */
const REREAD_BATCH = 20;
/**
 * A list's records not in the cache are read by id this many at a time: a page is one round, the
 * words scan's first 2,000 (TEXT_SCAN_LIMIT) forty.
 */
const RECORD_BATCH = 50;
/** The load reads opinions this many at a time (one query; the event loop breathes between batches). */
const LOAD_BATCH = 2_000;
/**
 * How long a list waits for the first load before it answers from the store itself. Long: on FerretDB
 * the store's answer reads every opinion too (and slows the load); it is the way out of a stuck load.
 */
const LOAD_WAIT_MS = 60_000;
/** Every so often the model reads every opinion again in the background (see `resync`). */
const RESYNC_EVERY_MS = 10 * 60_000;
/** At most this many opinions' full records (text and all) are kept for the pages; the rest are read by id. */
const DETAIL_LIMIT = 5_000;

type Page = { skip: number; limit: number };
type Source = Pick<OpinionRepository, 'boardRows' | 'findById' | 'boardPage' | 'list'>;

/**
 * The opinion board's read model: every opinion's row (what the list's filters, sorts and counts read:
 * `BoardRow`, no text) held in this process, so the board's paging, sorting, filters and counts per
 * state are answered in memory (FerretDB v1 scans and decodes the whole collection for most filters;
 * docs/ferretdb-gaps.md), in orders kept sorted (board-index.ts). The records shown on a page come
 * from a bounded cache of full records (DETAIL_LIMIT, least recently used out first), and are read
 * from the store by bare `_id` (the lookup FerretDB's index serves) when not in it.
 *
 * Loaded on first use: the first list (or `current()`) reads the rows, one query of only those fields
 * read in batches, so a process that never serves the board never reads every opinion (and a busy chat
 * process does not share its CPU and store with that read at start). A list that arrives before the
 * load has finished waits for it, up to LOAD_WAIT_MS, then answers from the store. After that it is
 * kept current from the change feed that every write through ChangeMarkedOpinions appends to, on any
 * instance (chat, API, scheduler): before each answer it reads the feed from where it stopped and reads
 * each changed opinion again by its bare id. So a change that finished before a board request started
 * is in that request's answer. A reader that fell more than
 * the feed keeps behind, or lost the feed, loads everything again. A change whose feed entry never
 * arrived (the writer's instance died while Redis was away, or a write that bypassed the service) is
 * picked up by the background re-read every RESYNC_EVERY_MS, once loaded.
 * Rows are about 0.4 KB per opinion with the sorted orders (40-50 MB at 100,000); full records at most DETAIL_LIMIT.
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
  /** Full records of recently shown (or changed) opinions, least recently used first. */
  private readonly details = new Map<string, OpinionRecord>();

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
      /** Default DETAIL_LIMIT. */
      detailLimit?: number;
    },
  ) {}

  /** Starts the periodic re-read, which runs once the first list has loaded the model. */
  warm(): void {
    this.scheduleResync();
  }

  /** Whether the rows are held (the first list loaded them). */
  get loaded(): boolean {
    return this.index !== undefined;
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
    if (!this.index) return Promise.resolve();
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
    if (!index) return this.deps.source.boardPage(filter, page, sort);
    const { items, ...counted } = index.page(filter, page, sort);
    return { items: await this.records(items), ...counted };
  }

  async list(filter: OpinionListFilter, page: Page = { skip: 0, limit: 1000 }, sort: OpinionSort = '-createdAt') {
    const index = await this.ready();
    if (!index) return this.deps.source.list(filter, page, sort);
    const { items, total } = index.list(filter, page, sort);
    return { items: await this.records(items), total };
  }

  /**
   * The full records of `rows`, in their order: from the cache, else read by id (RECORD_BATCH at a
   * time). One deleted meanwhile is left out.
   */
  private async records(rows: readonly BoardRow[]): Promise<OpinionRecord[]> {
    const found = new Map<string, OpinionRecord>();
    const missing: string[] = [];
    for (const { id } of rows) {
      const record = this.details.get(id);
      if (record) {
        this.keep(record); // used: to the back of the line
        found.set(id, record);
      } else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += RECORD_BATCH) {
      const read = await Promise.all(missing.slice(i, i + RECORD_BATCH).map((id) => this.deps.source.findById(id)));
      for (const opinion of read) if (opinion) found.set(opinion.id, this.keep(compact(opinion)));
    }
    return rows.flatMap(({ id }) => {
      const record = found.get(id);
      return record ? [{ ...record }] : [];
    });
  }

  /**
   * Keeps `record` as its opinion's full record, unless the one kept is newer (a read by id that
   * started before a change and finished after it); evicts the least recently used past the limit.
   */
  private keep(record: OpinionRecord): OpinionRecord {
    const kept = this.details.get(record.id);
    const newest = kept && kept.updatedAt > record.updatedAt ? kept : record;
    this.details.delete(record.id);
    this.details.set(record.id, newest);
    const limit = this.deps.detailLimit ?? DETAIL_LIMIT;
    for (const id of this.details.keys()) {
      if (this.details.size <= limit) break;
      this.details.delete(id);
    }
    return newest;
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
      this.details.clear(); // a change the feed never carried may have changed a text too
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
        if (opinion) {
          index.put(boardRowOf(opinion));
          this.keep(compact(opinion));
        } else {
          index.delete(id);
          this.details.delete(id);
        }
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
    this.details.clear();
    this.deps.logger?.info({ opinions: this.index.size, ms: Date.now() - started }, 'board read model loaded');
  }

  /** Every opinion's row, read in batches; equal strings (communities, members, …) kept once. */
  private async readAll(): Promise<BoardRow[]> {
    const all: BoardRow[] = [];
    const strings = new Map<string, string>();
    const once = <T extends string | undefined>(value: T): T => {
      if (value === undefined) return value;
      const kept = strings.get(value);
      if (kept !== undefined) return kept as T;
      strings.set(value, value);
      return value;
    };
    for await (const batch of this.deps.source.boardRows(this.deps.loadBatch ?? LOAD_BATCH))
      for (const row of batch) {
        row.state = once(row.state);
        row.grade = once(row.grade);
        row.community = once(row.community);
        row.category = once(row.category);
        row.handlerId = once(row.handlerId);
        row.queueMemberId = once(row.queueMemberId);
        row.filer.id = once(row.filer.id);
        all.push(row);
      }
    return all;
  }
}

/** What the list needs of an opinion: all but its audit trail and who gave +1s. */
const compact = (opinion: OpinionRecord): OpinionRecord => ({ ...opinion, audit: [], plusOnes: { count: opinion.plusOnes.count, by: [] } });
