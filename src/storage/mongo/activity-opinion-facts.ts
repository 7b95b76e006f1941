import type { Connection, Model } from 'mongoose';
import { opinionModel, type OpinionDocument } from './opinion-model.js';
import { type OpinionState } from '../../services/opinions/opinion-records.js';

/** The fields of an opinion the committee's rates read (no content, no contact). */
export interface OpinionFact {
  id: string;
  number: string;
  state: OpinionState;
  community?: string;
  category?: string;
  grade?: string;
  filerKind: 'member' | 'guest' | 'resident';
  handlerId?: string;
  queueMemberId?: string;
  createdAt: Date;
  acceptedAt?: Date;
  deadline?: Date;
  resolvedAt?: Date;
  rating?: string;
  plusOnes: number;
}

/** What the export needs besides the facts; the privacy gate masks it before it is written. */
export interface OpinionExportText {
  content: string;
  result?: string;
  filer: { kind: 'member' | 'guest' | 'resident'; id: string };
}

/**
 * A read-only view of the opinions collection for the rates and exports: plain queries, the
 * arithmetic is done in TypeScript (FerretDB v1 lacks `$max` and friends in `$group`).
 *
 * @example
 * const facts = await opinionFacts.touching(start, end); // created in [start, end) or due in it
 */
export interface OpinionFactsReader {
  /** Opinions created before `end` that were created on/after `start` or are due on/after `start`. */
  touching(start: Date, end: Date): Promise<OpinionFact[]>;
  /** Opinions created in `[start, end)`, oldest first, with their content and filer (for the export, through the privacy gate). */
  createdBetween(start: Date, end: Date): Promise<Array<OpinionFact & OpinionExportText>>;
  /** How many opinions are in each state now. */
  countByState(): Promise<Partial<Record<OpinionState, number>>>;
}

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
  for (const key of [
    'community',
    'category',
    'grade',
    'handlerId',
    'queueMemberId',
    'acceptedAt',
    'deadline',
    'resolvedAt',
    'rating',
  ] as const) {
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
      .find({ createdAt: { $gte: start, $lt: end } }, { ...FACT_FIELDS, content: 1, result: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .lean<Lean[]>();
    return docs.map((doc) => ({
      ...toFact(doc),
      content: doc.content,
      filer: { kind: doc.filer.kind, id: doc.filer.id },
      ...(doc.result ? { result: doc.result } : {}),
    }));
  }

  async countByState(): Promise<Partial<Record<OpinionState, number>>> {
    const docs = await this.model.find({}, { state: 1 }).lean<Array<Pick<OpinionDocument, 'state'>>>();
    const counts: Partial<Record<OpinionState, number>> = {};
    for (const doc of docs) counts[doc.state] = (counts[doc.state] ?? 0) + 1;
    return counts;
  }
}
