import type { CommandContext, CommandSpec } from './command.js';
import { callerOf } from './opinion-views.js';

/** The dialogue's "not sure" answer for the community. */
const NOT_SURE = '-';

function tagsOf(ctx: CommandContext): string[] {
  const community = ctx.args.community;
  return [...ctx.extras.tags, ...(community && community !== NOT_SURE ? [community] : [])];
}

/** 反映: file an opinion; with no text, a guided dialogue (what happened → which community → confirm). */
export const fileOpinionCommand: CommandSpec = {
  id: 'file-opinion',
  name: '反映',
  aliases: ['file', 'report', '我要反映'],
  minRole: 'resident',
  args: [
    { name: 'content', kind: 'text', required: true },
    { name: 'community', kind: 'word', required: false },
  ],
  prompts: {
    content: { ask: (t) => t.opinions.commands.dialogue.askContent },
    community: {
      ask: (t) => t.opinions.commands.dialogue.askCommunity,
      choices: async (ctx) => [
        ...(await ctx.services.opinions.communityNames()).map((name) => ({ label: name, value: name })),
        { label: ctx.t.opinions.commands.dialogue.notSure, value: NOT_SURE },
      ],
    },
  },
  confirmDialogue: async (ctx) => {
    const content = ctx.services.opinions.checkContent(ctx.args.content);
    const community = ctx.args.community && ctx.args.community !== NOT_SURE ? ctx.args.community : ctx.t.opinions.unknownCommunity;
    return ctx.t.opinions.commands.dialogue.confirm(content, community);
  },
  texts: (t) => t.opinions.commands.file,
  handler: async (ctx) => {
    const t = ctx.t.opinions;
    const result = await ctx.services.opinions.file(callerOf(ctx), ctx.args.content, tagsOf(ctx));
    if (result.kind === 'similar') return t.replies.similar(result.similar.number, result.summary, result.similar.plusOnes.count);
    const o = result.opinion;
    const filed = t.replies.filed(o.number, o.community ?? t.unknownCommunity, o.category ?? t.unclassified);
    return result.onDutyNotified ? `${filed}\n${t.replies.filedOnDuty}` : filed;
  },
};
