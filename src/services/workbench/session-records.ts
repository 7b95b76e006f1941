/** How a person signed in to the workbench. */
export type SignInMethod = 'chat-link' | 'wecom-oauth' | 'wecom-qr' | 'dingtalk-auth-code' | 'dingtalk-web';

/**
 * One workbench session (工作台登录). The store keeps only the SHA-256 of the opaque id the
 * browser holds, so a leaked store gives no one a cookie.
 */
export interface WorkbenchSession {
  /** SHA-256 (hex) of the opaque id in the cookie. */
  idHash: string;
  memberId: string;
  /** Sent back in `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
  via: SignInMethod;
  createdAt: Date;
  /** Pushed forward by each request (2 hours idle). */
  idleUntil: Date;
  /** Never moves (12 hours after sign-in). */
  absoluteUntil: Date;
}

/**
 * Where sessions are kept: Redis with several instances (src/storage/redis/redis-session-store.ts),
 * MongoDB in single-instance mode (src/storage/mongo/session-repository.ts). Both forget a session
 * once `min(idleUntil, absoluteUntil)` has passed.
 *
 * @example
 * await store.save(session);
 * const found = await store.find(idHash, now); // null once expired or removed
 */
export interface SessionStore {
  save(session: WorkbenchSession): Promise<void>;
  /** The session, or null when unknown, removed or expired at `now`. */
  find(idHash: string, now: Date): Promise<WorkbenchSession | null>;
  /** Moves the idle expiry (never past the absolute one); `now` is the clock's time, for stores that expire keys by duration. */
  touch(idHash: string, idleUntil: Date, now: Date): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Removes every session of a member; returns how many there were. */
  removeForMember(memberId: string): Promise<number>;
}

export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
export const TICKET_TTL_MS = 10 * 60_000;

/** When a session ends if nothing else happens: the earlier of its two expiries. */
export const sessionEnd = (session: Pick<WorkbenchSession, 'idleUntil' | 'absoluteUntil'>): Date =>
  session.idleUntil < session.absoluteUntil ? session.idleUntil : session.absoluteUntil;
