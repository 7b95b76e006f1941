import type { PlatformContext } from '../platform-context.js';
import { memberOrGuest, type Platform } from '../types.js';
import { WECOM_INBOUND_LIMITS } from './limits.js';
import { createWecom } from './wecom.js';

/** WeCom's members: the self-built app (`/wecom/app`) and the smart robot (`/wecom/bot`); ids are `wecomUserId`. */
export const wecomPlatform: Platform<PlatformContext> = {
  name: 'wecom',
  delivers: ['wecom-app', 'wecom-bot'],
  inboundLimits: WECOM_INBOUND_LIMITS,
  identify: async (message, members) => memberOrGuest(await members.findByPlatformId('wecom', message.sender.platformUserId)),
  findMember: (platformUserId, members) => members.findByPlatformId('wecom', platformUserId),
  memberAddress: (member) => (member.wecomUserId ? { platform: 'wecom-app', kind: 'user', userId: member.wecomUserId } : undefined),
  connect: (context) => {
    const wecom = createWecom({ ...context, ...(context.wecomKf ? { onKfEvent: context.wecomKf.onEvent } : {}) });
    return { routers: wecom.routers, senders: wecom.senders };
  },
};

/**
 * WeCom's residents (微信客服): everyone on it is a resident, reached in their kf conversation.
 * Its messages come through the residents' desk into the bot, so it has no routes of its own. Its sender is
 * always there: the simulator's account (`npm run chat`) works without the WeCom app.
 */
export const wecomKfPlatform: Platform<PlatformContext> = {
  name: 'wecom-kf',
  delivers: ['wecom-kf'],
  inboundLimits: WECOM_INBOUND_LIMITS,
  identify: async () => ({ kind: 'resident' }),
  findMember: async () => null,
  memberAddress: () => undefined,
  connect: ({ wecomKf, config, residents }) => ({
    routers: [],
    senders: { 'wecom-kf': residents.sender },
    ...(wecomKf ? { stop: () => wecomKf.stop(config.shutdownTimeoutMs) } : {}),
  }),
};
