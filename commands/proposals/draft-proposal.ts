import type { CommandContext, CommandSpec } from '../command.js';
import { looksLikeOpinionNumber } from '../../src/core/opinion-number.js';
import type { DraftInput } from '../../src/services/proposals/proposal-service.js';

const inputOf = (ctx: CommandContext): DraftInput => ({
  titleOrNumber: ctx.args.title ?? '',
  reasons: ctx.args.reasons ?? '',
  suggestions: ctx.args.suggestions ?? '',
  cosigners: ctx.args.cosigners ?? '',
});

/** 提案 <标题|民意编号>: a guided draft (reasons → suggestions → co-signers → 确认). */
export const draftProposalCommand: CommandSpec = {
  id: 'draft-proposal',
  name: '提案',
  aliases: ['写提案', '起草提案', 'proposal'],
  minRole: 'member',
  args: [
    { name: 'title', kind: 'text', required: true },
    { name: 'reasons', kind: 'text', required: true },
    { name: 'suggestions', kind: 'text', required: true },
    { name: 'cosigners', kind: 'text', required: true },
  ],
  prompts: {
    title: { ask: (t) => t.records.proposals.dialogue.askTitle },
    reasons: {
      ask: (t, args) =>
        t.records.proposals.dialogue.askReasons(args.title && looksLikeOpinionNumber(args.title) ? args.title.toUpperCase() : undefined),
    },
    suggestions: { ask: (t) => t.records.proposals.dialogue.askSuggestions },
    cosigners: { ask: (t) => t.records.proposals.dialogue.askCosigners },
  },
  confirmDialogue: async (ctx) => {
    const d = ctx.t.records.proposals.dialogue;
    const draft = await ctx.services.proposals.check(ctx.actor, inputOf(ctx));
    return d.confirm(
      draft.title,
      draft.reasons,
      draft.suggestions,
      draft.coSigners.length ? draft.coSigners.map((c) => c.name).join('、') : d.noCosigners,
    );
  },
  texts: (t) => t.records.commands.proposal,
  handler: async (ctx) => {
    const proposal = await ctx.services.proposals.draft(ctx.actor, inputOf(ctx));
    return ctx.t.records.proposals.drafted(proposal.number, proposal.title);
  },
};
