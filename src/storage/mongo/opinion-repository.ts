import type { Connection, Model } from 'mongoose';
import { formatOpinionNumber } from '../../core/opinion-number.js';
import { opinionModel, type OpinionDocument } from './opinion-model.js';
import { anonymisedOpinion, boardRowOf } from '../../services/opinions/opinion-records.js';
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
import { OVERDUE_STATES } from '../../services/opinions/opinion-records.js';
import { YearSequence } from './year-sequence.js';
import { BatchedInserts } from './group-commit.js';
import { isObjectId } from './object-id.js';

function toRecord(doc: OpinionDocument): OpinionRecord {
  const { _id, year: _year, seq: _seq, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) record[key] = value;
  record.plusOnes = { count: doc.plusOnes?.count ?? 0, by: doc.plusOnes?.by ?? [] };
  return record as unknown as OpinionRecord;
}

function splitChanges(changes: OpinionChanges): { $set: Record<string, unknown>; $unset: Record<string, 1> } {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) $unset[key] = 1;
    else $set[key] = value;
  }
  return { $set, $unset };
}

/** The fields of a board row (`BoardRow`): the board's load reads only these. */
const BOARD_ROW_FIELDS = {
  number: 1,
  state: 1,
  community: 1,
  category: 1,
  grade: 1,
  handlerId: 1,
  queueMemberId: 1,
  createdAt: 1,
  deadline: 1,
  'filer.id': 1,
  'plusOnes.count': 1,
} as const;

/** Opinions in MongoDB: each change is one `findOneAndUpdate` that checks the state and `$push`es its audit entry. */
export class MongoOpinionRepository implements OpinionRepository {
  private readonly model: Model<OpinionDocument>;
  private readonly numbers: YearSequence;
  /** New opinions filed at the same moment are inserted together (group commit). */
  private readonly inserts: BatchedInserts<OpinionDocument>;

  constructor(connection: Connection) {
    this.model = opinionModel(connection);
    this.inserts = new BatchedInserts(this.model);
    this.numbers = new YearSequence(connection, 'opinion');
  }

  async create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord> {
    return this.numbers.storeWithNext(year, async (seq) => {
      const doc = await this.inserts.insert({
        ...opinion,
        number: formatOpinionNumber(year, seq),
        year,
        seq,
        state: 'submitted',
        round: 0,
        ladderLevel: 0,
        plusOnes: { count: 0, by: [] },
        audit: [audit],
        createdAt: now,
        updatedAt: now,
      });
      return toRecord(doc);
    });
  }

  async findByNumber(number: string): Promise<OpinionRecord | null> {
    const doc = await this.model.findOne({ number: { $eq: number } }).lean<OpinionDocument>();
    return doc ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<OpinionRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<OpinionDocument>();
    return doc ? toRecord(doc) : null;
  }

  async transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null> {
    const { $set, $unset } = splitChanges(changes);
    const update: Record<string, unknown> = { $set: { ...$set, state: to, updatedAt: now }, $push: { audit } };
    if (Object.keys($unset).length > 0) update.$unset = $unset;
    const doc = await this.model.findOneAndUpdate({ _id: id, state: { $in: [...from] } }, update, { new: true }).lean<OpinionDocument>();
    return doc ? toRecord(doc) : null;
  }

  async appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null> {
    const { $set, $unset } = splitChanges(changes);
    const update: Record<string, unknown> = { $set: { ...$set, updatedAt: now }, $push: { audit } };
    if (Object.keys($unset).length > 0) update.$unset = $unset;
    const doc = await this.model.findOneAndUpdate({ _id: id }, update, { new: true }).lean<OpinionDocument>();
    return doc ? toRecord(doc) : null;
  }

