/**
 * 协商成果 numbers: `CG-YYYY-NNNN`, the Beijing year the item was entered in and its place in that
 * year's sequence. The one place that knows the shape.
 */

const SEQ_DIGITS = 4;
const SHAPE = /^CG-\d{4}-\d{4,}$/;

/**
 * The canonical number for a year's n-th item.
 *
 * @example
 * formatOutcomeNumber(2026, 7); // 'CG-2026-0007'
 */
export function formatOutcomeNumber(year: number | string, seq: number | string): string {
  return `CG-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The number a person typed (any letter case, spaces around), or null when it is not one. */
export function readOutcomeNumber(word: string): string | null {
  const number = word.trim().toUpperCase();
  return SHAPE.test(number) ? number : null;
}
