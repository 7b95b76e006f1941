import type { CommandSpec } from '../command.js';

/** 活动结果 <编号> <内容>: a convenor of the event's sector (or staff) records the outcome. */
export const eventOutcomeCommand: CommandSpec = {
  id: 'event-outcome',
  name: '活动结果',
  aliases: ['协商结果', '记录活动结果', 'event-outcome'],
  minRole: 'member',
  args: [
    { name: 'number', kind: 'word', required: true },
    { name: 'content', kind: 'text', required: true },
  ],
  confirm: {
    preview: async (ctx) => {
      const t = ctx.t.events.outcome;
      const { event, linked } = await ctx.services.events.attendance.checkOutcome(ctx.args.number!, ctx.actor, ctx.args.content!);
      const change = t.preview(event.number, event.title, ctx.args.content!, linked.join(ctx.t.events.listSeparator));
      return { change, told: linked.length > 0 ? [t.filersOf(linked.join(ctx.t.events.listSeparator))] : [] };
    },
  },
  texts: (t) => t.events.commands.outcome,
  handler: async (ctx) => {
    const t = ctx.t.events.outcome;
    const result = await ctx.services.events.attendance.recordOutcome(ctx.args.number!, ctx.actor, ctx.args.content!);
    const { event } = result;
    const sep = ctx.t.events.listSeparator;
    const lines = [result.replaced ? t.updated(event.number, event.title) : t.recorded(event.number, event.title)];
    if (result.resolved.length > 0) lines.push(t.linked(result.resolved.join(sep)));
    const reported = [...result.resolved, ...result.notEscalated, ...result.notFound];
    const storedOnly = result.linked.filter((n) => !reported.includes(n));
    if (storedOnly.length > 0) lines.push(t.linkedStored(storedOnly.join(sep)));
    if (result.notEscalated.length > 0) lines.push(t.notEscalated(result.notEscalated.join(sep)));
    if (result.notFound.length > 0) lines.push(t.notFound(result.notFound.join(sep)));
    return lines.join('\n');
  },
};
