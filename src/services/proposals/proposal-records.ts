// The proposals' own model (提案): states, the record and the repository the proposal service needs.

export const PROPOSAL_STATES = ['draft', 'submitted'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * A proposal (提案) as the rest of Yishi sees it.
 *
 * @example
 * const canSubmit = proposal.state === 'draft';
 */
export interface ProposalRecord {
  id: string;
  /** `TA-2026-0001`: the year and a per-year sequence. */
  number: string;
  title: string;
  reasons: string;
  suggestions: string;
  authorId: string;
  coSignerIds: string[];
  /** The opinion it grew from (`MY-2026-000123`), when drafted with 提案 <编号>. */
  fromOpinion?: string;
  state: ProposalState;
  submittedAt?: Date;
  submittedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewProposal = Pick<ProposalRecord, 'title' | 'reasons' | 'suggestions' | 'authorId' | 'coSignerIds'> & { fromOpinion?: string };

/**
 * Where proposals are kept (implemented in src/storage/mongo/proposal-repository.ts). Numbers come from an atomic per-year counter; submission is a
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
