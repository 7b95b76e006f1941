import type { Messages } from '../i18n/messages.js';
import { writeAllOrNothing } from '../services/spreadsheet-table.js';
import { CliError } from './operator-context.js';
import { Progress } from './progress.js';

export { FirstSeen } from '../services/spreadsheet-table.js';

/**
 * Writes rows that were all checked beforehand, in batches, with a progress line on stderr; a
 * failure midway undoes what this run wrote (writeAllOrNothing), then says so.
 */
export async function writeAll<T>(
  rows: readonly T[],
  t: Messages,
  write: (batch: readonly T[]) => Promise<string[]>,
  undo: (ids: readonly string[]) => Promise<void>,
): Promise<number> {
  const m = t.operations.cli;
  const progress = new Progress(process.stderr, (done, total) => m.progress(m.import.verb, done, total), rows.length);
  try {
    return (await writeAllOrNothing(rows, write, undo, (done) => progress.update(done))).length;
  } catch (error) {
    progress.abort();
    throw new CliError(m.import.rolledBack((error as Error).message));
  }
}
