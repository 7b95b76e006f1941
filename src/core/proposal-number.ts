/**
 * Proposal numbers: `TA-YYYY-NNNN`, the year the proposal was drafted in and its place in that
 * year's sequence. The one place that knows the shape; every store formats new numbers with it.
 */

const SEQ_DIGITS = 4;

/**
 * The canonical number for a year's n-th proposal.
 *
 * @example
 * formatProposalNumber(2026, 7); // 'TA-2026-0007'
 */
export function formatProposalNumber(year: number | string, seq: number | string): string {
  return `TA-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}
