import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoAdminClient } from './admin-client.js';

/**
 * `npm run dev`'s workbench: builds the Vue app once when dist/web has no build yet, and asks Yishi
 * for a sign-in link for the demo's first admin the way a person would — by sending 工作台 on the
 * console — so the link is a real one-time ticket.
 */
export function buildWorkbenchIfMissing(webDir: string, announce: () => void): boolean {
  if (existsSync(join(webDir, 'index.html'))) return true;
  announce();
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  return result.status === 0 && existsSync(join(webDir, 'index.html'));
}

const LINK = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/;

/** The first active admin's one-time sign-in link, or undefined (no admin, or Yishi did not answer with a link). */
export async function adminSignInLink(client: DemoAdminClient): Promise<string | undefined> {
  try {
    const { items } = await client.call<{ items: Array<{ id: string }> }>('/api/members?role=admin');
    const admin = items[0];
    if (!admin) return undefined;
    return LINK.exec(await client.say(admin.id, '工作台'))?.[0];
  } catch {
    return undefined;
  }
}
