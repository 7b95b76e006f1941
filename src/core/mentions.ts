import type { IncomingMessage, PlatformDirectory } from '../platforms/types.js';
import type { KnownMember as MemberRecord, MemberDirectory as MemberRepository } from './member-directory.js';

/** Who a typed name or @-mention is. */
export type MemberLookup = { kind: 'found'; member: MemberRecord } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

/**
 * Finds a member by a typed name (`张三`, `@张三`, `张三委员`) among active members.
 *
 * @example
 * const found = await lookupMemberByName(members, '@张三');
 * if (found.kind === 'found') use(found.member.id);
 */
export async function lookupMemberByName(members: MemberRepository, typed: string): Promise<MemberLookup> {
  const name = typed.replace(/^@/, '').trim();
  if (!name) return { kind: 'none' };
  let found = await members.findByName(name);
  const titled = /^(.+?)(委员|同志|老师|主任|主席)$/.exec(name);
  if (found.length === 0 && titled) found = await members.findByName(titled[1]!);
  if (found.length === 1) return { kind: 'found', member: found[0]! };
  return found.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', count: found.length };
}

/** The member behind a platform user id @-mentioned on `platform`, as that platform finds its users. */
export async function memberByPlatformId(
  platforms: PlatformDirectory,
  members: MemberRepository,
  platform: IncomingMessage['platform'],
  platformUserId: string,
): Promise<MemberRecord | null> {
  return platforms.of(platform).findMember(platformUserId, members);
}

/**
 * Member ids of everyone mentioned: the platform's mention list first, then `@名字` in the text.
 * Names that match no member (or several) are left out; duplicates are dropped.
 */
export async function resolveMentionedMembers(
  platforms: PlatformDirectory,
  members: MemberRepository,
  message: IncomingMessage,
  names: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const platformUserId of message.mentions) {
    const member = await memberByPlatformId(platforms, members, message.platform, platformUserId);
    if (member) ids.push(member.id);
  }
  for (const name of names) {
    const found = await lookupMemberByName(members, name);
    if (found.kind === 'found') ids.push(found.member.id);
  }
  return [...new Set(ids)];
}
