import type { Connection, Model } from 'mongoose';
import { opinionModel, type OpinionDocument } from './opinion-model.js';
import { type OpinionState } from '../../services/opinions/opinion-records.js';
import {
  OPTIONAL_FACT_FIELDS,
  type OpinionExportText,
  type OpinionFact,
  type OpinionFactsReader,
} from '../../services/records/activity-records.js';

type Lean = Pick<
  OpinionDocument,
  | '_id'
  | 'number'
  | 'state'
  | 'community'
  | 'category'
  | 'grade'
  | 'filer'
  | 'handlerId'
  | 'queueMemberId'
  | 'createdAt'
  | 'acceptedAt'
  | 'deadline'
  | 'resolvedAt'
  | 'rating'
  | 'plusOnes'
  | 'content'
  | 'result'
  | 'ratingReason'
  | 'reopenReason'
>;

function toFact(doc: Lean): OpinionFact {
  const fact: Record<string, unknown> = {
    id: doc._id.toHexString(),
    number: doc.number,
    state: doc.state,
    filerKind: doc.filer.kind,
    createdAt: doc.createdAt,
    plusOnes: doc.plusOnes?.count ?? 0,
  };
  for (const key of OPTIONAL_FACT_FIELDS) {
    if (doc[key] !== undefined && doc[key] !== null) fact[key] = doc[key];
  }
  return fact as unknown as OpinionFact;
}

const FACT_FIELDS = {
  number: 1,
  state: 1,
  community: 1,
  category: 1,
  grade: 1,
  filer: 1,
  handlerId: 1,
  queueMemberId: 1,
  createdAt: 1,
  acceptedAt: 1,
  deadline: 1,
  resolvedAt: 1,
  rating: 1,
  plusOnes: 1,
};

export class MongoOpinionFacts implements OpinionFactsReader {
  private readonly model: Model<OpinionDocument>;

  constructor(connection: Connection) {
    this.model = opinionModel(connection);
  }

  async touching(start: Date, end: Date): Promise<OpinionFact[]> {
    const docs = await this.model
      .find({ createdAt: { $lt: end }, $or: [{ createdAt: { $gte: start } }, { deadline: { $gte: start } }] }, FACT_FIELDS)
      .sort({ createdAt: 1, _id: 1 })
      .lean<Lean[]>();
    return docs.map(toFact);
  }

  async createdBetween(start: Date, end: Date): Promise<Array<OpinionFact & OpinionExportText>> {
    const docs = await this.model
      .find({ createdAt: { $gte: start, $lt: end } }, { ...FACT_FIELDS, content: 1, result: 1, ratingReason: 1, reopenReason: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .lean<Lean[]>();
    return docs.map((doc) => ({
      ...toFact(doc),
      content: doc.content,
      filer: { kind: doc.filer.kind, id: doc.filer.id },
      ...(doc.result ? { result: doc.result } : {}),
      ...(doc.ratingReason ? { ratingReason: doc.ratingReason } : {}),
      ...(doc.reopenReason ? { reopenReason: doc.reopenReason } : {}),
    }));
  }

  async countByState(): Promise<Partial<Record<OpinionState, number>>> {
    const docs = await this.model.find({}, { state: 1 }).lean<Array<Pick<OpinionDocument, 'state'>>>();
    const counts: Partial<Record<OpinionState, number>> = {};
    for (const doc of docs) counts[doc.state] = (counts[doc.state] ?? 0) + 1;
    return counts;
  }
}
