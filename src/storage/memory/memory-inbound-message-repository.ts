import type { OutgoingMessage } from '../../platforms/types.js';
import type { InboundMessageRepository, InboxClaim } from '../../core/inbox.js';

interface InboxEntry {
  state: 'processing' | 'done';
  replies: OutgoingMessage[];
  startedAt: Date;
  finishedAt?: Date;
}

/** Only what the Mongo document keeps of a reply, so both stores answer a retry alike. */
function storedReply(reply: OutgoingMessage, keepEmptyMentions: boolean): OutgoingMessage {
  const mentions = reply.mentionUserIds;
  const keep = mentions !== undefined && (keepEmptyMentions || mentions.length > 0);
  return { text: reply.text, format: reply.format, ...(keep ? { mentionUserIds: [...mentions] } : {}) };
}

/** The message inbox (dedup's second line) held in this process; same contract as the Mongo one. */
export class MemoryInboundMessageRepository implements InboundMessageRepository {
  private readonly entries = new Map<string, InboxEntry>();

  async claim(key: string, now: Date, staleAfterMs: number): Promise<InboxClaim> {
    const existing = this.entries.get(key);
    if (!existing) {
      this.entries.set(key, { state: 'processing', replies: [], startedAt: now });
      return { status: 'new' };
    }
    if (existing.state === 'done') return { status: 'done', replies: existing.replies.map((r) => storedReply(r, false)) };
    // A claim left behind by a crashed handler is taken over once it is stale.
    if (now.getTime() - existing.startedAt.getTime() > staleAfterMs) {
      existing.startedAt = now;
      return { status: 'new' };
    }
    return { status: 'processing' };
  }

  async finish(key: string, replies: OutgoingMessage[], now: Date): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    Object.assign(entry, { state: 'done', replies: replies.map((r) => storedReply(r, true)), finishedAt: now });
  }

  async release(key: string): Promise<void> {
    if (this.entries.get(key)?.state === 'processing') this.entries.delete(key);
  }

  async pruneBefore(before: Date): Promise<number> {
    let pruned = 0;
    for (const [key, entry] of this.entries) {
      if (entry.startedAt < before) pruned += Number(this.entries.delete(key));
    }
    return pruned;
  }
}
