import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import { YishiError } from '../core/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Guards the admin API: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time.
 * `currentToken` is read on every request so a rotated token takes effect at once.
 *
 * @example
 * const router = new Router({ prefix: '/api/members' });
 * router.use(requireAdminToken(() => config.adminToken));
 */
export function requireAdminToken(currentToken: () => string) {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    if (!presented || !timingSafeEqual(digest(presented), digest(currentToken()))) {
      throw new YishiError('unauthorized', { status: 401, userMessage: 'A valid admin token is required: Authorization: Bearer <ADMIN_TOKEN>.' });
    }
    await next();
  };
}
