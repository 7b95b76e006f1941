/**
 * 社情民意信息 numbers: `SQ-YYYY-NNNN`, the Beijing year the report was sent in and its place in
 * that year's sequence. The one place that knows the shape.
 */

const SEQ_DIGITS = 4;
const SHAPE = /^SQ-\d{4}-\d{4,}$/;

/**
 * The canonical number for a year's n-th report.
 *
 * @example
 * formatSocialReportNumber(2026, 7); // 'SQ-2026-0007'
 */
export function formatSocialReportNumber(year: number | string, seq: number | string): string {
  return `SQ-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The number a person typed (any letter case, spaces around), or null when it is not one. */
export function readSocialReportNumber(word: string): string | null {
  const number = word.trim().toUpperCase();
  return SHAPE.test(number) ? number : null;
}
