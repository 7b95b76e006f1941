import type { CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** 改分类: staff correct an opinion's community or category (recorded in its history). */
export const reclassifyOpinionCommand: CommandSpec = {
  id: 'reclassify-opinion',
  name: '改分类',
  aliases: ['reclassify', '更正分类'],
  minRole: 'staff',
  args: [
    { name: 'number', kind: 'opinion-number', required: true },
    { name: 'field', kind: 'choice', required: true, choices: ['社区', '类别', '分类', 'community', 'category'] },
    { name: 'name', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const t = ctx.t.opinions;
      const opinion = await ctx.services.opinions.load(ctx.args.number!);
      const field = t.classificationWords[ctx.args.field!]!;
      return { change: t.replies.preview.reclassify(opinion.number, t.classificationLabels[field], ctx.args.name!.trim()), told: [] };
    },
  },
  texts: (t) => t.opinions.commands.reclassify,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const field = t.classificationWords[ctx.args.field!]!;
    const { opinion, from } = await ctx.services.opinions.triage.reclassify(callerOf(ctx), ctx.args.number!, field, ctx.args.name!);
    return t.replies.reclassified(
      opinion.number,
      t.classificationLabels[field],
      from,
      opinion[field] ?? (field === 'community' ? t.unknownCommunity : t.unclassified),
    );
  },
};
