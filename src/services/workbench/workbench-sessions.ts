import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { Actor } from '../../core/roles.js';
import type { Logger } from '../../logger.js';
import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import {
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  TICKET_TTL_MS,
  type SessionStore,
  type SignInMethod,
  type WorkbenchSession,
} from './session-records.js';

/** The workbench's roles: chat's roles, with a sector's convenor told apart from other members. */
export type WorkbenchRole = 'member' | 'convenor' | 'staff' | 'admin';

export const workbenchRoleOf = (member: Pick<MemberRecord, 'role' | 'isConvenor'>): WorkbenchRole =>
  member.role === 'member' && member.isConvenor ? 'convenor' : member.role;

/** Why a sign-in or a session was refused; the HTTP side turns each into a sentence. */
export type Refusal =
  | 'ticket_invalid' // unknown, forged or expired
  | 'ticket_used'
  | 'member_unknown'
  | 'member_inactive'
  | 'session_missing'
  | 'session_invalid' // unknown, expired or signed out
  | 'cookie_foreign'; // not signed by this deployment

export class SignInRefused extends Error {
  constructor(
    readonly refusal: Refusal,
    detail?: string,
  ) {
    super(detail ?? refusal);
    this.name = 'SignInRefused';
  }
}

export interface SignedIn {
  /** What goes into the cookie: `<opaque id>.<signature>`. */
  cookie: string;
  session: WorkbenchSession;
  member: MemberRecord;
}

export interface WorkbenchSessionsDeps {
  store: SessionStore;
  members: MemberRepository;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  /** Signs cookies: a cookie signed by another deployment's key is refused before any lookup. */
  cookieKey: string;
  /** The address people open (PUBLIC_URL, or where this instance listens); read when a link is made. */
  publicUrl: () => string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const opaque = () => randomBytes(32).toString('base64url');
const ticketKey = (ticket: string) => `workbench-ticket:${sha256(ticket)}`;

/**
 * 工作台登录: one-time links from chat, platform sign-ins, and the sessions they open. Sessions last
 * 2 hours idle and 12 hours at most; a member deactivated or demoted loses them at once. Every
 * sign-in, sign-out and refusal is written to the log with `audit: 'workbench-session'`.
 */
export class WorkbenchSessions {
  private readonly audit: Logger;

  constructor(private readonly deps: WorkbenchSessionsDeps) {
    this.audit = deps.logger.child({ audit: 'workbench-session' });
  }

  /** A link that signs `member` in once, within 10 minutes. */
  async issueTicket(member: Pick<MemberRecord, 'id' | 'name'>): Promise<string> {
    const ticket = opaque();
    // Expiry is decided on the app's clock (the stored TTL only clears the key away).
    const expiresAt = new Date(this.deps.clock.now().getTime() + TICKET_TTL_MS).toISOString();
    await this.deps.coordination.setState(ticketKey(ticket), { memberId: member.id, expiresAt }, TICKET_TTL_MS);
    this.audit.info({ event: 'ticket-issued', memberId: member.id }, 'workbench sign-in link issued');
    return `${this.deps.publicUrl().replace(/\/+$/, '')}/workbench/sign-in?ticket=${encodeURIComponent(ticket)}`;
  }

  /** Consumes a chat link's ticket (once) and opens a session. */
  async signInWithTicket(ticket: string, from: RequestFacts): Promise<SignedIn> {
    const key = ticketKey(ticket);
    // The first to present a ticket claims it; whoever comes after is told it was used.
    if (!(await this.deps.coordination.claimOnce(`${key}:used`, TICKET_TTL_MS))) return this.refuse('ticket_used', from);
    const held = await this.deps.coordination.getState<{ memberId: string; expiresAt?: string }>(key);
    if (!held) return this.refuse('ticket_invalid', from);
    await this.deps.coordination.deleteState(key);
    if (held.expiresAt && Date.parse(held.expiresAt) <= this.deps.clock.now().getTime()) return this.refuse('ticket_invalid', from);
    return this.open(await this.activeMember(held.memberId, from), 'chat-link', from);
  }

  /** Opens a session for the member a platform vouched for (WeCom or DingTalk user id). */
  async signInWithPlatform(platform: 'wecom' | 'dingtalk', userId: string, via: SignInMethod, from: RequestFacts): Promise<SignedIn> {
    const member = await this.deps.members.findByPlatformId(platform, userId);
    if (!member) {
      // findByPlatformId finds active members only: a deactivated member is told so, not "unknown".
      const field = platform === 'wecom' ? 'wecomUserId' : 'dingtalkStaffId';
      const inactive = (await this.deps.members.list({ activeOnly: false })).find((m) => !m.active && m[field] === userId);
      if (inactive) return this.refuse('member_inactive', from, inactive.id, { platform });
      return this.refuse('member_unknown', from, undefined, { platform, userId });
    }
    if (!member.active) return this.refuse('member_inactive', from, member.id);
    return this.open(member, via, from);
  }

