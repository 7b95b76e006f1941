import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/**
 * Builds web/ into dist/web unless the build there is newer than its sources (the server serves
 * dist/web). CI builds before `npm test`, so there this costs one walk of web/src.
 */
export function ensureWebBuilt(): void {
  if (
    isFresh(
      web.output,
      web.sources.map((path) => join(root, path)),
    )
  )
    return;
  run(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

/**
 * What `npm start` runs, dist/src/main.js and dist/web, built by `npm run build` unless both are
 * newer than their sources already (CI's build step, or a build a moment ago).
 */
export function ensureBuilt(): void {
  if (
    isFresh(
      server.output,
      server.sources.map((path) => join(root, path)),
    ) &&
    isFresh(
      web.output,
      web.sources.map((path) => join(root, path)),
    )
  ) {
    return;
  }
  run('npm', ['run', '--silent', 'build']);
}
