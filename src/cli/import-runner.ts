import type { Messages } from '../i18n/messages.js';
import { CliError } from './operator-context.js';
import { Progress } from './progress.js';

const BATCH = 50;

/**
 * Writes rows that were all checked beforehand, in batches, with a progress line on stderr.
 * MongoDB-compatible stores here have no transactions (FerretDB), so "nothing from that file"
 * on a failure midway means undoing what this run wrote, then saying so.
 */
export async function writeAll<T>(
  rows: readonly T[],
  t: Messages,
  write: (batch: readonly T[]) => Promise<string[]>,
  undo: (ids: readonly string[]) => Promise<void>,
): Promise<number> {
  const m = t.operations.cli;
  const progress = new Progress(process.stderr, (done, total) => m.progress(m.import.verb, done, total), rows.length);
  const written: string[] = [];
  try {
    for (let start = 0; start < rows.length; start += BATCH) {
      written.push(...(await write(rows.slice(start, start + BATCH))));
      progress.update(written.length);
    }
  } catch (error) {
    progress.abort();
    await undo(written);
    throw new CliError(m.import.rolledBack((error as Error).message));
  }
  return written.length;
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
