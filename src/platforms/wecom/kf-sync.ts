import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import type { KfClient, KfMessage } from './kf-api.js';
import type { KfCursorStore } from '../../services/residents/kf-channel-stores.js';

export interface KfSyncDeps {
  client: KfClient;
  cursors: KfCursorStore;
  coordination: Coordination;
  logger: Logger;
  now: () => Date;
  /** Handles one page; the cursor moves past it only when this resolves. */
  handle: (messages: KfMessage[]) => Promise<void>;
}

/** A sync may take a while (a page is up to 1000 messages); the lock is renewed between pages. */
const LOCK_MS = 5 * 60_000;
/** The event's token is valid for 10 minutes. */
const PENDING_MS = 10 * 60_000;

/**
 * Pulls 微信客服 messages when a `kf_msg_or_event` arrives. One sync per open_kfid runs at a time
 * across instances (a coordination lock); an event arriving meanwhile leaves its token as
 * "pending" and the running sync goes round again, so no event is lost. The cursor is stored
 * after each page is handled: a restart neither re-reads a handled page nor skips one (a page cut
 * short by a crash is read again, and the bot's dedup by msgid skips what it already did).
 */
export class KfSync {
  constructor(private readonly deps: KfSyncDeps) {}

  async onEvent(event: { token: string; openKfId: string }): Promise<void> {
    const { coordination } = this.deps;
    const pendingKey = `kf-sync-pending:${event.openKfId}`;
    await coordination.setState(pendingKey, event.token, PENDING_MS);
    for (;;) {
      const lock = await coordination.acquireLock(`kf-sync:${event.openKfId}`, LOCK_MS);
      if (!lock) return; // the holder will find the pending token
      try {
        for (let token = await coordination.getState<string>(pendingKey); token; token = await coordination.getState<string>(pendingKey)) {
          await coordination.deleteState(pendingKey);
          await this.syncAll(event.openKfId, token, () => lock.extend(LOCK_MS));
        }
      } finally {
        await lock.release().catch(() => false);
      }
      // An event that came between our last look and the release found the lock still held.
      if (!(await coordination.getState<string>(pendingKey))) return;
    }
  }

  private async syncAll(openKfId: string, token: string, renew: () => Promise<boolean>): Promise<void> {
    const { client, cursors, logger } = this.deps;
    let cursor = await cursors.get(openKfId);
    for (let page = 1; ; page += 1) {
      const result = await client.syncMsg(openKfId, token, cursor);
      if (result.messages.length > 0) await this.deps.handle(result.messages);
      if (result.nextCursor && result.nextCursor !== cursor) {
        cursor = result.nextCursor;
        await cursors.set(openKfId, cursor, this.deps.now());
      }
      logger.debug({ openKfId, page, count: result.messages.length, hasMore: result.hasMore }, 'kf/sync_msg page handled');
      if (!result.hasMore) return;
      await renew();
    }
  }
}
