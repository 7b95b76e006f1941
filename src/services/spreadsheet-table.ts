import { parse } from 'csv-parse/sync';
import type { Messages } from '../i18n/messages.js';
import { restoreCell } from './csv-file.js';

/** A spreadsheet read whole: the header and each data row with its line (CSV) or row (XLSX) number. */
export interface Table {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export type TableKind = 'csv' | 'xlsx';

/** A file that cannot be read as a table; `message` is the sentence for the person who gave it. */
export class TableFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'TableFileError';
  }
}

/** `csv` or `xlsx` from a file name, or undefined for anything else. */
export function tableKindOf(fileName: string): TableKind | undefined {
  const match = /\.(csv|xlsx)$/i.exec(fileName.trim());
  return match ? (match[1]!.toLowerCase() as TableKind) : undefined;
}

/**
 * Reads a CSV (UTF-8, with or without BOM) or the first sheet of an XLSX, given as bytes. Any
 * problem is a TableFileError naming the line. The CLI (`yishi import`) and the API's member
 * import both read files here, so a file reads the same everywhere.
 */
export async function readTableBytes(bytes: Uint8Array, kind: TableKind, t: Messages): Promise<Table> {
  const m = t.operations.cli.import;
  let table: Table;
  try {
    table = kind === 'csv' ? readCsv(Buffer.from(bytes).toString('utf8'), t) : await readXlsx(bytes, t);
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    // exceljs says why in English (a broken zip, …): the person needs to know it is no spreadsheet.
    throw new TableFileError(m.malformed(undefined, kind === 'xlsx' ? m.notXlsx : (error as Error).message));
  }
  if (table.header.length === 0) throw new TableFileError(m.empty);
  return table;
}

interface CsvParseError {
  code?: string;
  lines?: number;
  message: string;
}

function readCsv(text: string, t: Messages): Table {
  const m = t.operations.cli.import;
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // `cast` undoes the `'` our own exports put before formula-like cells (see csv-file.ts).
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      trim: true,
      cast: (value) => restoreCell(value),
    }) as unknown as typeof records;
  } catch (error) {
    const problem = error as CsvParseError;
    throw new TableFileError(m.malformed(problem.lines, csvReason(problem, t)), problem.lines);
  }
  const [header, ...rows] = records;
  return { header: header?.record ?? [], rows: rows.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function csvReason(problem: CsvParseError, t: Messages): string {
  const m = t.operations.cli.import;
  if (problem.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return m.columnCount;
  if (problem.code === 'CSV_QUOTE_NOT_CLOSED') return m.quoteNotClosed;
  return problem.message;
}

async function readXlsx(bytes: Uint8Array, t: Messages): Promise<Table> {
  // Loaded only for spreadsheets: exceljs is large, and most runs never need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // exceljs declares an older Buffer type than @types/node; the bytes are the same.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const lines: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(row.getCell(column).text.trim());
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    if (cells.length > 0) lines.push({ line: rowNumber, cells });
  });
  const [header, ...rows] = lines;
  const width = header?.cells.length ?? 0;
  const wide = rows.find((row) => row.cells.length > width);
  if (wide) throw new TableFileError(t.operations.cli.import.malformed(wide.line, t.operations.cli.import.columnCount), wide.line);
  return {
    header: header?.cells ?? [],
    rows: rows.map((row) => ({ line: row.line, cells: [...row.cells, ...Array<string>(width - row.cells.length).fill('')] })),
  };
}

/** Maps header cells to field names through `columns` (case and spaces ignored); unknown ones are listed. */
export function mapHeader<F extends string>(
  header: string[],
  columns: Record<string, F>,
): { fields: Array<F | undefined>; unknown: string[] } {
  const fields = header.map((name) => columns[name.replace(/\s/g, '').toLowerCase()]);
  return { fields, unknown: header.filter((_, i) => !fields[i]) };
}

/** Remembers the first line of each key, to name both lines when a key repeats in a file. */
export class FirstSeen {
  private readonly lines = new Map<string, number>();

  /** The earlier line with this key, or undefined (and the key is remembered with `line`). */
  check(key: string, line: number): number | undefined {
    const first = this.lines.get(key);
    if (first === undefined) this.lines.set(key, line);
    return first;
  }
}

/**
 * Writes rows that were all checked beforehand, in batches of 50. MongoDB-compatible stores here
 * have no transactions (FerretDB), so "nothing from that file" on a failure midway means undoing
 * what this run wrote; the error is thrown again after the undo.
 */
export async function writeAllOrNothing<T>(
  rows: readonly T[],
  write: (batch: readonly T[]) => Promise<string[]>,
  undo: (ids: readonly string[]) => Promise<void>,
  onProgress: (done: number) => void = () => {},
): Promise<string[]> {
  const written: string[] = [];
  try {
    for (let start = 0; start < rows.length; start += 50) {
      written.push(...(await write(rows.slice(start, start + 50))));
      onProgress(written.length);
    }
  } catch (error) {
    await undo(written);
    throw error;
  }
  return written;
}
