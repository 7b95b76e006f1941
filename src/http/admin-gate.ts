import type { Context, Middleware, Next } from 'koa';

/** The areas that only an administrator may reach; everything under them needs the admin token. */
export const ADMIN_AREAS = ['/api', '/console'] as const;

/** Exact paths in an admin area that anyone may read (the API's own description). */
const PUBLIC_PATHS = new Set(['/api/openapi.json']);

const ASCII_ESCAPE = /%([0-7][0-9a-f])/gi;

/** Decodes `%XX` escapes of ASCII characters, again and again (`%2561` → `%61` → `a`), a bounded number of times. */
function decodeAsciiEscapes(path: string): string {
  let current = path;
  for (let round = 0; round < 4; round += 1) {
    const decoded = current.replace(ASCII_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (decoded === current) break;
    current = decoded;
  }
  return current;
}

/** Lower case, `\` read as `/`, empty and `.` segments dropped, `..` resolved, no trailing slash. */
function resolveSegments(path: string): string {
  const segments: string[] = [];
  for (const segment of path.toLowerCase().replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/**
 * The ways a request path may be read by some server, proxy or router between the client and
 * the route: as sent, with its escapes decoded, and with its dot segments resolved — each without
 * regard to letter case, repeated or trailing slashes.
 *
 * @example
 * pathReadings('/API//Groups/') // ['/api/groups']
 * pathReadings('/%61pi/x/../export') // ['/%61pi/x/../export', '/%61pi/export', '/api/export']
 */
export function pathReadings(rawPath: string): string[] {
  const collapsed = rawPath
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1');
  return [...new Set([collapsed, resolveSegments(rawPath), resolveSegments(decodeAsciiEscapes(rawPath))])];
}

/** Whether a normalised path is an admin area or lies under one. */
export const isInAdminArea = (path: string) => ADMIN_AREAS.some((area) => path === area || path.startsWith(`${area}/`));

/** Whether a raw request path needs the admin token: any reading of it falls in an admin area. */
export function needsAdminToken(rawPath: string): boolean {
  if (PUBLIC_PATHS.has(rawPath)) return false;
  return pathReadings(rawPath).some(isInAdminArea);
}

/**
 * The one guard in front of every admin route. It runs before any router and decides on every
 * reading of the path, so `/API/export`, `/api//groups/`, `/%61pi/…`, `/x/../api/…` all need the
 * token; the routers behind it match exactly (see exact-router.ts), so a spelling the gate lets
 * through without a token cannot reach an admin route either. Unknown admin paths answer 401
 * without the token and 404 with it.
 */
export function adminGate(requireToken: Middleware): Middleware {
  return async (ctx: Context, next: Next) => (needsAdminToken(ctx.path) ? requireToken(ctx, next) : next());
}
