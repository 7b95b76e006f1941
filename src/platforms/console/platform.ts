import type { PlatformContext } from '../platform-context.js';
import type { Platform } from '../types.js';
import { CONSOLE_INBOUND_LIMITS, consoleRoutes } from './console-routes.js';
import { ConsoleSender } from './console-sender.js';

const RESIDENT = 'resident:';
const GUEST = 'guest:';

/**
 * The local chat simulator (`npm run chat`, tests). People are named by member id,
 * `resident:<name>` or `guest:<name>`; every member is reachable here, so it comes last.
 */
export const consolePlatform: Platform<PlatformContext> = {
  name: 'console',
  delivers: ['console'],
  inboundLimits: CONSOLE_INBOUND_LIMITS,
  identify: async (message, members) => {
    const id = message.sender.platformUserId;
    if (id.startsWith(RESIDENT)) return { kind: 'resident', name: id.slice(RESIDENT.length) };
    if (id.startsWith(GUEST)) return { kind: 'guest', name: id.slice(GUEST.length) };
    const member = await members.findById(id);
    return member ? { kind: 'member', member } : { kind: 'guest' };
  },
  findMember: (platformUserId, members) => members.findById(platformUserId),
  memberAddress: (member) => ({ platform: 'console', kind: 'user', id: member.id }),
  connect: (context) => ({
    routers: [consoleRoutes({ ...context, bodyLimitBytes: context.config.bodyLimitBytes })],
    senders: { console: new ConsoleSender(context.consoleMessages, context.clock) },
  }),
};
