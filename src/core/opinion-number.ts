/**
 * Opinion numbers: `MY-YYYY-NNNNNN`, the Beijing year the opinion was filed in and its place in
 * that year's sequence. This module is the only place that knows the shape; storage formats new
 * numbers with it, the parser and the services read what people type with it, and services find
 * numbers in free text with it.
 */

/** A whole, canonical number and nothing else (`MY-2026-000123`). */
export const OPINION_NUMBER_PATTERN = /^MY-\d{4}-\d{6}$/;

const SEQ_DIGITS = 6;

/**
 * The canonical number for a year's n-th opinion.
 *
 * @example
 * formatOpinionNumber(2026, 123); // 'MY-2026-000123'
 */
export function formatOpinionNumber(year: number | string, seq: number | string): string {
  return `MY-${year}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/**
 * True for a canonical number exactly as stored (the API takes only these).
 *
 * @example
 * isOpinionNumber('MY-2026-000123'); // true
 * isOpinionNumber('2026-123'); // false
 */
export function isOpinionNumber(text: string): boolean {
  return OPINION_NUMBER_PATTERN.test(text);
}

/**
 * True when an id-or-number reference is meant as a number: it starts with `MY-` in any case.
 * Database ids are hexadecimal, so they never do.
 *
 * @example
 * hasOpinionNumberPrefix('my-2026-000123'); // true
 * hasOpinionNumberPrefix('65f0c0ffee0000000000abcd'); // false
 */
export function hasOpinionNumberPrefix(text: string): boolean {
  return /^MY-/i.test(text);
}

const FULL_FORMS = [
  // With a dash between year and sequence any four digits are a year: `MY-2026-123`, `2026-123`.
  /^(?:MY-?)?(\d{4})-(\d{1,6})$/,
  // Run together, only a 20xx year tells the year from the sequence: `MY2026123`, `2026000123`.
  /^MY-?(20\d{2})(\d{1,6})$/,
  /^(20\d{2})(\d{6})$/,
];
const SHORT_FORM = /^(?:MY-?)?(\d{1,6})$/;

/**
 * The canonical number for what a person typed: `MY-2026-000123`, `my2026-123`, `2026-123`,
 * `2026000123`, `第45号`, `NO.45`, or a short `123` / `MY123` (in `year`, the current Beijing
 * year). Full-width characters and surrounding spaces are fine. Sequence 0 is never a number.
 * Null when the word is not a number at all.
 *
 * @example
 * normalizeOpinionNumber('2026-123', 2026); // 'MY-2026-000123'
 * normalizeOpinionNumber('123', 2027); // 'MY-2027-000123'
 * normalizeOpinionNumber('路灯', 2026); // null
 */
export function normalizeOpinionNumber(text: string, year: number): string | null {
  const input = text
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/^(?:NO\.?|第)/, '')
    .replace(/号$/, '');
  for (const form of FULL_FORMS) {
    const match = form.exec(input);
    if (match) return Number(match[2]) > 0 ? formatOpinionNumber(match[1]!, match[2]!) : null;
  }
  const short = SHORT_FORM.exec(input);
  return short && Number(short[1]) > 0 ? formatOpinionNumber(year, short[1]!) : null;
}

/**
 * True when the words after a command are a number with its year or its `MY` (so a title such as
 * `123` or `第45号` stays a title).
 *
 * @example
 * looksLikeOpinionNumber('MY-2026-000123'); // true
 * looksLikeOpinionNumber('123'); // false
 */
export function looksLikeOpinionNumber(text: string): boolean {
  return /^(?:MY-?\d{1,6}|(?:MY-?)?\d{4}-\d{1,6})$/i.test(text.trim());
}

// A seventh digit makes it a typo, not its first six: left out rather than linked to another opinion.
const MY_NUMBER_IN_TEXT = /MY-?(\d{4})-?(\d{1,6})(?!\d)/gi;

/**
 * Every `MY` number in free text (with or without dashes), canonical, each once, in order.
 *
 * @example
 * findOpinionNumbers('议定 MY-2026-000123 和 my2026-7 一并办结'); // ['MY-2026-000123', 'MY-2026-000007']
 */
export function findOpinionNumbers(text: string): string[] {
  const found = [...text.normalize('NFKC').matchAll(MY_NUMBER_IN_TEXT)].map((m) => formatOpinionNumber(m[1]!, m[2]!));
  return [...new Set(found)];
}

/**
 * The first thing in a resident's message that reads as a number, exactly as typed (read it with
 * {@link normalizeOpinionNumber}): `MY-2026-000123`, `2026-123`, `MY123`, or a bare `123` standing
 * on its own (not part of a phone number or a date).
 *
 * @example
 * findTypedOpinionNumber('123 进度'); // '123'
 * findTypedOpinionNumber('2026-123怎么样了'); // '2026-123'
 */
export function findTypedOpinionNumber(text: string): string | undefined {
  // Never a part of a longer run of digits or dashes (MY2026123, MY-2026-1234567, 2026-03-05), which would name another opinion.
  return /(?:MY-?)?\d{4}-\d{1,6}(?![\d-])|MY-?\d{1,6}(?![\d-])|(?<![\d-])\d{1,6}(?![\d-])/i.exec(text)?.[0];
}
