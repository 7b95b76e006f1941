import type { PlatformContext } from '../platform-context.js';
import { memberOrGuest, type Platform } from '../types.js';
import { createDingtalk } from './dingtalk.js';
import { DINGTALK_INBOUND_LIMITS } from './parse.js';

/** DingTalk's app robot (HTTP callback or Stream) and custom robots; members' ids are `dingtalkStaffId`. */
export const dingtalkPlatform: Platform<PlatformContext> = {
  name: 'dingtalk',
  delivers: ['dingtalk'],
  inboundLimits: DINGTALK_INBOUND_LIMITS,
  identify: async (message, members) => memberOrGuest(await members.findByPlatformId('dingtalk', message.sender.platformUserId)),
  findMember: (platformUserId, members) => members.findByPlatformId('dingtalk', platformUserId),
  memberAddress: (member) => (member.dingtalkStaffId ? { platform: 'dingtalk', kind: 'user', staffId: member.dingtalkStaffId } : undefined),
  connect: (context) => {
    if (!context.config.dingtalk) return { routers: [], senders: {} };
    const dingtalk = createDingtalk({ ...context, config: context.config.dingtalk, bodyLimitBytes: context.config.bodyLimitBytes });
    return { routers: [dingtalk.router], senders: dingtalk.senders, start: () => dingtalk.start(), stop: () => dingtalk.stop() };
  },
};
