import type Router from '@koa/router';
import { buildRegistry } from '../../commands/index.js';
import { buildResidentRegistry } from '../../commands/residents/index.js';
import type { Config } from '../config.js';
import { Bot } from '../core/bot.js';
import type { Clock } from '../core/clock.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { consolePlatform } from '../platforms/console/platform.js';
import { dingtalkPlatform } from '../platforms/dingtalk/platform.js';
import type { PlatformContext } from '../platforms/platform-context.js';
import { PlatformRegistry } from '../platforms/platform-registry.js';
import type { Platform } from '../platforms/types.js';
import { createWecomKf } from '../platforms/wecom/kf.js';
import { WecomKfSender } from '../platforms/wecom/kf-sender.js';
import { ConsoleKfClient, KfChannelRouter } from '../platforms/wecom/kf-simulator.js';
import { wecomKfPlatform, wecomPlatform } from '../platforms/wecom/platform.js';
import { wecomAibotPlatform } from '../platforms/wecom/aibot/platform.js';
import { PhotoKeeper } from '../services/residents/photo-keeper.js';
import { openOpinionsOfCustomer, ResidentNoticeBudget } from '../services/residents/notice-priority.js';
import { CommunityQrCodes } from '../services/residents/qr-codes.js';
import { ResidentDesk, type ResidentChannel } from '../services/residents/resident-desk.js';
import type { Coordination } from '../core/coordination.js';
import type { CommitteeServices } from './services.js';
import type { Services } from '../services/services.js';
import type { Repositories } from './stores.js';
import type { PlatformSignIn } from '../services/workbench/platform-sign-in.js';
import { wecomWorkbenchIdentity } from '../platforms/wecom/workbench-identity.js';
import { dingtalkWorkbenchIdentity } from '../platforms/dingtalk/workbench-identity.js';

export interface PlatformDeps {
  config: Config;
  repositories: Repositories;
  committee: CommitteeServices;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  logger: Logger;
}

/**
 * The platforms, in order of preference for reaching a member. Adding one is one entry here
 * (docs/adding-a-platform.md); `extra` are a test's platforms, preferred before the console.
 */
export function buildPlatformRegistry(extra: ReadonlyArray<Platform<PlatformContext>> = []): PlatformRegistry<PlatformContext> {
  return new PlatformRegistry<PlatformContext>([
    wecomPlatform,
    wecomKfPlatform,
    wecomAibotPlatform,
    dingtalkPlatform,
    ...extra,
    consolePlatform,
  ]);
}

/** The chat pipeline every platform hands its neutral messages to (commands from commands/index.ts). */
export function buildBot(deps: PlatformDeps & { platforms: PlatformRegistry<PlatformContext> }): Bot<Services> {
  const { config, repositories, committee, coordination, clock, logger, platforms } = deps;
  // CONFIRM_WORDS replaces the locale's words for 确认 (the only place they are read from).
  const messages = config.confirmWords
    ? { ...deps.messages, core: { ...deps.messages.core, words: { ...deps.messages.core.words, confirm: config.confirmWords } } }
    : deps.messages;
  return new Bot({
    registry: buildRegistry(),
    platforms,
    services: committee.services,
    members: repositories.members,
    coordination,
    inbox: repositories.inbox,
    clock,
    messages,
    logger,
    commandRatePerMinute: config.commandRatePerMinute,
    // 微信客服's residents: the same pipeline, their own conversation instead of commands.
    residents: committee.residentTalk,
    residentCommands: buildResidentRegistry(),
  });
}

/**
 * The kf platform needs the desk's page handler when it is created, and the desk sends through the
 * kf sender the platform creates: the desk is built with this channel, which the kf senders (WeCom's
 * and the simulator's, behind one router) are plugged into once they exist (before any request can arrive).
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
 * Every platform connected (their routes, one sender registry the outbox sends through, start and
 * stop), and the residents' desk behind 微信客服 with what hangs on it (QR codes, photos).
 */
export function buildPlatforms(
  deps: PlatformDeps & { bot: Bot; platforms: PlatformRegistry<PlatformContext>; requestDispatch?: () => void },
) {
  const { config, repositories: repos, committee, coordination, clock, messages, logger, bot, platforms } = deps;
  const { notifier } = committee;

  // 居民服务号 (微信客服): a kf event syncs pages into the residents' desk, which hands each message
  // to the bot (its residents' conversation, not commands); the kf sender keeps WeCom's 48 h / 5 messages rule and holds what may not go yet.
  const kfChannel = new KfChannelSocket();
  // When the allowance runs short, the more important messages keep the slots (notice-priority.ts).
  const noticeBudget = new ResidentNoticeBudget({
    openOpinions: openOpinionsOfCustomer({ residents: repos.residents, opinions: repos.opinions }),
    held: repos.kf.held,
  });
  const desk = new ResidentDesk({
    bot,
    coordination,
    customers: repos.kf.customers,
    channel: kfChannel,
    notifier,
    clock,
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
    slotsToLeave: (customer, kind) => noticeBudget.slotsToLeave(customer, kind),
  });
  // `npm run chat`'s residents: the simulator's own account, with the same desk, rule and priorities.
  const simulator = new WecomKfSender({
    client: new ConsoleKfClient(repos.consoleMessages, () => clock.now()),
    windows: repos.kf.customers,
    held: repos.kf.held,
    coordination,
    clock,
    logger: logger.child({ component: 'kf-simulator' }),
    messages,
    slotsToLeave: (customer, kind) => noticeBudget.slotsToLeave(customer, kind),
  });
  const kfRouter = new KfChannelRouter(simulator, kf?.sender);
  kfChannel.plug(kfRouter);
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

  // Every platform's routes and connections; their senders serve the outbox by Address['platform'].
  const connected = platforms.connect({
    config,
    bot,
    coordination,
    clock,
    logger,
    messages,
    notifier,
    members: repos.members,
    consoleMessages: repos.consoleMessages,
    residents: { sender: kfRouter, desk },
    ...(kf ? { wecomKf: kf } : {}),
    ...(deps.requestDispatch ? { requestDispatch: deps.requestDispatch } : {}),
  });
  const routers: Router[] = [...connected.routers];
  return {
    routers,
    senders: connected.senders,
    stoppables: [() => connected.stop()],
    qrCodes,
    photoKeeper,
    start: () => connected.start(),
    statuses: () => connected.statuses(),
  };
}

/** 工作台 sign-in through the platforms that are configured (WeCom's app, DingTalk's app), with their own access tokens. */
export function buildPlatformSignIn(deps: Pick<PlatformDeps, 'config' | 'coordination' | 'clock' | 'logger'>): PlatformSignIn {
  const { config, coordination, clock, logger } = deps;
  const app = config.wecom.app;
  return {
    ...(app ? { wecom: wecomWorkbenchIdentity({ app, apiBase: config.wecom.apiBase, coordination, logger }) } : {}),
    ...(config.dingtalk ? { dingtalk: dingtalkWorkbenchIdentity({ config: config.dingtalk, coordination, clock, logger }) } : {}),
  };
}
