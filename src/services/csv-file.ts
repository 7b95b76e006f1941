import { stringify } from 'csv-stringify/sync';

/** Excel opens a CSV as UTF-8 only when it starts with the byte-order mark. */
const BOM = '\uFEFF';

/**
 * Why: Excel, WPS and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and a leading tab or carriage return can hide such a
 * start from the eye while the spreadsheet still reads it. Residents and members write the text
 * that ends up in these cells, so every string cell that starts with one of them gets a leading
 * `'` (OWASP "CSV injection"): the spreadsheet then shows text, never runs it. Numbers are
 * written as numbers and never need it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** The cell as it may safely go into a CSV: `'` in front of a formula-like start, else unchanged. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The inverse, for our own importers: a cell we wrote as `'+86 138…` is read back as `+86 138…`,
 * so an exported member list can still be edited and imported again.
 */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/**
 * Every CSV Yishi writes (admin API and operator CLI): a BOM, RFC 4180 quoting by csv-stringify,
 * and each string cell through {@link neutraliseCell}. `lineEnds: 'windows'` gives CRLF.
 */
export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, options: { lineEnds?: 'unix' | 'windows' } = {}): string {
  return (
    BOM +
    stringify(
      rows.map((row) => [...row]),
      {
        record_delimiter: options.lineEnds ?? 'unix',
        // csv-stringify quotes only the chosen record delimiter: with CRLF a bare LF inside an
        // opinion's text would otherwise split its row in two.
        quoted_match: /[\r\n]/,
        cast: { string: (value) => neutraliseCell(value) },
      },
    )
  );
}
