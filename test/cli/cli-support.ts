import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt } from '../support/build.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// While the test file loads (no test's timeout runs yet): a build on a loaded box can take minutes.
ensureServerBuilt();

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator CLI's program in its own process, from `cwd` (default: the checkout): the
 * package's `yishi` bin, dist/src/cli/yishi.js (built unless newer than src/; CI builds before the
 * tests; under tsx each of the ~40 runs first loaded src/ through the transpiler). `viaNpm` runs it
 * exactly as documented, `npm run yishi -- <args>` (tsx src/cli/yishi.ts).
 */
export function runCli(args: string[], options: { env: Record<string, string>; cwd?: string; viaNpm?: boolean }): Promise<CliRun> {
  const [command, commandArgs] = options.viaNpm
    ? ['npm', ['run', '--silent', 'yishi', '--', ...args]]
    : [process.execPath, [`${ROOT}dist/src/cli/yishi.js`, ...args]];
  const env: NodeJS.ProcessEnv = { ...process.env, LOCALE: 'zh-CN', ...options.env };
  delete env.REDIS_URL;
  const child = spawn(command, commandArgs, { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
