import { isInAdminArea, pathReadings } from './admin-gate.js';

/**
 * Who may reach a route with a workbench session (the admin token reaches every route, as before):
 * - `member`: any active member signed in; the route scopes what it shows (own, or sector for a convenor);
 * - `staff`: staff and admins (the office pages);
 * - `admin`: admins only;
 * - `token`: the admin token only (machines, the CLI, the console chat).
 */
export type RouteAccess = 'member' | 'staff' | 'admin' | 'token';

const STRICTNESS: readonly RouteAccess[] = ['member', 'staff', 'admin', 'token'];

interface AccessRule {
  /** Methods it covers (HEAD counts as GET); every method when absent. */
  methods?: readonly string[];
  /** Matched against each lower-cased reading of the path (see pathReadings). */
  path: RegExp;
  access: RouteAccess;
}

/**
 * The one table of route → required role for sessions. First match wins; anything else under
 * /api needs staff (活动's programmes, events, sign-up list, check-in and outcomes among them). Keep new
 * workbench routes here, not as checks in their handlers.
 */
export const ROUTE_ACCESS: readonly AccessRule[] = [
  { path: /^\/console(\/|$)/, access: 'token' },
  { methods: ['GET'], path: /^\/api\/session$/, access: 'member' },
  { methods: ['POST'], path: /^\/api\/session\/sign-out$/, access: 'member' },
  { methods: ['GET'], path: /^\/api\/records\/me$/, access: 'member' },
  { methods: ['GET'], path: /^\/api\/roster\/me$/, access: 'member' },
  { methods: ['GET'], path: /^\/api\/points\/me$/, access: 'member' },
  // 社情民意: a member lists and reads their own reports (the routes scope them); figures, export, edits and steps are the office's.
  { methods: ['GET'], path: /^\/api\/social-reports\/(stats|export\.[^/]+)$/, access: 'staff' },
  { methods: ['GET'], path: /^\/api\/social-reports(\/[^/]+)?$/, access: 'member' },
  { path: /^\/api\/roster(\/|$)/, access: 'staff' },
  // 述职表: a member downloads their own (the route refuses anyone else's); staff anyone's.
  { methods: ['GET'], path: /^\/api\/records\/members\/[^/]+\/annual-report\.docx$/, access: 'member' },
  { methods: ['GET'], path: /^\/api\/records\/(rates(\/weekly)?|members\/[^/]+)$/, access: 'staff' },
  { methods: ['GET'], path: /^\/api\/opinions\/export\.csv$/, access: 'staff' },
  { methods: ['GET'], path: /^\/api\/opinions\/[^/]+\/photos(\/[^/]+)?$/, access: 'staff' },
  { methods: ['POST'], path: /^\/api\/opinions\/assign$/, access: 'staff' },
  { methods: ['GET'], path: /^\/api\/opinions(\/[^/]+)?$/, access: 'member' },
  { methods: ['POST'], path: /^\/api\/opinions\/[^/]+\/(contact|preview|actions)$/, access: 'member' },
  // 名录: the office checks a member file (writes nothing); importing and changing members stay with admins.
  { methods: ['POST'], path: /^\/api\/members\/import\/preview$/, access: 'staff' },
  { methods: ['POST', 'PUT', 'PATCH', 'DELETE'], path: /^\/api\/(members|settings)(\/|$)/, access: 'admin' },
  // 通知 (/api/outbox/failed, /api/outbox/retry), 二维码 (/api/qr-codes…, the printable sheet with the session
  // cookie) and the member export are office pages: the last rule gives them to staff.
  { path: /^\/api(\/|$)/, access: 'staff' },
];

function accessOfReading(method: string, reading: string): RouteAccess {
  const verb = method === 'HEAD' ? 'GET' : method;
  const rule = ROUTE_ACCESS.find((r) => (!r.methods || r.methods.includes(verb)) && r.path.test(reading));
  return rule?.access ?? 'token';
}

/**
 * The access a request needs with a session: the strictest over every reading of its path that
 * lies in an admin area, so no spelling (`/API/members`, `/api/opinions/../members`) gets more than
 * the route it reaches.
 */
export function accessFor(method: string, rawPath: string): RouteAccess {
  const levels = pathReadings(rawPath)
    .filter(isInAdminArea)
    .map((reading) => STRICTNESS.indexOf(accessOfReading(method.toUpperCase(), reading)));
  return STRICTNESS[Math.max(0, ...levels)]!;
}

/** Whether a member of `role` (convenors are members) may use a route of `access`. */
export function roleAllows(role: 'member' | 'staff' | 'admin', access: RouteAccess): boolean {
  if (access === 'token') return false;
  return STRICTNESS.indexOf(role) >= STRICTNESS.indexOf(access);
}
