import type { KnownMember, MemberDirectory } from './member-directory.js';
import type { IncomingMessage } from '../platforms/types.js';

/** Who a typed name or @-mention is. */
export type MemberLookup = { kind: 'found'; member: KnownMember } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

/**
 * Finds a member by a typed name (`张三`, `@张三`, `张三委员`) among active members.
 *
 * @example
 * const found = await lookupMemberByName(members, '@张三');
 * if (found.kind === 'found') use(found.member.id);
 */
export async function lookupMemberByName(members: MemberDirectory, typed: string): Promise<MemberLookup> {
  const name = typed.replace(/^@/, '').trim();
  if (!name) return { kind: 'none' };
  let found = await members.findByName(name);
  const titled = /^(.+?)(委员|同志|老师|主任|主席)$/.exec(name);
  if (found.length === 0 && titled) found = await members.findByName(titled[1]!);
  if (found.length === 1) return { kind: 'found', member: found[0]! };
  return found.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', count: found.length };
}

/** The member behind a platform user id @-mentioned on `platform` (console ids are member ids). */
export async function memberByPlatformId(
  members: MemberDirectory,
  platform: IncomingMessage['platform'],
  platformUserId: string,
): Promise<KnownMember | null> {
  if (platform === 'console') return members.findById(platformUserId);
  if (platform === 'dingtalk') return members.findByPlatformId('dingtalk', platformUserId);
  if (platform === 'wecom-app' || platform === 'wecom-bot') return members.findByPlatformId('wecom', platformUserId);
  return null;
}

/**
 * Member ids of everyone mentioned: the platform's mention list first, then `@名字` in the text.
 * Names that match no member (or several) are left out; duplicates are dropped.
 */
export async function resolveMentionedMembers(
  members: MemberDirectory,
  message: IncomingMessage,
  names: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const platformUserId of message.mentions) {
    const member = await memberByPlatformId(members, message.platform, platformUserId);
    if (member) ids.push(member.id);
  }
  for (const name of names) {
    const found = await lookupMemberByName(members, name);
    if (found.kind === 'found') ids.push(found.member.id);
  }
  return [...new Set(ids)];
}
