import ExcelJS from 'exceljs';
import { writeCsv } from '../../services/csv-file.js';
import type { Table } from '../../services/records/exports.js';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** CSV with a UTF-8 BOM, CRLF line ends and formula-like cells neutralised (see writeCsv). */
export function toCsv(table: Table): Buffer {
  return Buffer.from(writeCsv([table.header, ...table.rows], { lineEnds: 'windows' }), 'utf8');
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
