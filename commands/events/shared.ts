import type { ArgPrompt, CommandContext } from '../command.js';
import { YishiError } from '../../src/core/errors.js';
import { effectiveState, formatMoment, formatSectors } from '../../src/services/events/event-format.js';
import type { Messages } from '../../src/i18n/messages.js';
import type { EventRecord } from '../../src/services/events/event-records.js';

/** The asker's member id, or a friendly refusal (events are for registered members). */
export function requireMemberId(ctx: CommandContext): string {
  if (!ctx.actor.memberId) throw new YishiError('event_not_member', { userMessage: ctx.t.events.notMember });
  return ctx.actor.memberId;
}

/** One line of an event list: number, start, title, sectors and (unless open) its state. */
export function eventLine(ctx: CommandContext, event: EventRecord): string {
  const state = effectiveState(event, ctx.clock.now());
  const label = state === 'open' ? '' : (ctx.t.events.states[state] ?? state);
  return ctx.t.events.list.line(event.number, formatMoment(ctx.t, event.startAt), event.title, formatSectors(ctx.t, event.sectors), label);
}

/**
 * A guided-dialogue prompt listing the events that `fits` accepts, soonest first, so a person
 * who typed only 报名 or 签到 can pick one by its list number.
 */
export function eventPrompt(ask: (t: Messages) => string, fits: (event: EventRecord, now: Date) => boolean): ArgPrompt {
  return {
    ask: (t) => ask(t),
    choices: async (ctx) => {
      const now = ctx.clock.now();
      const events = await ctx.services.events.catalog.listEvents({ from: new Date(now.getTime() - 24 * 60 * 60 * 1000), limit: 50 });
      return events
        .filter((event) => fits(event, now))
        .slice(0, 9)
        .map((event) => ({
          label: ctx.t.events.ask.choice(event.number, formatMoment(ctx.t, event.startAt), event.title),
          value: String(event.number),
        }));
    },
  };
}
