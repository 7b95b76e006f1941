import type { CommandSpec } from '../command.js';
import { beijingInstant } from '../../src/core/dates.js';
import { formatClock, formatSectors, formatShortDay } from '../../src/services/events/event-format.js';

/** 议事月: the current (or next) consultation month as a compact list: date, time, sectors, title. */
export const programmeCommand: CommandSpec = {
  id: 'event-programme',
  name: '议事月',
  aliases: ['协商议事月', '界别协商议事月', '议事月安排', 'programme'],
  minRole: 'guest',
  readOnly: true,
  args: [],
  texts: (t) => t.events.commands.programme,
  handler: async (ctx) => {
    const t = ctx.t.events.programme;
    const current = await ctx.services.events.programmes.currentProgramme();
    if (!current) return t.none;
    const { programme, events } = current;
    const period = t.period(
      formatShortDay(ctx.t, beijingInstant(programme.startDate)),
      formatShortDay(ctx.t, beijingInstant(programme.endDate)),
    );
    const lines = events
      .filter((event) => event.state !== 'cancelled')
      .map((event) =>
        t.line(
          formatShortDay(ctx.t, event.startAt),
          formatClock(event.startAt),
          formatSectors(ctx.t, event.sectors),
          event.title,
          event.number,
        ),
      );
    return [t.header(programme.title, period), ...(lines.length > 0 ? lines : [t.empty]), ...(lines.length > 0 ? [t.footer] : [])].join(
      '\n',
    );
  },
};
