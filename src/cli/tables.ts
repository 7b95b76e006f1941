import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Messages } from '../i18n/messages.js';
import { restoreCell } from '../services/csv-file.js';
import { CliError } from './operator-context.js';

/** A spreadsheet read whole: the header and each data row with its line (CSV) or row (XLSX) number. */
export interface Table {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/** Reads a .csv (UTF-8, with or without BOM) or the first sheet of an .xlsx. Any problem is a CliError naming the line. */
export async function readTable(path: string, t: Messages): Promise<Table> {
  const m = t.operations.cli.import;
  const kind = extname(path).toLowerCase();
  if (kind !== '.csv' && kind !== '.xlsx') throw new CliError(m.unsupported(path));
  let table: Table;
  try {
    table = kind === '.csv' ? readCsv((await readFile(path)).toString('utf8'), t) : await readXlsx(path, t);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(m.unreadable(path, (error as Error).message));
  }
  if (table.header.length === 0) throw new CliError(m.empty);
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
    throw new CliError(m.malformed(problem.lines, csvReason(problem, t)));
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

async function readXlsx(path: string, t: Messages): Promise<Table> {
  // Loaded only for spreadsheets: exceljs is large, and most runs never need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
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
  if (wide) throw new CliError(t.operations.cli.import.malformed(wide.line, t.operations.cli.import.columnCount));
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
