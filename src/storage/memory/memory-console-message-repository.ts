import type { ConsoleMessageRecord, ConsoleMessageRepository } from '../../services/console-message-records.js';
import { copyOf } from './memory-records.js';
import { orderedRecordId } from './ordered-ids.js';

/** The console's mailbox held in this process; same contract as the Mongo one. Ids sort as they were stored. */
export class MemoryConsoleMessageRepository implements ConsoleMessageRepository {
  private readonly messages: ConsoleMessageRecord[] = [];
  private readonly keys = new Set<string>();

  async append(message: Omit<ConsoleMessageRecord, 'id' | 'createdAt'> & { idempotencyKey?: string }, now: Date): Promise<void> {
    if (message.idempotencyKey) {
      if (this.keys.has(message.idempotencyKey)) return;
      this.keys.add(message.idempotencyKey);
    }
    const { kind, to, text, format } = message;
    this.messages.push({ id: orderedRecordId(), kind, to, text, format, createdAt: new Date(now) });
  }

  async listFor(
    to: string,
    after: string | undefined,
    limit: number,
  ): Promise<{ messages: ConsoleMessageRecord[]; cursor: string | undefined }> {
    const from = after && /^[0-9a-f]{24}$/i.test(after) ? after.toLowerCase() : undefined;
    const messages = this.messages
      .filter((m) => m.to === to && (from === undefined || m.id > from))
      .slice(0, limit)
      .map(copyOf);
    return { messages, cursor: messages.at(-1)?.id ?? after };
  }
}
