import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a data folder readable by its owner only: the folder and every folder in it 0700, every
 * file 0600. The dev folder holds the admin token and FerretDB's SQLite files, which carry
 * residents' names and phones; other accounts on the machine must not read them.
 */
export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir);
}

function restrict(path: string): void {
  const stats = lstatSync(path);
  // A link's own mode means nothing on Linux, and following it could change a file outside the folder.
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) restrict(join(path, entry));
  } else if (stats.isFile()) {
    chmodSync(path, 0o600);
  }
}
