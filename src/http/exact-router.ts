import Router from '@koa/router';
import { isInAdminArea, pathReadings } from './admin-gate.js';

/**
 * A router that matches paths exactly: letter case counts and a trailing slash is another path.
 * Admin routes must use it, so the router never accepts a spelling the admin gate reads differently
 * (@koa/router otherwise matches case-insensitively). Routes are written in full, without `prefix`.
 */
export function exactRouter(): Router {
  return new Router({ sensitive: true, strict: true });
}

/** Whether every route of `router` under an admin area is matched exactly; createApp refuses others. */
export function isExactWhereItMatters(router: Router): boolean {
  if (router.opts.sensitive === true && router.opts.strict === true) return true;
  return !router.stack.some((layer) => typeof layer.path === 'string' && pathReadings(layer.path).some(isInAdminArea));
}