  async addPlusOne(id: string, who: string, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, 'plusOnes.by': { $ne: who } },
      { $push: { 'plusOnes.by': who }, $inc: { 'plusOnes.count': 1 }, $set: { updatedAt: now } },
    );
    return result.modifiedCount === 1;
  }

  async raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, round, ladderLevel: from }, { $set: { ladderLevel: to } });
    return result.modifiedCount === 1;
  }

  async anonymisePerson(personId: string, placeholderName: string, scrubContent?: (text: string) => string): Promise<number> {
    const docs = await this.model
      .find({ $or: [{ 'audit.who': { $eq: personId } }, { 'filer.id': { $eq: personId } }] })
      .lean<OpinionDocument[]>();
    let changed = 0;
    for (const doc of docs) if (await this.anonymiseOne(doc, personId, placeholderName, scrubContent)) changed += 1;
    return changed;
  }

  /**
   * Rewrites one opinion's audit lines, guarded by `updatedAt` (every change moves it), so a
   * transition appending a line meanwhile is never lost: the rewrite is read and tried again.
   */
  private async anonymiseOne(
    first: OpinionDocument,
    personId: string,
    placeholderName: string,
    scrubContent?: (text: string) => string,
  ): Promise<boolean> {
    let doc: OpinionDocument | null = first;
    for (let attempt = 0; doc && attempt < 10; attempt += 1) {
      const anonymised = anonymisedOpinion(doc, personId, placeholderName, scrubContent);
      if (!anonymised) return false;
      const update: Record<string, unknown> = { $set: { audit: anonymised.audit, content: anonymised.content } };
      if (anonymised.dropAddress) update.$unset = { filerAddress: 1 };
      const result = await this.model.updateOne({ _id: doc._id, updatedAt: doc.updatedAt }, update);
      if (result.modifiedCount === 1) return true;
      doc = await this.model.findById(doc._id).lean<OpinionDocument>();
    }
    if (doc) throw new Error(`opinion ${doc.number} kept changing while a person was being anonymised in it`);
    return false;
  }

  async list(
    filter: OpinionListFilter,
    page: { skip: number; limit: number } = { skip: 0, limit: 1000 },
    sort: OpinionSort = '-createdAt',
  ): Promise<{ items: OpinionRecord[]; total: number }> {
    const query = queryOf(filter);
    const direction = sort.startsWith('-') ? -1 : 1;
    const field = { createdAt: 'createdAt', deadline: 'deadline', number: 'number', plusOnes: 'plusOnes.count' }[
      sort.replace(/^-/, '') as 'createdAt'
    ];
    const order: Record<string, 1 | -1> =
      field === 'createdAt' ? { createdAt: direction, _id: direction } : { [field]: direction, createdAt: -1, _id: -1 };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort(order).skip(page.skip).limit(page.limit).lean<OpinionDocument[]>(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** No count beside the page (a second pass over the matching opinions on FerretDB). */
  async newest(filter: OpinionListFilter, limit: number): Promise<OpinionRecord[]> {
    const docs = await this.model.find(queryOf(filter)).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<OpinionDocument[]>();
    return docs.map(toRecord);
  }

  async boardPage(
    filter: OpinionListFilter,
    page: { skip: number; limit: number },
    sort: OpinionSort,
  ): Promise<{ items: OpinionRecord[]; total: number; countsByState: Partial<Record<OpinionState, number>> }> {
    const { state, states, ...others } = filter;
    const rows = await this.model
      .find(queryOf(others), { state: 1, number: 1, createdAt: 1, deadline: 1, 'plusOnes.count': 1 })
      .lean<Array<Pick<OpinionDocument, '_id' | 'state' | 'number' | 'createdAt' | 'deadline'> & { plusOnes?: { count?: number } }>>();
    const countsByState: Partial<Record<OpinionState, number>> = {};
    for (const row of rows) countsByState[row.state] = (countsByState[row.state] ?? 0) + 1;
    const chosen = rows.filter((row) => (state ? row.state === state : !states || states.includes(row.state)));
    const direction = sort.startsWith('-') ? -1 : 1;
    const key = sort.replace(/^-/, '');
    const value = (row: (typeof rows)[number]): number | string =>
      key === 'number'
        ? row.number
        : key === 'plusOnes'
          ? (row.plusOnes?.count ?? 0)
          : key === 'deadline'
            ? (row.deadline?.getTime() ?? -Infinity)
            : row.createdAt.getTime();
    chosen.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (x < y ? -direction : x > y ? direction : 0) || b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1);
    });
    const ids = chosen.slice(page.skip, page.skip + page.limit).map((row) => row._id);
    // By bare _id, one at a time: the lookup FerretDB's index serves (docs/ferretdb-gaps.md).
    const docs = await Promise.all(ids.map((id) => this.model.findById(id).lean<OpinionDocument>()));
    return { items: docs.filter((d): d is OpinionDocument => d !== null).map(toRecord), total: chosen.length, countsByState };
  }

  async *boardRows(batchSize: number): AsyncIterable<BoardRow[]> {
    const cursor = this.model.find({}, BOARD_ROW_FIELDS).sort({ _id: 1 }).lean<OpinionDocument[]>().batchSize(batchSize).cursor();
    const batch: BoardRow[] = [];
    for await (const doc of cursor as AsyncIterable<OpinionDocument>) {
      batch.push(
        boardRowOf({
          ...doc,
          id: doc._id.toHexString(),
          community: doc.community ?? undefined,
          category: doc.category ?? undefined,
          grade: doc.grade ?? undefined,
          handlerId: doc.handlerId ?? undefined,
          queueMemberId: doc.queueMemberId ?? undefined,
          deadline: doc.deadline ?? undefined,
          plusOnes: { count: doc.plusOnes?.count ?? 0 },
        }),
      );
      if (batch.length === batchSize) yield batch.splice(0);
    }
    if (batch.length > 0) yield batch;
  }

  async countByState(filter: OpinionListFilter): Promise<Partial<Record<OpinionState, number>>> {
    const groups = await this.model.aggregate<{ _id: OpinionState; n: number }>([
      { $match: queryOf(filter) },
      { $group: { _id: '$state', n: { $sum: 1 } } },
    ]);
    return Object.fromEntries(groups.map((g) => [g._id, g.n]));
  }

  async latestChange(): Promise<{ at: Date | null; count: number }> {
    const [latest, count] = await Promise.all([
      this.model.findOne({}, { updatedAt: 1 }).sort({ updatedAt: -1 }).lean<{ updatedAt: Date }>(),
      this.model.estimatedDocumentCount(),
    ]);
    return { at: latest?.updatedAt ?? null, count };
  }
}

/** The MongoDB filter of a list filter: equality on indexed fields, ranges on dates, `$in` for scopes. */
function queryOf(filter: OpinionListFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.state) query.state = { $eq: filter.state };
  else if (filter.states) query.state = { $in: filter.states };
  if (filter.overdueAt) {
    if (!filter.state) query.state = { $in: [...OVERDUE_STATES] };
    else if (!OVERDUE_STATES.includes(filter.state)) query.state = { $in: [] };
    query.deadline = { $lt: filter.overdueAt };
  }
  if (filter.community) query.community = { $eq: filter.community };
  if (filter.category) query.category = { $eq: filter.category };
  if (filter.grade) query.grade = { $eq: filter.grade };
  if (filter.handlerId) query.handlerId = { $eq: filter.handlerId };
  if (filter.queueMemberId) query.queueMemberId = { $eq: filter.queueMemberId };
  if (filter.filerId) query['filer.id'] = { $eq: filter.filerId };
  if (filter.scopeMemberIds) query.$or = [{ handlerId: { $in: filter.scopeMemberIds } }, { 'filer.id': { $in: filter.scopeMemberIds } }];
  if (filter.from || filter.to)
    query.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return query;
}
