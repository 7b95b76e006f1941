import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetAdminToken, rotateAdminToken } from '../http/admin-token-rotation.js';
import { CliError, type OperatorContext } from './operator-context.js';

/**
 * `yishi token rotate | reset`. Rotate prints the new token on stdout (alone on its line, so it
 * can be piped into a secret store) and, in a development folder, rewrites .data/admin-token so
 * `npm run chat` keeps working. Messages go to stderr.
 */
export async function tokenCommand(ctx: OperatorContext, action: string | undefined): Promise<{ stdout?: string; notes: string[] }> {
  const m = ctx.t.operations.cli.token;
  if (action === 'rotate') {
    const token = await rotateAdminToken(ctx.settings, ctx.clock.now());
    const notes = [m.rotated];
    const devFile = join(ctx.cwd, '.data', 'admin-token');
    if (existsSync(devFile)) {
      writeFileSync(devFile, token, { mode: 0o600 });
      notes.push(m.devFile(devFile));
    }
    return { stdout: token, notes };
  }
  if (action === 'reset') return { notes: [(await resetAdminToken(ctx.settings, ctx.clock.now())) ? m.reset : m.resetNothing] };
  throw new CliError(m.unknownAction(action ?? ''), 2);
}
