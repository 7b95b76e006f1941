import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Table } from '../../services/records/exports.js';

/** Excel opens a CSV as UTF-8 only when it starts with the byte-order mark. */
const BOM = '\uFEFF';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** CSV (RFC 4180 quoting by csv-stringify) with a UTF-8 BOM and CRLF line ends. */
export function toCsv(table: Table): Buffer {
  return Buffer.from(BOM + stringify([table.header, ...table.rows], { record_delimiter: 'windows' }), 'utf8');
}

/** One worksheet with a bold, frozen header row. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(
      ...[table.header[index] ?? '', ...table.rows.map((r) => String(r[index] ?? ''))].map((cell) => Math.min(60, [...cell].length * 2)),
    );
    column.width = Math.max(8, widest);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
