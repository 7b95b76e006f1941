import type { Connection, Model } from 'mongoose';
import { formatOpinionNumber } from '../../core/opinion-number.js';
import { opinionModel, type AuditEntry, type OpinionDocument, type OpinionState } from './opinion-model.js';
import { YearSequence } from './year-sequence.js';
import { isObjectId } from './object-id.js';

export type { AuditEntry, OpinionGrade, OpinionRating, OpinionSource, OpinionState } from './opinion-model.js';
export { OPINION_GRADES, OPINION_RATINGS, OPINION_STATES } from './opinion-model.js';

/**
 * An opinion (民意) as the rest of Yishi sees it: a plain record — the stored fields (documented on
 * OpinionDocument) with a string `id` instead of the ObjectId and without the counter bookkeeping.
 */
export interface OpinionRecord extends Omit<OpinionDocument, '_id' | 'year' | 'seq'> {
  id: string;
}

export type NewOpinion = Pick<OpinionRecord, 'content' | 'source' | 'filer'> &
  Partial<Pick<OpinionRecord, 'filerAddress' | 'community' | 'category' | 'queueMemberId'>>;

/** Fields a transition may set (and unset with `undefined`). */
export type OpinionChanges = Partial<
  Omit<OpinionRecord, 'id' | 'number' | 'audit' | 'createdAt' | 'updatedAt' | 'plusOnes' | 'filer' | 'source' | 'content'>
>;

export interface OpinionListFilter {
  state?: OpinionState;
  states?: OpinionState[];
  community?: string;
  category?: string;
  handlerId?: string;
  queueMemberId?: string;
  filerId?: string;
  from?: Date;
  to?: Date;
}

/**
 * Opinions in MongoDB. The audit trail is append-only: every change is one atomic
 * `findOneAndUpdate` that checks the expected state and `$push`es its audit entry.
 *
 * @example
 * const opinion = await opinions.create({ content: '路灯坏了', source: 'member-chat', filer: { kind: 'member', id } }, audit, now);
 * await opinions.transition(opinion.id, ['submitted'], 'accepted', { acceptedAt: now }, entry, now);
 */
export interface OpinionRepository {
  /** Takes the next number of the year from an atomic counter and stores the opinion. */
  create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord>;
  findByNumber(number: string): Promise<OpinionRecord | null>;
  findById(id: string): Promise<OpinionRecord | null>;
  /** Moves the opinion when its state is one of `from`; null when it is not (nothing changed). */
  transition(
    id: string,
    from: readonly OpinionState[],
    to: OpinionState,
    changes: OpinionChanges,
    audit: AuditEntry,
    now: Date,
  ): Promise<OpinionRecord | null>;
  /** Appends an audit entry without changing the state (contact revealed, classification corrected). */
  appendAudit(id: string, changes: OpinionChanges, audit: AuditEntry, now: Date): Promise<OpinionRecord | null>;
  /** Adds one +1 by `who` to an open opinion; false when `who` had already added one. */
  addPlusOne(id: string, who: string, now: Date): Promise<boolean>;
  /** Raises the ladder level of this round, once: false when another tick did it first. */
  raiseLadder(id: string, round: number, from: number, to: number): Promise<boolean>;
  list(filter: OpinionListFilter, page?: { skip: number; limit: number }): Promise<{ items: OpinionRecord[]; total: number }>;
}

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

export class MongoOpinionRepository implements OpinionRepository {
  private readonly model: Model<OpinionDocument>;
  private readonly numbers: YearSequence;

  constructor(connection: Connection) {
    this.model = opinionModel(connection);
    this.numbers = new YearSequence(connection, 'opinion');
  }

  async create(opinion: NewOpinion, audit: AuditEntry, now: Date, year: number): Promise<OpinionRecord> {
    return this.numbers.storeWithNext(year, async (seq) => {
      const doc = await this.model.create({
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
      return toRecord(doc.toObject());
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

  async list(
    filter: OpinionListFilter,
    page: { skip: number; limit: number } = { skip: 0, limit: 1000 },
  ): Promise<{ items: OpinionRecord[]; total: number }> {
    const query: Record<string, unknown> = {};
    if (filter.state) query.state = { $eq: filter.state };
    else if (filter.states) query.state = { $in: filter.states };
    if (filter.community) query.community = { $eq: filter.community };
    if (filter.category) query.category = { $eq: filter.category };
    if (filter.handlerId) query.handlerId = { $eq: filter.handlerId };
    if (filter.queueMemberId) query.queueMemberId = { $eq: filter.queueMemberId };
    if (filter.filerId) query['filer.id'] = { $eq: filter.filerId };
    if (filter.from || filter.to)
      query.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.skip).limit(page.limit).lean<OpinionDocument[]>(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toRecord), total };
  }
}
