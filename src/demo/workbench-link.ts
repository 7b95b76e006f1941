import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run dev`'s workbench: builds the Vue app once when dist/web has no build yet (about a minute),
 * in a child process so Yishi keeps answering meanwhile. Resolves whether a build is there.
 */
export async function buildWorkbenchIfMissing(webDir: string, announce: () => void): Promise<boolean> {
  if (existsSync(join(webDir, 'index.html'))) return true;
  announce();
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const status = await new Promise<number | null>((resolve) => {
    const build = spawn(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
    build.once('error', () => resolve(null));
    build.once('exit', (code) => resolve(code));
  });
  return status === 0 && existsSync(join(webDir, 'index.html'));
}
