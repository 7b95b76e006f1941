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
import { copyOf, definedOnly, MemoryYearSequence, newRecordId } from './memory-records.js';

/** The schema's limits (the service checks the text's 500 characters). */
const MAX = { text: 1000, responsible: 100, reason: 1000 } as const;

function assertWithinLimits(item: Partial<NewOutcome> & OutcomeChange): void {
  if (item.text !== undefined && item.text.length > MAX.text) throw new Error(`outcome validation failed: text is longer than ${MAX.text}`);
  if (item.responsible?.kind === 'unit' && item.responsible.name.length > MAX.responsible)
    throw new Error(`outcome validation failed: responsible.name is longer than ${MAX.responsible}`);
  if (item.reason !== undefined && item.reason.length > MAX.reason)
    throw new Error(`outcome validation failed: reason is longer than ${MAX.reason}`);
}

export function matchesOutcome(item: OutcomeRecord, filter: OutcomeFilter): boolean {
  return (
    (!filter.states || filter.states.includes(item.state)) &&
    (!filter.eventId || item.eventId === filter.eventId) &&
    (!filter.opinionNumber || item.opinionNumbers.includes(filter.opinionNumber)) &&
    (!filter.dueBefore || item.dueDate < filter.dueBefore) &&
    (!filter.dueBy || item.dueDate <= filter.dueBy)
  );
}

/** 协商成果 held in this process; same contract as the Mongo repository (CG-2026-0001, gap-free per year). */
export class MemoryOutcomeRepository implements OutcomeRepository {
  private readonly items: OutcomeRecord[] = [];
  private readonly numbers = new MemoryYearSequence();

  async create(item: NewOutcome, first: OutcomeStep, now: Date, year: number): Promise<OutcomeRecord> {
    assertWithinLimits(item);
    const record = {
      ...copyOf(definedOnly(item)),
      id: newRecordId(),
      number: formatOutcomeNumber(year, this.numbers.next(year)),
      state: 'in-progress',
      steps: [copyOf(definedOnly(first))],
      createdAt: now,
      updatedAt: now,
    } as OutcomeRecord;
    this.items.push(record);
    return copyOf(record);
  }

  async findByNumber(number: string): Promise<OutcomeRecord | null> {
    const found = this.items.find((i) => i.number === number);
    return found ? copyOf(found) : null;
  }

  async advance(number: string, from: OutcomeState, changes: OutcomeChange, step: OutcomeSettleStep): Promise<OutcomeRecord | null> {
    const item = this.items.find((i) => i.number === number && i.state === from);
    if (!item) return null;
    assertWithinLimits(changes);
    Object.assign(item, copyOf(definedOnly(changes)), { state: step.action, updatedAt: step.at });
    item.steps.push(copyOf(definedOnly(step)) as OutcomeStep);
    return copyOf(item);
  }

  async reopen(number: string, from: OutcomeState, step: OutcomeStep): Promise<OutcomeRecord | null> {
    const item = this.items.find((i) => i.number === number && i.state === from);
    if (!item) return null;
    assertWithinLimits({ reason: step.note ?? '' });
    delete item.reason;
    delete item.deliveredAt;
    Object.assign(item, { state: 'in-progress', updatedAt: step.at });
    item.steps.push(copyOf(definedOnly(step)) as OutcomeStep);
    return copyOf(item);
  }

  async extend(number: string, step: OutcomeStep & { fromDate: string; toDate: string }): Promise<OutcomeRecord | null> {
    const item = this.items.find((i) => i.number === number && i.state === 'in-progress' && i.dueDate === step.fromDate);
    if (!item) return null;
    assertWithinLimits({ reason: step.note ?? '' });
    delete item.supervisedAt;
    Object.assign(item, { dueDate: step.toDate, extensions: (item.extensions ?? 0) + 1, updatedAt: step.at });
    item.steps.push(copyOf(definedOnly(step)) as OutcomeStep);
    return copyOf(item);
  }

  async markSupervised(number: string, dueDate: string, at: Date): Promise<OutcomeRecord | null> {
    const item = this.items.find((i) => i.number === number && i.state === 'in-progress' && i.dueDate === dueDate && !i.supervisedAt);
    if (!item) return null;
    item.supervisedAt = at;
    return copyOf(item);
  }

  async list(filter: OutcomeFilter, limit: number): Promise<OutcomeRecord[]> {
    return this.items
      .filter((item) => matchesOutcome(item, filter))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
      .slice(0, limit)
      .map((item) => copyOf(item));
  }
}
