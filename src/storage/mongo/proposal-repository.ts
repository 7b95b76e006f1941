import type { Connection, Model } from 'mongoose';
import { YearSequence } from './year-sequence.js';
import { proposalModel, type ProposalDocument, type ProposalState } from './proposal-model.js';

export { PROPOSAL_STATES, type ProposalState } from './proposal-model.js';

/** A proposal (提案) as a plain record. */
export interface ProposalRecord extends Omit<ProposalDocument, '_id' | 'year' | 'seq'> {
  id: string;
}

export type NewProposal = Pick<ProposalRecord, 'title' | 'reasons' | 'suggestions' | 'authorId' | 'coSignerIds'> & { fromOpinion?: string };

/**
 * Proposals in MongoDB. Numbers come from an atomic per-year counter; submission is a
 * conditional update, so two staff marking the same draft cannot both win.
 *
 * @example
 * const draft = await proposals.create({ title, reasons, suggestions, authorId, coSignerIds: [] }, now, 2026);
 * const submitted = await proposals.markSubmitted(draft.number, staffId, now);
 */
export interface ProposalRepository {
  create(proposal: NewProposal, now: Date, year: number): Promise<ProposalRecord>;
  findByNumber(number: string): Promise<ProposalRecord | null>;
  /** draft → submitted; null when it is not a draft (already submitted, or unknown). */
  markSubmitted(number: string, by: string, now: Date): Promise<ProposalRecord | null>;
  list(filter: { state?: ProposalState; authorId?: string }, limit: number): Promise<ProposalRecord[]>;
}

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
        const number = `TA-${year}-${String(seq).padStart(4, '0')}`;
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
