import type { Context } from 'koa';
import type { MemberRecord } from '../services/members/member-records.js';
import type { WorkbenchSession } from '../services/workbench/session-records.js';

/** Who is calling an admin-area route: a machine with the admin token, or a person signed in to the workbench. */
export type Requester = { kind: 'token' } | { kind: 'session'; member: MemberRecord; session: WorkbenchSession };

/** Set by the admin gate's check (workbench-auth.ts) before any route runs. */
export const requesterOf = (ctx: Context): Requester => (ctx.state.requester as Requester | undefined) ?? { kind: 'token' };

/** The name of the session cookie. */
export const SESSION_COOKIE = 'yishi_session';
