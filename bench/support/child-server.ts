import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD_DIR = join(projectRoot, '.data', 'bench-build');

/**
 * Compiles the benchmark's server entry (tsconfig.bench.json: the entry and the src it imports)
 * and returns the JavaScript file to run. The servers under test run as plain `node`, as
 * `npm start` runs Yishi in production, so neither their RSS nor their CPU includes tsx.
 */
export function compileServerEntry(tsEntry: string): string {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(projectRoot, 'tsconfig.bench.json')],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`compiling the benchmark servers failed:\n${result.stdout}${result.stderr}`);
  const jsEntry = join(BUILD_DIR, relative(projectRoot, tsEntry)).replace(/\.ts$/, '.js');
  if (!existsSync(jsEntry))
    throw new Error(`${jsEntry} was not built; is ${relative(projectRoot, tsEntry)} listed in tsconfig.bench.json?`);
  return jsEntry;
}

/**
 * A server under test in its own process, so its peak RSS is its own. The child entry announces
 * `{ ready: port }` over IPC and answers `'usage'` with `{ maxRssKb }` (process.resourceUsage).
 */
export interface ChildServer {
  url: string;
  pid: number;
  /** Peak resident set size of the child so far, in MB. */
  peakRssMb(): Promise<number>;
  /** CPU time (user + system) the child has used so far, in ms: comparable on a busy machine, where rates are not. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export async function startChildServer(entry: string, args: string[], env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcess = fork(entry, args, {
    execArgv: [
      ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=.data/cpu-prof'] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} ${args.join(' ')} exited with ${code} before it was ready`)));
    child.on('message', (message: { ready?: number }) => {
      if (typeof message.ready === 'number') resolve(message.ready);
    });
  });
  const usage = () =>
    new Promise<{ maxRssKb: number; cpuUs: number }>((resolve) => {
      const onMessage = (message: { maxRssKb?: number; cpuUs?: number }) => {
        if (typeof message.maxRssKb !== 'number') return;
        child.off('message', onMessage);
        resolve({ maxRssKb: message.maxRssKb, cpuUs: message.cpuUs ?? 0 });
      };
      child.on('message', onMessage);
      child.send('usage');
    });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    peakRssMb: async () => Math.round((await usage()).maxRssKb / 1024),
    cpuMs: async () => (await usage()).cpuUs / 1000,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The child side: announce the port, answer usage questions, stop on SIGTERM. */
export function serveAsChild(port: number, stop: () => Promise<void>): void {
  process.on('message', (message) => {
    if (message !== 'usage') return;
    const used = process.resourceUsage();
    process.send?.({ maxRssKb: used.maxRSS, cpuUs: used.userCPUTime + used.systemCPUTime });
  });
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.send?.({ ready: port });
}
