import type { MemberDirectory } from './member-directory.js';
import type { Actor } from './roles.js';
import type { IncomingMessage } from '../platforms/types.js';

/**
 * Turns a platform identity into an {@link Actor}. Registered members get their role; other
 * corp users are guests; people on the residents' service account are residents.
 *
 * @example
 * const actor = await resolveActor(members, message);
 */
export async function resolveActor(members: MemberDirectory, message: IncomingMessage): Promise<Actor> {
  const platformUserId = message.sender.platformUserId;
  const base = { platform: message.platform, platformUserId };
  const displayName = message.sender.displayName ?? platformUserId;
  if (message.platform === 'wecom-kf') return { ...base, role: 'resident', name: displayName };

  let member = null;
  if (message.platform === 'wecom-app' || message.platform === 'wecom-bot')
    member = await members.findByPlatformId('wecom', platformUserId);
  else if (message.platform === 'dingtalk') member = await members.findByPlatformId('dingtalk', platformUserId);
  else if (message.platform === 'console') {
    // The console names people as "resident:<name>", "guest:<name>", or a member id.
    if (platformUserId.startsWith('resident:')) return { ...base, role: 'resident', name: platformUserId.slice(9) || displayName };
    if (platformUserId.startsWith('guest:')) return { ...base, role: 'guest', name: platformUserId.slice(6) || displayName };
    member = await members.findById(platformUserId);
  }
  if (!member) return { ...base, role: 'guest', name: displayName };
  return { ...base, role: member.role, memberId: member.id, name: member.name, sector: member.sector, isConvenor: member.isConvenor };
}
