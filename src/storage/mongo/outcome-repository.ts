import type { Connection, Model } from 'mongoose';
import { formatOutcomeNumber } from '../../core/outcome-number.js';
import type {
  NewOutcome,
  OutcomeChange,
  OutcomeFilter,
  OutcomeRecord,
  OutcomeRepository,
  OutcomeSettleStep,
  OutcomeState,
  OutcomeStep,
} from '../../services/outcomes/outcome-records.js';
import { outcomeModel, type OutcomeDocument } from './outcome-model.js';
import { YearSequence } from './year-sequence.js';

const withoutEmpty = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));

function toRecord(doc: OutcomeDocument): OutcomeRecord {
  const { _id, year: _year, seq: _seq, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString(), ...withoutEmpty(rest) };
  record.responsible = withoutEmpty(doc.responsible);
  record.opinionNumbers = [...(doc.opinionNumbers ?? [])];
  record.steps = (doc.steps ?? []).map(withoutEmpty);
  return record as unknown as OutcomeRecord;
}

function queryOf(filter: OutcomeFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.states) query.state = { $in: filter.states };
  if (filter.eventId) query.eventId = { $eq: filter.eventId };
  if (filter.opinionNumber) query.opinionNumbers = { $eq: filter.opinionNumber };
  if (filter.dueBefore || filter.dueBy)
    query.dueDate = { ...(filter.dueBefore ? { $lt: filter.dueBefore } : {}), ...(filter.dueBy ? { $lte: filter.dueBy } : {}) };
  return query;
}

/** 协商成果 in MongoDB (`outcomes`); numbers from the `counters` year sequence. */
export class MongoOutcomeRepository implements OutcomeRepository {
  private readonly model: Model<OutcomeDocument>;
  private readonly numbers: YearSequence;

  constructor(connection: Connection) {
    this.model = outcomeModel(connection);
    this.numbers = new YearSequence(connection, 'outcome');
  }

  async create(item: NewOutcome, first: OutcomeStep, now: Date, year: number): Promise<OutcomeRecord> {
    return this.numbers.storeWithNext(
      year,
      async (seq) => {
        const doc = await this.model.create({
          ...item,
          number: formatOutcomeNumber(year, seq),
          year,
          seq,
          state: 'in-progress',
          steps: [first],
          createdAt: now,
          updatedAt: now,
        });
        return toRecord(doc.toObject());
      },
      50,
    );
  }

  async findByNumber(number: string): Promise<OutcomeRecord | null> {
    const doc = await this.model.findOne({ number: { $eq: number } }).lean<OutcomeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async advance(number: string, from: OutcomeState, changes: OutcomeChange, step: OutcomeSettleStep): Promise<OutcomeRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: { $eq: from } },
        { $set: { ...changes, state: step.action, updatedAt: step.at }, $push: { steps: step } },
        { new: true, runValidators: true },
      )
      .lean<OutcomeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async reopen(number: string, from: OutcomeState, step: OutcomeStep): Promise<OutcomeRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: { $eq: from } },
        { $set: { state: 'in-progress', updatedAt: step.at }, $unset: { reason: 1, deliveredAt: 1 }, $push: { steps: step } },
        { new: true, runValidators: true },
      )
      .lean<OutcomeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async extend(number: string, step: OutcomeStep & { fromDate: string; toDate: string }): Promise<OutcomeRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: { $eq: 'in-progress' }, dueDate: { $eq: step.fromDate } },
        {
          $set: { dueDate: step.toDate, updatedAt: step.at },
          $unset: { supervisedAt: 1 },
          $inc: { extensions: 1 },
          $push: { steps: step },
        },
        { new: true, runValidators: true },
      )
      .lean<OutcomeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async markSupervised(number: string, dueDate: string, at: Date): Promise<OutcomeRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: { $eq: 'in-progress' }, dueDate: { $eq: dueDate }, supervisedAt: { $exists: false } },
        { $set: { supervisedAt: at } },
        { new: true },
      )
      .lean<OutcomeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: OutcomeFilter, limit: number): Promise<OutcomeRecord[]> {
    const docs = await this.model.find(queryOf(filter)).sort({ dueDate: 1, number: 1 }).limit(limit).lean<OutcomeDocument[]>();
    return docs.map(toRecord);
  }
}
