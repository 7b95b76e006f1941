import type { CommandContext, CommandSpec } from '../src/core/command.js';
import { YishiError } from '../src/core/errors.js';
import type { MemberRecord } from '../src/storage/mongo/member-repository.js';

/** The member named by the argument, still active, and not the asker (an office keeps one admin at least). */
async function target(ctx: CommandContext): Promise<MemberRecord> {
  const t = ctx.t.operations.deleteMember;
  const member = ctx.args.member ? await ctx.services.members.findById(ctx.args.member) : null;
  if (!member) throw new YishiError('member_not_found', { userMessage: t.notFound(ctx.args.member ?? '') });
  if (member.id === ctx.actor.memberId) throw new YishiError('member_delete_self', { userMessage: t.notSelf });
  if (!member.active) throw new YishiError('member_already_inactive', { userMessage: t.alreadyInactive(member.name) });
  return member;
}

/**
 * 删除成员: an admin deactivates a member (after 确认). The record stays, so opinions, shifts and
 * the 履职档案 keep their history; the person simply is no longer recognised nor notified.
 */
export const deleteMemberCommand: CommandSpec = {
  id: 'delete-member',
  name: '删除成员',
  aliases: ['停用成员', 'delete-member'],
  minRole: 'admin',
  args: [{ name: 'member', kind: 'member', required: true }],
  needsConfirmation: true,
  preview: async (ctx) => {
    const member = await target(ctx);
    const upcoming = await ctx.services.roster.upcomingFor(member.id, ctx.clock.now(), 50);
    return ctx.t.operations.deleteMember.preview(member.name, member.sector, ctx.t.core.roles[member.role] ?? member.role, upcoming.length);
  },
  texts: (t) => t.operations.commands.deleteMember,
  handler: async (ctx) => {
    const member = await target(ctx);
    const upcoming = await ctx.services.roster.upcomingFor(member.id, ctx.clock.now(), 50);
    await ctx.services.members.update(member.id, { active: false });
    return ctx.t.operations.deleteMember.done(member.name, upcoming.length);
  },
};
