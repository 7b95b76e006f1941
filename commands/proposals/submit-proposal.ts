import type { CommandSpec } from '../command.js';

/** 提案提交 [编号]: staff mark a draft submitted (it then counts in the record); no number lists the drafts. */
export const submitProposalCommand: CommandSpec = {
  id: 'submit-proposal',
  name: '提案提交',
  aliases: ['提交提案', 'submit-proposal'],
  minRole: 'staff',
  args: [{ name: 'number', kind: 'word', required: false }],
  texts: (t) => t.records.commands.submitProposal,
  handler: async (ctx) => {
    const t = ctx.t.records.proposals;
    if (!ctx.args.number) {
      const drafts = await ctx.services.proposals.drafts();
      if (drafts.length === 0) return t.noDrafts;
      const lines = await Promise.all(
        drafts.map(async (p) => t.draftLine(p.number, p.title, (await ctx.services.members.findById(p.authorId))?.name ?? '')),
      );
      return t.drafts(lines);
    }
    const proposal = await ctx.services.proposals.submit(ctx.args.number, ctx.actor.memberId ?? ctx.actor.platformUserId);
    const author = await ctx.services.members.findById(proposal.authorId);
    return t.submitted(proposal.number, proposal.title, author?.name ?? '');
  },
};
