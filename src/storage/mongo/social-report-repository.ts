import type { Connection, Model } from 'mongoose';
import { formatSocialReportNumber } from '../../core/social-report-number.js';
import type {
  NewSocialReport,
  SocialReportChange,
  SocialReportRecord,
  SocialReportRepository,
  SocialReportState,
  SocialReportStep,
} from '../../services/social-reports/social-report-records.js';
import { socialReportModel, type SocialReportDocument } from './social-report-model.js';
import { YearSequence } from './year-sequence.js';

function toRecord(doc: SocialReportDocument): SocialReportRecord {
  const { _id, year: _year, seq: _seq, ...rest } = doc;
  const record: Record<string, unknown> = { id: _id.toHexString() };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== null) record[key] = value;
  record.steps = (doc.steps ?? []).map((step) => Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined && v !== null)));
  return record as unknown as SocialReportRecord;
}

/** 社情民意信息 in MongoDB (`social_reports`); numbers from the `counters` year sequence. */
export class MongoSocialReportRepository implements SocialReportRepository {
  private readonly model: Model<SocialReportDocument>;
  private readonly numbers: YearSequence;

  constructor(connection: Connection) {
    this.model = socialReportModel(connection);
    this.numbers = new YearSequence(connection, 'social-report');
  }

  async create(report: NewSocialReport, first: SocialReportStep, now: Date, year: number): Promise<SocialReportRecord> {
    return this.numbers.storeWithNext(
      year,
      async (seq) => {
        const number = formatSocialReportNumber(year, seq);
        const doc = await this.model.create({
          ...report,
          number,
          year,
          seq,
          state: 'submitted',
          steps: [first],
          createdAt: now,
          updatedAt: now,
        });
        return toRecord(doc.toObject());
      },
      50,
    );
  }

  async findByNumber(number: string): Promise<SocialReportRecord | null> {
    const doc = await this.model.findOne({ number: { $eq: number } }).lean<SocialReportDocument>();
    return doc ? toRecord(doc) : null;
  }

  async advance(
    number: string,
    from: SocialReportState,
    to: SocialReportState,
    changes: SocialReportChange,
    step: SocialReportStep,
  ): Promise<SocialReportRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { number: { $eq: number }, state: { $eq: from } },
        { $set: { ...changes, state: to, updatedAt: step.at }, $push: { steps: step } },
        { new: true, runValidators: true },
      )
      .lean<SocialReportDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(
    filter: { state?: SocialReportState; authorId?: string; since?: Date; until?: Date },
    limit: number,
  ): Promise<SocialReportRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.state) query.state = { $eq: filter.state };
    if (filter.authorId) query.authorId = { $eq: filter.authorId };
    if (filter.since || filter.until)
      query.createdAt = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
    const docs = await this.model.find(query).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<SocialReportDocument[]>();
    return docs.map(toRecord);
  }
}