  /** The session a cookie names and its member, pushing the idle expiry forward; refused otherwise. */
  async authenticate(cookie: string | undefined, from: RequestFacts): Promise<SignedIn> {
    if (!cookie) throw new SignInRefused('session_missing');
    const id = this.verify(cookie);
    if (!id) return this.refuse('cookie_foreign', from);
    const now = this.deps.clock.now();
    const session = await this.deps.store.find(sha256(id), now);
    if (!session) return this.refuse('session_invalid', from);
    const member = await this.deps.members.findById(session.memberId);
    if (!member?.active) {
      await this.deps.store.remove(session.idHash);
      return this.refuse('member_inactive', from, session.memberId);
    }
    const idleUntil = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteUntil.getTime()));
    if (idleUntil.getTime() - session.idleUntil.getTime() > 60_000) await this.deps.store.touch(session.idHash, idleUntil, now);
    return { cookie, session: { ...session, idleUntil }, member };
  }

  /** Ends the session the cookie names (a foreign or unknown cookie ends nothing). */
  async signOut(cookie: string, from: RequestFacts): Promise<void> {
    const id = this.verify(cookie);
    if (!id) return;
    const session = await this.deps.store.find(sha256(id), this.deps.clock.now());
    await this.deps.store.remove(sha256(id));
    this.audit.info({ event: 'sign-out', memberId: session?.memberId, ...from }, 'workbench sign-out');
  }

  /** Ends every session of a member (deactivated, or given a lower role). */
  async revokeMember(memberId: string, reason: 'deactivated' | 'demoted'): Promise<void> {
    const count = await this.deps.store.removeForMember(memberId);
    this.audit.info({ event: 'revoked', memberId, reason, sessions: count }, 'workbench sessions revoked');
  }

  /** Writes a refusal the HTTP side found itself (missing CSRF token, a role too low, a platform code refused). */
  logRefusal(reason: string, from: RequestFacts, memberId?: string, extra: Record<string, unknown> = {}): void {
    this.audit.warn({ event: 'refused', reason, memberId, ...from, ...extra }, 'workbench request refused');
  }

  private async activeMember(memberId: string, from: RequestFacts): Promise<MemberRecord> {
    const member = await this.deps.members.findById(memberId);
    if (!member) return this.refuse('member_unknown', from, memberId);
    if (!member.active) return this.refuse('member_inactive', from, memberId);
    return member;
  }

  private async open(member: MemberRecord, via: SignInMethod, from: RequestFacts): Promise<SignedIn> {
    const id = opaque();
    const now = this.deps.clock.now();
    const session: WorkbenchSession = {
      idHash: sha256(id),
      memberId: member.id,
      csrfToken: opaque(),
      via,
      createdAt: now,
      idleUntil: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteUntil: new Date(now.getTime() + SESSION_MAX_MS),
    };
    await this.deps.store.save(session);
    this.audit.info({ event: 'sign-in', memberId: member.id, role: member.role, via, ...from }, 'workbench sign-in');
    return { cookie: `${id}.${this.sign(id)}`, session, member };
  }

  private refuse(refusal: Refusal, from: RequestFacts, memberId?: string, extra: Record<string, unknown> = {}): never {
    this.logRefusal(refusal, from, memberId, extra);
    throw new SignInRefused(refusal);
  }

  private sign(id: string): string {
    return createHmac('sha256', this.deps.cookieKey).update(id).digest('base64url');
  }

  /** The opaque id of a cookie this deployment signed; null for anything else. */
  private verify(cookie: string): string | null {
    const [id, signature, ...rest] = cookie.split('.');
    if (!id || !signature || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(id));
    const presented = Buffer.from(signature);
    return presented.length === expected.length && timingSafeEqual(presented, expected) ? id : null;
  }
}

/** What the log keeps about the request behind a sign-in (no secrets). */
export interface RequestFacts {
  ip?: string;
  userAgent?: string;
  path?: string;
}

/** The person behind a session as services see a chat actor (the workbench is a private, signed-in place). */
export function workbenchActor(member: MemberRecord): Actor {
  return {
    role: member.role,
    memberId: member.id,
    name: member.name,
    sector: member.sector,
    isConvenor: member.isConvenor,
    platform: 'workbench',
    platformUserId: member.id,
  };
}
