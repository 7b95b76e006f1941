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
 * Guards the admin API: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time.
 * `currentToken` is read on every request so a rotated token takes effect at once; it may be
 * `sha256:<hex>` when only the digest of the token is known (see admin-token-rotation.ts).
 *
 * @example
 * const router = new Router({ prefix: '/api/members' });
 * router.use(requireAdminToken(() => config.adminToken));
 */
export function requireAdminToken(currentToken: () => string) {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    if (!presented || !timingSafeEqual(digest(presented), expectedDigest(currentToken()))) {
      throw new YishiError('unauthorized', {
        status: 401,
        userMessage: 'A valid admin token is required: Authorization: Bearer <ADMIN_TOKEN>.',
      });
    }
    await next();
  };
}
