import type { Redis } from 'ioredis';
import { sessionEnd, type SessionStore, type WorkbenchSession } from '../../services/workbench/session-records.js';
import { redisKeys } from './keys.js';

type Stored = Omit<WorkbenchSession, 'createdAt' | 'idleUntil' | 'absoluteUntil'> & {
  createdAt: number;
  idleUntil: number;
  absoluteUntil: number;
};

const toStored = (s: WorkbenchSession): Stored => ({
  ...s,
  createdAt: s.createdAt.getTime(),
  idleUntil: s.idleUntil.getTime(),
  absoluteUntil: s.absoluteUntil.getTime(),
});
const fromStored = (s: Stored): WorkbenchSession => ({
  ...s,
  createdAt: new Date(s.createdAt),
  idleUntil: new Date(s.idleUntil),
  absoluteUntil: new Date(s.absoluteUntil),
});

/** Milliseconds from `now` to `until`, at least 1 (Redis expires keys by its own clock, so by duration). */
const ttlMs = (until: Date, now: Date) => Math.max(1, until.getTime() - now.getTime());

/**
 * Workbench sessions in Redis (several instances): one key per session that expires with it
 * (PX until the earlier of its two expiries), and a set per member to end them all at once.
 */
export class RedisSessionStore implements SessionStore {
  private readonly keys: ReturnType<typeof redisKeys>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async save(session: WorkbenchSession): Promise<void> {
    const key = this.keys.session(session.idHash);
    const members = this.keys.memberSessions(session.memberId);
    await this.redis
      .multi()
      .set(key, JSON.stringify(toStored(session)), 'PX', ttlMs(sessionEnd(session), session.createdAt))
      .sadd(members, session.idHash)
      .pexpire(members, ttlMs(session.absoluteUntil, session.createdAt))
      .exec();
  }

  async find(idHash: string, now: Date): Promise<WorkbenchSession | null> {
    const raw = await this.redis.get(this.keys.session(idHash));
    if (!raw) return null;
    const session = fromStored(JSON.parse(raw) as Stored);
    return sessionEnd(session) > now ? session : null;
  }

  async touch(idHash: string, idleUntil: Date, now: Date): Promise<void> {
    const key = this.keys.session(idHash);
    const raw = await this.redis.get(key);
    if (!raw) return;
    const session = fromStored(JSON.parse(raw) as Stored);
    const touched = { ...session, idleUntil };
    // XX: a session removed meanwhile (signed out, revoked) stays removed.
    await this.redis.set(key, JSON.stringify(toStored(touched)), 'PX', ttlMs(sessionEnd(touched), now), 'XX');
  }

  async remove(idHash: string): Promise<void> {
    await this.redis.del(this.keys.session(idHash));
  }

  async removeForMember(memberId: string): Promise<number> {
    const members = this.keys.memberSessions(memberId);
    const hashes = await this.redis.smembers(members);
    if (hashes.length === 0) return 0;
    const removed = await this.redis.del(...hashes.map((h) => this.keys.session(h)));
    await this.redis.del(members);
    return removed;
  }
}
