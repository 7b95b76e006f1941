// The console platform's mailbox: its record and the repository its sender and inbox route need
// (implemented in src/storage/mongo/console-message-repository.ts and src/storage/memory/).

/** A notice delivered to someone on the console platform (the local chat simulator). */
export interface ConsoleMessageRecord {
  /** Also the inbox cursor: later messages have larger ids. */
  id: string;
  /** Console address kind and id: a member id, `resident:<name>`, `guest:<name>`, or a group id. */
  kind: 'user' | 'group';
  to: string;
  text: string;
  format: 'text' | 'markdown';
  createdAt: Date;
}

/**
 * The console's mailbox: what the outbox sent to console addresses, read back by `npm run chat`.
 *
 * @example
 * await consoleMessages.append({ kind: 'user', to: memberId, text: '您有新的待办', format: 'text' }, now);
 * const { messages, cursor } = await consoleMessages.listFor(memberId, undefined, 50);
 */
export interface ConsoleMessageRepository {
  /** Stores one notice; the same `idempotencyKey` twice stores it once. */
  append(message: Omit<ConsoleMessageRecord, 'id' | 'createdAt'> & { idempotencyKey?: string }, now: Date): Promise<void>;
  /** Notices for `to` after the cursor (oldest first), and the cursor to pass next time. */
  listFor(to: string, after: string | undefined, limit: number): Promise<{ messages: ConsoleMessageRecord[]; cursor: string | undefined }>;
}
