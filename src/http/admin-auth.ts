import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import { YishiError } from '../core/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The digest to compare with: a plain token's, or a stored one given as `sha256:<hex>` (a rotated token). */
function expectedDigest(current: string): Buffer {
  const stored = /^sha256:([0-9a-f]{64})$/.exec(current)?.[1];
  return stored ? Buffer.from(stored, 'hex') : digest(current);
}

/**
 * Whether the request carries `Authorization: Bearer <token>` for `current` (a plain token or
 * `sha256:<hex>`). Both sides are hashed first, so the comparison takes the same time whatever
 * the length or content of what was presented.
 */
export function hasBearerToken(ctx: Context, current: string): boolean {
  const presented = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'))?.[1]?.trim() ?? '';
  return presented !== '' && timingSafeEqual(digest(presented), expectedDigest(current));
}

/**
 * Requires the admin token: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time.
 * `currentToken` is read on every request so a rotated token takes effect at once; it may be
 * `sha256:<hex>` when only the digest of the token is known (see admin-token-rotation.ts).
 * Applied once, by the admin gate (admin-gate.ts), to every path under /api and /console.
 *
 * @example
 * app.use(adminGate(requireAdminToken(() => keeper.current())));
 */
export function requireAdminToken(currentToken: () => string) {
  return async (ctx: Context, next: Next) => {
    if (!hasBearerToken(ctx, currentToken())) {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new YishiError('unauthorized', { status: 401, detail: 'no valid admin token' });
    }
    await next();
  };
}
