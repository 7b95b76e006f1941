import type { PlatformContext } from '../../platform-context.js';
import { memberOrGuest, type Platform } from '../../types.js';
import { WECOM_INBOUND_LIMITS } from '../limits.js';
import { aibotUserAddress } from './frames.js';
import { ConnectionHolder } from './holder.js';
import { AibotInbound } from './inbound.js';
import { AibotLink } from './link.js';
import { AibotSender, nudgeKey } from './sender.js';

const NAME = 'wecom-aibot';

/**
 * WeCom's smart robot over its long connection (长连接, WECOM_BOT_ID + WECOM_BOT_SECRET): Yishi
 * dials out to WeCom's gateway, so no public address is needed. Members are WeCom users
 * (`wecomUserId`); groups it is in become notice channels with 登记本群.
 */
export const wecomAibotPlatform: Platform<PlatformContext> = {
  name: NAME,
  delivers: ['wecom-aibot'],
  inboundLimits: WECOM_INBOUND_LIMITS,
  identify: async (message, members) => memberOrGuest(await members.findByPlatformId('wecom', message.sender.platformUserId)),
  findMember: (platformUserId, members) => members.findByPlatformId('wecom', platformUserId),
  memberAddress: (member) => (member.wecomUserId ? aibotUserAddress(member.wecomUserId) : undefined),
  connect: (context) => {
    const config = context.config.wecom.aibot;
    if (!config) return { routers: [], senders: {} };
    const logger = context.logger.child({ platform: NAME });
    // The link hands frames to the inbound and WeCom's "moved elsewhere" to the holder, both made just below.
    const link = new AibotLink(config, logger, {
      onMessage: (frame) => inbound.onFrame(frame),
      onEvent: (frame) => inbound.onFrame(frame),
      onReplaced: () => holder.stepDown(),
    });
    const inbound = new AibotInbound({ ...context, link, replyWithinMs: context.config.wecom.replyWithinMs, logger });
    const { coordination } = context;
    const holder = new ConnectionHolder({
      coordination,
      lockName: `wecom-aibot:${config.botId}`,
      link,
      logger,
      // A standby put a notice back for us: send soon instead of at the next outbox tick.
      whileHolding: async () => {
        if (!(await coordination.getState<boolean>(nudgeKey(config.botId)))) return;
        await coordination.deleteState(nudgeKey(config.botId));
        context.requestDispatch?.();
      },
    });
    const sender = new AibotSender({ link, botId: config.botId, coordination, clock: context.clock });
    return {
      routers: [],
      senders: { 'wecom-aibot': sender },
      start: () => holder.start(),
      stop: async () => {
        await inbound.drain();
        await holder.stop();
      },
      status: () => holder.status(NAME),
    };
  },
};
