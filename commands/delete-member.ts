import type { CommandSpec } from './command.js';

/**
 * 删除成员: an admin deactivates a member (after 确认), through the same MemberService rule as
 * DELETE /api/members/:id. The record stays; the person is no longer recognised nor notified.
 */
export const deleteMemberCommand: CommandSpec = {
  id: 'delete-member',
  name: '删除成员',
  aliases: ['停用成员', 'delete-member'],
  minRole: 'admin',
  args: [{ name: 'member', kind: 'member', required: true }],
  confirm: {
    preview: async (ctx) => {
      const { member, upcomingShifts } = await ctx.services.memberAdmin.assertDeactivatable(ctx.args.member ?? '', ctx.actor.memberId);
      const role = ctx.t.core.roles[member.role] ?? member.role;
      return { change: ctx.t.operations.deleteMember.preview(member.name, member.sector, role, upcomingShifts), told: [] };
    },
  },
  texts: (t) => t.operations.commands.deleteMember,
  handler: async (ctx) => {
    const { member, upcomingShifts } = await ctx.services.memberAdmin.deactivate(ctx.args.member ?? '', ctx.actor.memberId);
    return ctx.t.operations.deleteMember.done(member.name, upcomingShifts);
  },
};
