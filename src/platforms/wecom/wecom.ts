import type Router from '@koa/router';
import type { Config } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { inboundBodyLimit } from '../types.js';
import { wecomAppRouter, type KfEvent } from './app-routes.js';
import { wecomBotRouter } from './bot-routes.js';
import { WECOM_INBOUND_LIMITS } from './limits.js';
import { createWecomSenders, type WecomSenders } from './senders.js';

export { createWecomSenders, type WecomSenders } from './senders.js';
export type { KfEvent } from './app-routes.js';

export interface WecomDeps {
  config: Config;
  bot: Bot;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  /** The residents' module hooks 微信客服 notices here; without it they are logged and acked. */
  onKfEvent?: (event: KfEvent) => Promise<void>;
}

/** Everything WeCom adds to a running Yishi: the callback routes that are configured, and the senders. */
export interface Wecom {
  routers: Router[];
  senders: WecomSenders;
}

/** Builds the WeCom side: `/wecom/app` when the app is configured, `/wecom/bot` when the smart robot is. */
export function createWecom(deps: WecomDeps): Wecom {
  const { config } = deps;
  const senders = createWecomSenders(config, deps);
  const shared = {
    bot: deps.bot,
    coordination: deps.coordination,
    clock: deps.clock,
    logger: deps.logger,
    messages: deps.messages,
    bodyLimitBytes: inboundBodyLimit(WECOM_INBOUND_LIMITS, config.bodyLimitBytes),
    replyWithinMs: config.wecom.replyWithinMs,
  };
  const routers: Router[] = [];
  const appSender = senders['wecom-app'];
  if (config.wecom.app && appSender)
    routers.push(wecomAppRouter({ ...shared, app: config.wecom.app, appSender, ...(deps.onKfEvent ? { onKfEvent: deps.onKfEvent } : {}) }));
  if (config.wecom.bot) routers.push(wecomBotRouter({ ...shared, robot: config.wecom.bot, responseUrlSender: senders['wecom-bot'] }));
  return { routers, senders };
}
