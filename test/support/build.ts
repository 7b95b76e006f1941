import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Test files beside the sources (web/src/**\/*.test.ts) and their snapshots are not part of any build. */
const NOT_BUILT = /\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)__snapshots__$/;

/** The newest modification time of the files under `path` (a file or a folder), test files left out. */
export function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (NOT_BUILT.test(entry.name)) continue;
    newest = Math.max(newest, newestSource(join(path, entry.name)));
  }
  return newest;
}

/** Whether `output` exists and is at least as new as every source it is built from. */
export function isFresh(output: string, sources: string[]): boolean {
  return existsSync(output) && statSync(output).mtimeMs >= Math.max(...sources.map(newestSource));
}

const root = process.cwd();
const web = {
  output: join(root, 'dist', 'web', 'index.html'),
  sources: ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'],
};
const server = {
  output: join(root, 'dist', 'src', 'main.js'),
  sources: ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
};

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/** Blocks this thread for `ms` (the builds here are synchronous already). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `build` unless `fresh()` holds, one test file at a time: several files of a run ask for the
 * same build, and two builds writing dist/ at once (vite empties dist/web first) break each other.
 * A lock left by a killed run is taken over after 10 minutes.
 */
function buildOnce(fresh: () => boolean, build: () => void): void {
  const lock = join(root, 'dist', '.test-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    if (fresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      pause(250);
      continue;
    }
    try {
      if (!fresh()) build();
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const fresh = (target: { output: string; sources: string[] }) => () =>
  isFresh(
    target.output,
    target.sources.map((path) => join(root, path)),
  );

/**
 * Builds web/ into dist/web unless the build there is newer than its sources (the server serves
 * dist/web). CI builds before `npm test`, so there this costs one walk of web/src.
 */
export function ensureWebBuilt(): void {
  buildOnce(fresh(web), () =>
    run(process.execPath, [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ]),
  );
}

/**
 * dist/src (what `node dist/src/main.js` runs), compiled by `tsc -p tsconfig.build.json` unless it is
 * newer than its sources: for tests that start Yishi processes and need no workbench.
 */
export function ensureServerBuilt(): void {
  buildOnce(fresh(server), () =>
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']),
  );
}

/**
 * What `npm start` runs, dist/src/main.js and dist/web, built by `npm run build` unless both are
 * newer than their sources already (CI's build step, or a build a moment ago).
 */
export function ensureBuilt(): void {
  buildOnce(
    () => fresh(server)() && fresh(web)(),
    () => run('npm', ['run', '--silent', 'build']),
  );
}
