import type Router from '@koa/router';
import type { Bot } from '../../core/bot.js';
import type { Clock } from '../../core/clock.js';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Notifier } from '../../services/notifier.js';
import type { Coordination } from '../../core/coordination.js';
import { inboundBodyLimit, type Sender } from '../types.js';
import { DingtalkAccessToken } from './access-token.js';
import { dingtalkCallbackRouter } from './http-callback.js';
import { DingtalkInbound } from './inbound.js';
import { DINGTALK_INBOUND_LIMITS } from './parse.js';
import { DingtalkReplier } from './replier.js';
import { DingtalkCustomRobotSender, DingtalkRobotSender } from './senders.js';
import type { DingtalkStreamClient } from './stream-client.js';
import { RobotThrottle } from './throttle.js';

/** The senders for the two DingTalk address families, keyed by `Address['platform']`. */
export interface DingtalkSenders {
  dingtalk: DingtalkRobotSender;
  'dingtalk-custom-robot': Sender;
}

export interface DingtalkSenderDeps {
  config: DingtalkConfig;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
}

/** Builds the DingTalk senders (app robot OpenAPI and custom-robot webhooks) from config. */
export function createDingtalkSenders(deps: DingtalkSenderDeps): DingtalkSenders & { throttle: RobotThrottle } {
  const throttle = new RobotThrottle(deps.coordination, deps.clock);
  const token = new DingtalkAccessToken(deps.config, deps.coordination, deps.clock, deps.logger);
  return {
    throttle,
    dingtalk: new DingtalkRobotSender(deps.config, token, throttle),
    'dingtalk-custom-robot': new DingtalkCustomRobotSender(deps.config.oapiBase, throttle, deps.clock, deps.logger),
  };
}

export interface DingtalkDeps extends DingtalkSenderDeps {
  bodyLimitBytes: number;
  bot: Pick<Bot, 'handle'>;
  notifier: Notifier;
}

/** DingTalk as `src/main.ts` wires it: the callback route, the senders, and Stream mode's client. */
export interface DingtalkPlatform {
  /** `POST /dingtalk`, mounted in both modes so a switch from HTTP to Stream loses nothing. */
  router: Router;
  senders: DingtalkSenders;
  /** In Stream mode, starts connecting in the background (it retries by itself). */
  start(): void;
  /** Closes the Stream socket and waits for messages still being handled. */
  stop(): Promise<void>;
}

export function createDingtalk(deps: DingtalkDeps): DingtalkPlatform {
  const logger = deps.logger.child({ platform: 'dingtalk' });
  const { throttle, ...senders } = createDingtalkSenders({ ...deps, logger });
  const replier = new DingtalkReplier(deps.config, senders.dingtalk, throttle, deps.notifier, deps.clock, logger);
  const inbound = new DingtalkInbound(deps.bot, replier, deps.coordination, deps.clock, logger);
  const router = dingtalkCallbackRouter({
    appSecret: deps.config.appSecret,
    bodyLimitBytes: inboundBodyLimit(DINGTALK_INBOUND_LIMITS, deps.bodyLimitBytes),
    clock: deps.clock,
    coordination: deps.coordination,
    inbound,
  });
  const onStreamMessage = async (payload: unknown): Promise<void> => {
    const accepted = await inbound.accept(payload, 'stream');
    if (!accepted.ok) logger.warn({ problem: accepted.problem }, 'DingTalk Stream delivered something that is not a robot message');
  };
  let stream: Promise<DingtalkStreamClient> | undefined;
  return {
    router,
    senders,
    start: () => {
      if (deps.config.mode !== 'stream' || stream) return;
      // Loaded only in Stream mode: the SDK brings axios and ws, which HTTP mode never needs.
      stream = import('./stream-client.js').then(
        ({ DingtalkStreamClient }) => new DingtalkStreamClient(deps.config, logger, onStreamMessage),
      );
      stream.then(
        (client) => void client.connect(),
        (error: unknown) => logger.error({ err: error }, 'DingTalk Stream client could not be loaded'),
      );
    },
    stop: async () => {
      const client = await stream?.catch(() => undefined);
      client?.stop();
      await inbound.drain();
    },
  };
}
