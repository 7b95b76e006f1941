import type { Connection, Model } from 'mongoose';
import { formatProposalNumber } from '../../core/proposal-number.js';
import { YearSequence } from './year-sequence.js';
import { proposalModel, type ProposalDocument } from './proposal-model.js';
import type { NewProposal, ProposalRecord, ProposalRepository, ProposalState } from '../../services/proposals/proposal-records.js';

function toRecord(doc: ProposalDocument): ProposalRecord {
  const { _id, year: _year, seq: _seq, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) record[key] = value;
  record.coSignerIds = doc.coSignerIds ?? [];
  return record as unknown as ProposalRecord;
}

export class MongoProposalRepository implements ProposalRepository {
  private readonly model: Model<ProposalDocument>;
  private readonly numbers: YearSequence;

  constructor(connection: Connection) {
    this.model = proposalModel(connection);
    this.numbers = new YearSequence(connection, 'proposal');
  }

  async create(proposal: NewProposal, now: Date, year: number): Promise<ProposalRecord> {
    return this.numbers.storeWithNext(
      year,
      async (seq) => {
        const number = formatProposalNumber(year, seq);
        const doc = await this.model.create({ ...proposal, number, year, seq, state: 'draft', createdAt: now, updatedAt: now });
        return toRecord(doc.toObject());
      },
      50,
    );
  }

  async findByNumber(number: string): Promise<ProposalRecord | null> {
    const doc = await this.model.findOne({ number: { $eq: number } }).lean<ProposalDocument>();
    return doc ? toRecord(doc) : null;
  }

  async markSubmitted(number: string, by: string, now: Date): Promise<ProposalRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: 'draft' },
        { $set: { state: 'submitted', submittedAt: now, submittedBy: by, updatedAt: now } },
        { new: true },
      )
      .lean<ProposalDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: { state?: ProposalState; authorId?: string }, limit: number): Promise<ProposalRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.state) query.state = { $eq: filter.state };
    if (filter.authorId) query.authorId = { $eq: filter.authorId };
    const docs = await this.model.find(query).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<ProposalDocument[]>();
    return docs.map(toRecord);
  }
}
