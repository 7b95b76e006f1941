import {
  OPINION_SORTS,
  opinionMatcher,
  opinionSortKey,
  type BoardRow,
  type OpinionListFilter,
  type OpinionSort,
  type OpinionState,
} from './opinion-records.js';

type Page = { skip: number; limit: number };
type Compare = (a: BoardRow, b: BoardRow) => number;

/** `sort`'s order; ties newest first, then the later number first (the stores' creation order). */
function comparatorOf(sort: OpinionSort): Compare {
  const { direction, value } = opinionSortKey(sort);
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    return (
      (x < y ? -direction : x > y ? direction : 0) ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      (a.number < b.number ? 1 : a.number > b.number ? -1 : 0)
    );
  };
}

const COMPARATORS = Object.fromEntries(OPINION_SORTS.map((sort) => [sort, comparatorOf(sort)])) as Record<OpinionSort, Compare>;

/** The first index in `order` whose opinion does not come before `opinion`. */
function lowerBound(order: readonly BoardRow[], opinion: BoardRow, compare: Compare): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(order[middle]!, opinion) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The board's opinions (their rows: what filters, sorts and counts read) held in every sort order the board offers, kept sorted as opinions change
 * (a binary search and an array splice per order, instead of a sort per request). A list request is
 * one pass over the chosen order: the filter, the counts per state and the page together, with no
 * sorting and no copying of rows that are not on the page. Records are replaced, never changed in place.
 */
export class BoardIndex {
  private readonly byId = new Map<string, BoardRow>();
  private readonly orders = {} as Record<OpinionSort, BoardRow[]>;

  constructor(opinions: readonly BoardRow[] = []) {
    for (const opinion of opinions) this.byId.set(opinion.id, opinion);
    const all = [...this.byId.values()];
    for (const sort of OPINION_SORTS) this.orders[sort] = [...all].sort(COMPARATORS[sort]);
  }

  get size(): number {
    return this.byId.size;
  }

  values(): IterableIterator<BoardRow> {
    return this.byId.values();
  }

  /** Adds the opinion, or replaces the one with its id (moving it in every order). */
  put(opinion: BoardRow): void {
    this.delete(opinion.id);
    this.byId.set(opinion.id, opinion);
    for (const sort of OPINION_SORTS) {
      const order = this.orders[sort];
      order.splice(lowerBound(order, opinion, COMPARATORS[sort]), 0, opinion);
    }
  }

  delete(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    for (const sort of OPINION_SORTS) {
      const order = this.orders[sort];
      const at = lowerBound(order, old, COMPARATORS[sort]);
      // Numbers are unique, so the search lands on the record itself; the scan is only a safety net.
      order.splice(order[at] === old ? at : order.indexOf(old), 1);
    }
  }

  /**
   * One page of `filter` in `sort` order with its total, and the counts per state of the same
   * filter without its state part (the board's tabs).
   */
  page(filter: OpinionListFilter, page: Page, sort: OpinionSort) {
    const { state, states, ...others } = filter;
    const matches = opinionMatcher(others);
    const countsByState: Partial<Record<OpinionState, number>> = {};
    const items: BoardRow[] = [];
    const end = page.skip + page.limit;
    let total = 0;
    for (const opinion of this.orders[sort]) {
      if (!matches(opinion)) continue;
      countsByState[opinion.state] = (countsByState[opinion.state] ?? 0) + 1;
      if (state ? opinion.state !== state : states && !states.includes(opinion.state)) continue;
      if (total >= page.skip && total < end) items.push(opinion);
      total += 1;
    }
    return { items, total, countsByState };
  }

  /** One page of `filter` in `sort` order with its total (the rows themselves: never change them). */
  list(filter: OpinionListFilter, page: Page, sort: OpinionSort) {
    const items: BoardRow[] = [];
    const end = page.skip + page.limit;
    const matches = opinionMatcher(filter);
    let total = 0;
    for (const opinion of this.orders[sort]) {
      if (!matches(opinion)) continue;
      if (total >= page.skip && total < end) items.push(opinion);
      total += 1;
    }
    return { items, total };
  }
}
