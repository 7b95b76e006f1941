import type { CommandContext } from './command.js';
import type { ConfirmPreview } from '../src/core/command.js';
import type { OpinionRecord } from '../src/services/opinions/opinion-records.js';

/**
 * Who hears of a change to an opinion: its filer (by name when a member; a resident is only
 * 反映人), and its handler or another member when the change goes to them too.
 */
export async function toldAbout(
  ctx: CommandContext,
  opinion: OpinionRecord,
  also: { handlerId?: string | undefined } = {},
): Promise<string[]> {
  const t = ctx.t.opinions.replies.told;
  const nameOf = async (id: string) => (await ctx.services.members.findById(id))?.name;
  const filerName = opinion.filer.kind === 'member' ? await nameOf(opinion.filer.id) : undefined;
  const told = [t.filer(filerName)];
  if (also.handlerId && also.handlerId !== opinion.filer.id) told.push(t.handler((await nameOf(also.handlerId)) ?? also.handlerId));
  return told;
}

/** A preview whose change is one sentence about the opinion, told to its filer (and handler). */
export async function opinionPreview(
  ctx: CommandContext,
  opinion: OpinionRecord,
  change: string,
  also: { handlerId?: string | undefined } = {},
): Promise<ConfirmPreview> {
  return { change, told: await toldAbout(ctx, opinion, also) };
}
