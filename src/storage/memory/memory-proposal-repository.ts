import { formatProposalNumber } from '../../core/proposal-number.js';
import type { NewProposal, ProposalRecord, ProposalRepository, ProposalState } from '../../services/proposals/proposal-records.js';
import { copyOf, definedOnly, MemoryYearSequence, newRecordId } from './memory-records.js';

/** The schema's limits on what a proposal's author wrote. */
const MAX_CHARS = { title: 200, reasons: 5000, suggestions: 5000 } as const;

/** Proposals (提案) held in this process; same contract as the Mongo repository (TA-2026-0001, gap-free per year). */
export class MemoryProposalRepository implements ProposalRepository {
  private readonly proposals: ProposalRecord[] = [];
  private readonly numbers = new MemoryYearSequence();

  async create(proposal: NewProposal, now: Date, year: number): Promise<ProposalRecord> {
    for (const [field, max] of Object.entries(MAX_CHARS)) {
      if (proposal[field as keyof typeof MAX_CHARS].length > max)
        throw new Error(`proposal validation failed: ${field} is longer than ${max}`);
    }
    const record: ProposalRecord = {
      ...copyOf(definedOnly(proposal)),
      coSignerIds: [...(proposal.coSignerIds ?? [])],
      id: newRecordId(),
      number: formatProposalNumber(year, this.numbers.next(year)),
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    } as ProposalRecord;
    this.proposals.push(record);
    return copyOf(record);
  }

  async findByNumber(number: string): Promise<ProposalRecord | null> {
    const found = this.proposals.find((p) => p.number === number);
    return found ? copyOf(found) : null;
  }

  async markSubmitted(number: string, by: string, now: Date): Promise<ProposalRecord | null> {
    const proposal = this.proposals.find((p) => p.number === number && p.state === 'draft');
    if (!proposal) return null;
    Object.assign(proposal, { state: 'submitted', submittedAt: now, submittedBy: by, updatedAt: now });
    return copyOf(proposal);
  }

  /** Oldest first; those drafted at the same instant in the order they were drafted. */
  async list(filter: { state?: ProposalState; authorId?: string }, limit: number): Promise<ProposalRecord[]> {
    return this.proposals
      .filter((p) => (!filter.state || p.state === filter.state) && (!filter.authorId || p.authorId === filter.authorId))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, limit)
      .map(copyOf);
  }
}
