import type Router from '@koa/router';
import { buildRegistry } from '../../commands/index.js';
import type { Config } from '../config.js';
import { Bot } from '../core/bot.js';
import type { Clock } from '../core/clock.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { consoleRoutes } from '../platforms/console/console-routes.js';
import { ConsoleSender } from '../platforms/console/console-sender.js';
import { createDingtalk } from '../platforms/dingtalk/dingtalk.js';
import { SenderRegistry } from '../platforms/sender-registry.js';
import { createWecomKf } from '../platforms/wecom/kf.js';
import { createWecom } from '../platforms/wecom/wecom.js';
import { PhotoKeeper } from '../services/residents/photo-keeper.js';
import { CommunityQrCodes } from '../services/residents/qr-codes.js';
import { ResidentDesk, type ResidentChannel } from '../services/residents/resident-desk.js';
import type { Coordination } from '../storage/coordination.js';
import type { CommitteeServices } from './services.js';
import type { Repositories } from './stores.js';

export interface PlatformDeps {
  config: Config;
  repositories: Repositories;
  committee: CommitteeServices;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  logger: Logger;
}

/** The chat pipeline every platform hands its neutral messages to (commands from commands/index.ts). */
export function buildBot(deps: PlatformDeps): Bot {
  const { config, repositories, committee, coordination, clock, messages, logger } = deps;
  return new Bot({
    registry: buildRegistry(),
    services: committee.services,
    coordination,
    inbox: repositories.inbox,
    clock,
    messages,
    logger,
    commandRatePerMinute: config.commandRatePerMinute,
  });
}

/**
 * The kf platform needs the desk's page handler when it is created, and the desk sends through the
 * kf sender the platform creates: the desk is built with this channel, which the kf sender is
 * plugged into once it exists (before any request can arrive).
 */
class KfChannelSocket implements ResidentChannel {
  private channel: ResidentChannel | undefined;

  plug(channel: ResidentChannel): void {
    this.channel = channel;
  }

  send(...args: Parameters<ResidentChannel['send']>) {
    return this.plugged().send(...args);
  }

  releaseHeld(...args: Parameters<ResidentChannel['releaseHeld']>) {
    return this.plugged().releaseHeld(...args);
  }

  welcome(...args: Parameters<ResidentChannel['welcome']>) {
    return this.plugged().welcome(...args);
  }

  private plugged(): ResidentChannel {
    if (!this.channel) throw new Error('the 微信客服 channel is used before its sender exists');
    return this.channel;
  }
}

/**
 * Console, DingTalk, WeCom and 微信客服: their routes, their senders (one registry the outbox sends
 * through), and what they run in the background (`start`, `stoppables`).
 */
export function buildPlatforms(deps: PlatformDeps & { bot: Bot }) {
  const { config, repositories: repos, committee, coordination, clock, messages, logger, bot } = deps;
  const { notifier } = committee;
  const { bodyLimitBytes } = config;
  const routers: Router[] = [];
  const stoppables: Array<() => Promise<void> | void> = [];

  // DingTalk: callback route always, Stream client in stream mode.
  const dingtalk = config.dingtalk
    ? createDingtalk({ config: config.dingtalk, bodyLimitBytes, bot, notifier, coordination, clock, logger })
    : undefined;
  if (dingtalk) {
    routers.push(dingtalk.router);
    stoppables.push(() => dingtalk.stop());
  }

  // Console: the local chat simulator (`npm run chat`, tests).
  routers.push(consoleRoutes({ bodyLimitBytes, bot, members: repos.members, consoleMessages: repos.consoleMessages, clock, messages }));

  // 居民服务号 (微信客服): a kf event syncs pages into the residents' desk (a conversation, not
  // commands); the kf sender keeps WeCom's 48 h / 5 messages rule and holds what may not go yet.
  const kfChannel = new KfChannelSocket();
  const desk = new ResidentDesk({
    inbox: repos.inbox,
    customers: repos.kf.customers,
    channel: kfChannel,
    talk: committee.residentTalk,
    notifier,
    clock,
    messages,
    logger: committee.residentLog,
  });
  const kf = createWecomKf({
    config,
    cursors: repos.kf.cursors,
    windows: repos.kf.customers,
    held: repos.kf.held,
    coordination,
    clock,
    logger,
    messages,
    handle: (page) => desk.handlePage(page),
  });
  if (kf) {
    kfChannel.plug(kf.sender);
    stoppables.push(() => kf.stop(config.shutdownTimeoutMs));
  }
  const qrCodes = new CommunityQrCodes({
    communities: repos.communities,
    ways: repos.kf.contactWays,
    makeLink: kf ? (id, scene) => kf.client.addContactWay(id, scene) : undefined,
    openKfId: kf?.openKfId,
    clock,
    messages,
  });
  // Residents' photos: downloaded while WeCom keeps them (3 days), shown to staff through the API.
  const photoKeeper = kf
    ? new PhotoKeeper({
        photos: repos.kf.photos,
        download: (mediaId, maxBytes) => kf.client.downloadMedia(mediaId, maxBytes),
        logger: committee.residentLog,
      })
    : undefined;

  // WeCom: /wecom/app and /wecom/bot when configured; kf events arrive on the app's callback.
  const wecom = createWecom({ config, bot, coordination, clock, logger, messages, ...(kf ? { onKfEvent: kf.onEvent } : {}) });
  routers.push(...wecom.routers);
  // The outbox sends through one registry: each platform's senders serve its Address['platform'] keys.
  const senders = new SenderRegistry().register('console', new ConsoleSender(repos.consoleMessages, clock)).registerAll(wecom.senders);
  if (dingtalk) senders.registerAll(dingtalk.senders);
  if (kf) senders.register('wecom-kf', kf.sender);

  return { routers, senders, stoppables, qrCodes, photoKeeper, start: () => dingtalk?.start() };
}
