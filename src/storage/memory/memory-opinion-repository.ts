import { formatOpinionNumber } from '../../core/opinion-number.js';
import { anonymisedOpinion, boardRowOf, opinionMatches, opinionSortKey } from '../../services/opinions/opinion-records.js';
import type {
  AuditEntry,
  BoardRow,
  NewOpinion,
  OpinionChanges,
  OpinionListFilter,
  OpinionRecord,
  OpinionRepository,
  OpinionSort,
  OpinionState,
} from '../../services/opinions/opinion-records.js';
import { copyOf, isRecordId, MemoryYearSequence, newRecordId } from './memory-records.js';

/** The schema's limit on what a person wrote. */
const MAX_CONTENT_CHARS = 2000;

/** An audit line as the Mongo sub-document keeps it: `from` is null for the first step. */
const auditLine = (audit: AuditEntry): AuditEntry => ({ ...copyOf(audit), from: audit.from ?? null });

/** Opinions held in this process; same contract as the Mongo repository (numbers gap-free per year). */
export class MemoryOpinionRepository implements OpinionRepository {
  private readonly opinions: OpinionRecord[] = [];
  private readonly numbers = new MemoryYearSequence();

  async create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord> {
    if (opinion.content.length > MAX_CONTENT_CHARS)
      throw new Error(`opinion validation failed: content is longer than ${MAX_CONTENT_CHARS}`);
    const seq = this.numbers.next(year);
    const record: OpinionRecord = {
      ...copyOf(opinion),
      id: newRecordId(),
      number: formatOpinionNumber(year, seq),
      state: 'submitted',
      round: 0,
      ladderLevel: 0,
      plusOnes: { count: 0, by: [] },
      audit: [auditLine(audit)],
      createdAt: now,
      updatedAt: now,
    };
    this.opinions.push(record);
    return copyOf(record);
  }

  async findByNumber(number: string): Promise<OpinionRecord | null> {
    const found = this.opinions.find((o) => o.number === number);
    return found ? copyOf(found) : null;
  }

  async findById(id: string): Promise<OpinionRecord | null> {
    const found = this.find(id);
    return found ? copyOf(found) : null;
  }

  async transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null> {
    const opinion = this.find(id);
    if (!opinion || !from.includes(opinion.state)) return null;
    return this.change(opinion, { ...changes, state: to }, audit, now);
  }

  async appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null> {
    const opinion = this.find(id);
    return opinion ? this.change(opinion, changes, audit, now) : null;
  }

  async addPlusOne(id: string, who: string, now: Date): Promise<boolean> {
    const opinion = this.find(id);
    if (!opinion || opinion.plusOnes.by.includes(who)) return false;
    opinion.plusOnes = { count: opinion.plusOnes.count + 1, by: [...opinion.plusOnes.by, who] };
    opinion.updatedAt = now;
    return true;
  }

  async raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean> {
    const opinion = this.find(id);
    if (!opinion || opinion.round !== round || opinion.ladderLevel !== from) return false;
    opinion.ladderLevel = to;
    return true;
  }

  /** Newest first; among opinions filed at the same instant, the later-filed first (as Mongo's `_id` order). */
  async list(
    filter: OpinionListFilter,
    page: { skip: number; limit: number } = { skip: 0, limit: 1000 },
    sort: OpinionSort = '-createdAt',
  ): Promise<{ items: OpinionRecord[]; total: number }> {
    const { direction, value } = opinionSortKey(sort);
    const found = this.opinions
      .map((opinion, order) => ({ opinion, order }))
      .filter(({ opinion }) => opinionMatches(opinion, filter))
      .sort((a, b) => {
        const [x, y] = [value(a.opinion), value(b.opinion)];
        const primary = x < y ? -direction : x > y ? direction : 0;
        return primary || b.opinion.createdAt.getTime() - a.opinion.createdAt.getTime() || b.order - a.order;
      })
      .map(({ opinion }) => opinion);
    return { items: found.slice(page.skip, page.skip + page.limit).map(copyOf), total: found.length };
  }

  async newest(filter: OpinionListFilter, limit: number): Promise<OpinionRecord[]> {
    return (await this.list(filter, { skip: 0, limit })).items;
  }

  async anonymisePerson(personId: string, placeholderName: string, scrubContent?: (text: string) => string): Promise<number> {
    let changed = 0;
    for (const opinion of this.opinions) {
      const anonymised = anonymisedOpinion(opinion, personId, placeholderName, scrubContent);
      if (!anonymised) continue;
      opinion.audit = anonymised.audit;
      opinion.content = anonymised.content;
      if (anonymised.dropAddress) delete opinion.filerAddress;
      changed += 1;
    }
    return changed;
  }

  async boardPage(
    filter: OpinionListFilter,
    page: { skip: number; limit: number },
    sort: OpinionSort,
  ): Promise<{ items: OpinionRecord[]; total: number; countsByState: Partial<Record<OpinionState, number>> }> {
    const { state: _state, states: _states, ...others } = filter;
    const [{ items, total }, countsByState] = await Promise.all([this.list(filter, page, sort), this.countByState(others)]);
    return { items, total, countsByState };
  }

  async *boardRows(batchSize: number): AsyncIterable<BoardRow[]> {
    const all = [...this.opinions].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let i = 0; i < all.length; i += batchSize) yield all.slice(i, i + batchSize).map(boardRowOf);
  }

  async countByState(filter: OpinionListFilter): Promise<Partial<Record<OpinionState, number>>> {
    const counts: Partial<Record<OpinionState, number>> = {};
    for (const opinion of this.opinions) if (opinionMatches(opinion, filter)) counts[opinion.state] = (counts[opinion.state] ?? 0) + 1;
    return counts;
  }

  async latestChange(): Promise<{ at: Date | null; count: number }> {
    const at = this.opinions.reduce<Date | null>((latest, o) => (!latest || o.updatedAt > latest ? o.updatedAt : latest), null);
    return { at, count: this.opinions.length };
  }

  private find(id: string): OpinionRecord | undefined {
    return isRecordId(id) ? this.opinions.find((o) => o.id === id) : undefined;
  }

  /** Sets the changes (an `undefined` value removes the field), appends the audit line. */
  private change(opinion: OpinionRecord, changes: OpinionChanges, audit: AuditEntry, now: Date): OpinionRecord {
    const fields = opinion as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null) delete fields[key];
      else fields[key] = copyOf(value);
    }
    opinion.audit.push(auditLine(audit));
    opinion.updatedAt = now;
    return copyOf(opinion);
  }
}
