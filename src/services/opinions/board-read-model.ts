import type { Coordination } from '../../core/coordination.js';
import { decodeOpinionChange, OPINION_CHANGE_FEED } from './change-marker.js';
import {
  opinionMatches,
  opinionSortKey,
  type OpinionListFilter,
  type OpinionRecord,
  type OpinionRepository,
  type OpinionSort,
  type OpinionState,
} from './opinion-records.js';

/** Changed opinions are read again by id this many at a time. */
const REREAD_BATCH = 20;
/** The first load reads every opinion; far more than any office files. */
const LOAD_LIMIT = 10_000_000;

type Page = { skip: number; limit: number };

/**
 * The opinion board's read model: every opinion's list fields held in this process, so the board's
 * paging, sorting, filters and counts per state are answered in memory (FerretDB v1 scans and decodes
 * the whole collection for most filters; docs/ferretdb-gaps.md).
 *
 * Loaded from the repository the first time the board asks, then kept current from the change feed
 * that every write through ChangeMarkedOpinions appends to, on any instance (chat, API, scheduler):
 * before each answer it reads the feed from where it stopped and reads each changed opinion again by
 * its bare id. So a change that finished before a board request started is in that request's answer.
 * A reader that fell more than the feed keeps behind, or lost the feed, loads everything again.
 * Held without audit trails and +1 lists (the list needs neither): about 1 KB per opinion.
 */
export class BoardReadModel implements Pick<OpinionRepository, 'boardPage' | 'list'> {
  private opinions = new Map<string, OpinionRecord>();
  /** Where this instance stopped reading the change feed; undefined until loaded. */
  private position: string | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly deps: { source: OpinionRepository; coordination: Coordination }) {}

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

  async boardPage(filter: OpinionListFilter, page: Page, sort: OpinionSort) {
    await this.current();
    const { state, states, ...others } = filter;
    const countsByState: Partial<Record<OpinionState, number>> = {};
    const chosen: OpinionRecord[] = [];
    for (const opinion of this.opinions.values()) {
      if (!opinionMatches(opinion, others)) continue;
      countsByState[opinion.state] = (countsByState[opinion.state] ?? 0) + 1;
      if (state ? opinion.state === state : !states || states.includes(opinion.state)) chosen.push(opinion);
    }
    return { items: pageOf(chosen, page, sort), total: chosen.length, countsByState };
  }

  async list(filter: OpinionListFilter, page: Page = { skip: 0, limit: 1000 }, sort: OpinionSort = '-createdAt') {
    await this.current();
    const chosen = [...this.opinions.values()].filter((opinion) => opinionMatches(opinion, filter));
    return { items: pageOf(chosen, page, sort), total: chosen.length };
  }

  private start(): Promise<void> {
    const run = this.catchUp().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async catchUp(): Promise<void> {
    if (this.position === undefined) return this.load();
    const read = await this.deps.coordination.readFeed(OPINION_CHANGE_FEED, this.position);
    if (!read.complete) return this.load();
    const ids = new Set<string>();
    const erasedPeople = new Set<string>();
    for (const change of read.values.map(decodeOpinionChange)) {
      if (change?.kind === 'opinion') ids.add(change.id);
      else if (change?.kind === 'person') erasedPeople.add(change.id);
    }
    // An erasure rewrote the text of every opinion the person filed.
    if (erasedPeople.size > 0) for (const o of this.opinions.values()) if (erasedPeople.has(o.filer.id)) ids.add(o.id);
    const todo = [...ids];
    for (let i = 0; i < todo.length; i += REREAD_BATCH) {
      await Promise.all(
        todo.slice(i, i + REREAD_BATCH).map(async (id) => {
          const opinion = await this.deps.source.findById(id);
          if (opinion) this.opinions.set(id, compact(opinion));
          else this.opinions.delete(id);
        }),
      );
    }
    this.position = read.position;
  }

  /** Everything, read after taking the feed's position: what changes meanwhile is read again next time. */
  private async load(): Promise<void> {
    const { position } = await this.deps.coordination.readFeed(OPINION_CHANGE_FEED);
    const { items } = await this.deps.source.list({}, { skip: 0, limit: LOAD_LIMIT });
    this.opinions = new Map(items.map((opinion) => [opinion.id, compact(opinion)]));
    this.position = position;
  }
}

/** What the list needs of an opinion: all but its audit trail and who gave +1s. */
const compact = (opinion: OpinionRecord): OpinionRecord => ({ ...opinion, audit: [], plusOnes: { count: opinion.plusOnes.count, by: [] } });

/** One page in `sort` order; ties newest first, then the later number first (the stores' creation order). */
function pageOf(opinions: OpinionRecord[], page: Page, sort: OpinionSort): OpinionRecord[] {
  const { direction, value } = opinionSortKey(sort);
  type Keyed = { opinion: OpinionRecord; key: number | string; at: number };
  const order = (a: Keyed, b: Keyed) =>
    (a.key < b.key ? -direction : a.key > b.key ? direction : 0) ||
    b.at - a.at ||
    (a.opinion.number < b.opinion.number ? 1 : a.opinion.number > b.opinion.number ? -1 : 0);
  // Only the first skip + limit in order are needed: keep those in a sorted buffer instead of sorting all.
  const wanted = page.skip + page.limit;
  const keyed = (opinion: OpinionRecord): Keyed => ({ opinion, key: value(opinion), at: opinion.createdAt.getTime() });
  if (wanted * 8 >= opinions.length) {
    const sorted = opinions.map(keyed).sort(order);
    return sorted.slice(page.skip, wanted).map(({ opinion }) => ({ ...opinion }));
  }
  const best: Keyed[] = [];
  for (const opinion of opinions) {
    const item = keyed(opinion);
    if (best.length === wanted && order(item, best[wanted - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(best[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
    if (best.length > wanted) best.pop();
  }
  return best.slice(page.skip).map(({ opinion }) => ({ ...opinion }));
}
