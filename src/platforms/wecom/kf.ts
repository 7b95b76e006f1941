import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { AccessTokenClient } from './access-token.js';
import { KfClient, type KfMessage } from './kf-api.js';
import { WecomKfSender, type KfSenderDeps } from './kf-sender.js';
import { KfSync } from './kf-sync.js';
import type { HeldNoticeStore, KfCursorStore, KfWindowStore } from '../../services/residents/kf-channel-stores.js';

export type { KfMessage } from './kf-api.js';

export interface WecomKfDeps {
  config: Config;
  cursors: KfCursorStore;
  windows: KfWindowStore;
  held: HeldNoticeStore;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  /** What to do with each synced page (the residents' desk, which hands each message to the bot). */
  handle: (messages: KfMessage[]) => Promise<void>;
  /** The priority rule's question before a message takes a slot (src/services/residents/notice-priority.ts). */
  slotsToLeave?: KfSenderDeps['slotsToLeave'];
}

/** The residents' side of WeCom: sync on kf events, the kf sender, the API client (QR links). */
export interface WecomKf {
  onEvent(event: { token: string; openKfId: string }): Promise<void>;
  /** Waits (at most `timeoutMs`) for syncs in progress, so a graceful stop does not cut a page short. */
  stop(timeoutMs: number): Promise<void>;
  sender: WecomKfSender;
  client: KfClient;
  /** The kf account residents reach from the community QR codes (WECOM_KF_OPEN_KFID), if set. */
  openKfId: string | undefined;
}

/**
 * Builds 微信客服 on the self-built app's credentials (since 2023-12 kf APIs need a self-built app
 * listed under 「微信客服-可调用接口的应用」); undefined when the WeCom app is not configured.
 */
export function createWecomKf(deps: WecomKfDeps): WecomKf | undefined {
  const { app, apiBase, kfOpenKfId } = deps.config.wecom;
  if (!app) return undefined;
  const logger = deps.logger.child({ component: 'wecom-kf' });
  const tokens = new AccessTokenClient({ apiBase, corpId: app.corpId, secret: app.secret, coordination: deps.coordination, logger });
  const client = new KfClient(tokens);
  const sender = new WecomKfSender({
    client,
    windows: deps.windows,
    held: deps.held,
    coordination: deps.coordination,
    clock: deps.clock,
    logger,
    messages: deps.messages,
    ...(deps.slotsToLeave ? { slotsToLeave: deps.slotsToLeave } : {}),
  });
  const sync = new KfSync({
    client,
    cursors: deps.cursors,
    coordination: deps.coordination,
    logger,
    now: () => deps.clock.now(),
    handle: deps.handle,
  });
  const running = new Set<Promise<void>>();
  const onEvent = (event: { token: string; openKfId: string }) => {
    const work = sync.onEvent(event);
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };
  const stop = async (timeoutMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  };
  return { onEvent, stop, sender, client, openKfId: kfOpenKfId };
}
