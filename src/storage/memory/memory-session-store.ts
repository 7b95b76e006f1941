import { sessionEnd, type SessionStore, type WorkbenchSession } from '../../services/workbench/session-records.js';
import { copyOf } from './memory-records.js';

/** Workbench sessions held in this process (tests and demos on in-memory stores); same contract as the Mongo and Redis stores. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, WorkbenchSession>();

  async save(session: WorkbenchSession): Promise<void> {
    this.sessions.set(session.idHash, copyOf(session));
  }

  async find(idHash: string, now: Date): Promise<WorkbenchSession | null> {
    const session = this.sessions.get(idHash);
    if (!session) return null;
    if (sessionEnd(session) <= now) {
      this.sessions.delete(idHash);
      return null;
    }
    return copyOf(session);
  }

  async touch(idHash: string, idleUntil: Date): Promise<void> {
    const session = this.sessions.get(idHash);
    if (session) session.idleUntil = idleUntil;
  }

  async remove(idHash: string): Promise<void> {
    this.sessions.delete(idHash);
  }

  async removeForMember(memberId: string): Promise<number> {
    let removed = 0;
    for (const [idHash, session] of this.sessions) {
      if (session.memberId !== memberId) continue;
      this.sessions.delete(idHash);
      removed += 1;
    }
    return removed;
  }
}
