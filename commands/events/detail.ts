import type { CommandSpec } from '../command.js';
import { effectiveState, formatSectors, formatWhen } from '../../src/services/events/event-format.js';

/** 活动详情 <编号>: time, place, sectors, sign-ups, the asker's own status, the outcome. */
export const eventDetailCommand: CommandSpec = {
  id: 'event-detail',
  name: '活动详情',
  aliases: ['查看活动', 'event'],
  minRole: 'guest',
  readOnly: true,
  args: [{ name: 'number', kind: 'word', required: true }],
  texts: (t) => t.events.commands.detail,
  handler: async (ctx) => {
    const t = ctx.t.events;
    const event = await ctx.services.events.catalog.findEvent(ctx.args.number!);
    const me = ctx.actor.memberId;
    const mine = [
      me && event.signups.some((s) => s.memberId === me) ? t.youAreSignedUp : '',
      me && event.attendance.some((a) => a.memberId === me) ? t.youCheckedIn : '',
    ].filter(Boolean);
    const state = effectiveState(event, ctx.clock.now());
    const outcomes = await ctx.services.outcomes.linesFor(ctx.services.outcomes.forEvent(event.id));
    const detail = t.detail({
      number: event.number,
      title: event.title,
      ...(event.theme ? { theme: event.theme } : {}),
      when: formatWhen(ctx.t, event),
      place: event.place,
      sectors: formatSectors(ctx.t, event.sectors),
      ...(event.organiser ? { organiser: event.organiser } : {}),
      state: t.states[state] ?? state,
      signups: t.signupCount(event.signups.length, event.capacity),
      mine: mine.join(''),
      ...(event.outcome ? { outcome: event.outcome.text } : {}),
    });
    return [detail, ...outcomes].join('\n');
  },
};
