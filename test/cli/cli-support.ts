import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator CLI's program (src/cli/yishi.ts through tsx) in its own process, from `cwd`
 * (default: the checkout). `viaNpm` runs it exactly as documented, `npm run yishi -- <args>`.
 */
export function runCli(args: string[], options: { env: Record<string, string>; cwd?: string; viaNpm?: boolean }): Promise<CliRun> {
  const [command, commandArgs] = options.viaNpm
    ? ['npm', ['run', '--silent', 'yishi', '--', ...args]]
    : [`${ROOT}node_modules/.bin/tsx`, [`${ROOT}src/cli/yishi.ts`, ...args]];
  const env: NodeJS.ProcessEnv = { ...process.env, LOCALE: 'zh-CN', ...options.env };
  delete env.REDIS_URL;
  const child = spawn(command, commandArgs, { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
