import { readFile } from 'node:fs/promises';
import type { Messages } from '../i18n/messages.js';
import { readTableBytes, TableFileError, tableKindOf, type Table } from '../services/spreadsheet-table.js';
import { CliError } from './operator-context.js';

export { mapHeader, type Table } from '../services/spreadsheet-table.js';

/** Reads a .csv or the first sheet of an .xlsx file. Any problem is a CliError naming the line. */
export async function readTable(path: string, t: Messages): Promise<Table> {
  const m = t.operations.cli.import;
  const kind = tableKindOf(path);
  if (!kind) throw new CliError(m.unsupported(path));
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(m.unreadable(path, (error as Error).message));
  }
  try {
    return await readTableBytes(bytes, kind, t);
  } catch (error) {
    if (error instanceof TableFileError) throw new CliError(error.message);
    throw error;
  }
}
