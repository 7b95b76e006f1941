import type { Actor, MemberRole } from './roles.js';
import type { IncomingMessage, MemberFinder, MemberIds, PlatformDirectory } from '../platforms/types.js';

/** What the actor takes from a member record. */
interface ActingMember extends MemberIds {
  role: MemberRole;
  name: string;
  sector: string;
  isConvenor: boolean;
}

/**
 * Turns a platform identity into an {@link Actor}: the platform that delivered the message says
 * who the sender is. Members get their role; others are guests or residents.
 *
 * @example
 * const actor = await resolveActor(platforms, members, message);
 */
export async function resolveActor(
  platforms: PlatformDirectory,
  members: MemberFinder<ActingMember>,
  message: IncomingMessage,
): Promise<Actor> {
  const platformUserId = message.sender.platformUserId;
  const base = { platform: message.platform, platformUserId };
  const displayName = message.sender.displayName ?? platformUserId;
  const who = await platforms.of(message.platform).identify(message, members);
  if (who.kind !== 'member') return { ...base, role: who.kind, name: who.name || displayName };
  const { member } = who;
  return { ...base, role: member.role, memberId: member.id, name: member.name, sector: member.sector, isConvenor: member.isConvenor };
}
