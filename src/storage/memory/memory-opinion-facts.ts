import type { OpinionRecord, OpinionRepository, OpinionState } from '../../services/opinions/opinion-records.js';
import {
  OPTIONAL_FACT_FIELDS,
  type OpinionExportText,
  type OpinionFact,
  type OpinionFactsReader,
} from '../../services/records/activity-records.js';

function toFact(opinion: OpinionRecord): OpinionFact {
  const fact: Record<string, unknown> = {
    id: opinion.id,
    number: opinion.number,
    state: opinion.state,
    filerKind: opinion.filer.kind,
    createdAt: opinion.createdAt,
    plusOnes: opinion.plusOnes.count,
  };
  for (const key of OPTIONAL_FACT_FIELDS) if (opinion[key] !== undefined && opinion[key] !== null) fact[key] = opinion[key];
  return fact as unknown as OpinionFact;
}

/**
 * The read-only view of the opinions for the rates and exports, over any opinion repository (the
 * in-memory one in tests and single-instance runs); same contract as the Mongo view.
 */
export class MemoryOpinionFacts implements OpinionFactsReader {
  constructor(private readonly opinions: OpinionRepository) {}

  async touching(start: Date, end: Date): Promise<OpinionFact[]> {
    return (await this.oldestFirst())
      .filter((o) => o.createdAt < end && (o.createdAt >= start || (o.deadline !== undefined && o.deadline >= start)))
      .map(toFact);
  }

  async createdBetween(start: Date, end: Date): Promise<Array<OpinionFact & OpinionExportText>> {
    return (await this.oldestFirst())
      .filter((o) => o.createdAt >= start && o.createdAt < end)
      .map((o) => ({
        ...toFact(o),
        content: o.content,
        filer: { kind: o.filer.kind, id: o.filer.id },
        ...(o.result ? { result: o.result } : {}),
      }));
  }

  async countByState(): Promise<Partial<Record<OpinionState, number>>> {
    const counts: Partial<Record<OpinionState, number>> = {};
    for (const opinion of await this.oldestFirst()) counts[opinion.state] = (counts[opinion.state] ?? 0) + 1;
    return counts;
  }

  /** Every opinion, oldest first (the repository lists newest first, later-filed first on a tie). */
  private async oldestFirst(): Promise<OpinionRecord[]> {
    const { items } = await this.opinions.list({}, { skip: 0, limit: Number.MAX_SAFE_INTEGER });
    return items.reverse();
  }
}
