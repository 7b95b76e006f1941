import type { CommandSpec } from '../command.js';
import { readDatePhrase } from '../../src/core/date-phrases.js';
import { addDays, beijingInstant } from '../../src/core/dates.js';
import { eventLine } from './shared.js';

const UPCOMING_LIMIT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 活动 [本周|本月|界别]: upcoming events, a week's or month's, or one sector's. */
export const eventsCommand: CommandSpec = {
  id: 'events',
  name: '活动',
  aliases: ['活动列表', '活动安排', 'events'],
  minRole: 'guest',
  readOnly: true,
  args: [{ name: 'filter', kind: 'word', required: false }],
  texts: (t) => t.events.commands.list,
  handler: async (ctx) => {
    const t = ctx.t.events.list;
    const now = ctx.clock.now();
    const filter = ctx.args.filter;
    const catalog = ctx.services.events.catalog;
    let title: string;
    let emptyLabel: string;
    let events;
    const range = filter ? readDatePhrase(filter, now) : null;
    if (!filter) {
      title = t.upcomingTitle;
      emptyLabel = t.upcomingLabel;
      // Started events stay listed until they end (a check-in may still be due).
      events = (await catalog.listEvents({ from: new Date(now.getTime() - DAY_MS) }))
        .filter((e) => e.endAt >= now && e.state !== 'cancelled')
        .slice(0, UPCOMING_LIMIT);
    } else if (range) {
      title = t.rangeTitle(filter);
      emptyLabel = filter;
      events = await catalog.listEvents({ from: beijingInstant(range.from), to: beijingInstant(addDays(range.to, 1)) });
    } else {
      title = t.sectorTitle(filter);
      emptyLabel = title.replace(/[:：]$/, '');
      events = (await catalog.listEvents({ sector: filter, from: new Date(now.getTime() - DAY_MS) }))
        .filter((e) => e.endAt >= now)
        .slice(0, UPCOMING_LIMIT);
    }
    if (events.length === 0) return t.empty(emptyLabel);
    return [title, ...events.map((event) => eventLine(ctx, event)), t.footer].join('\n');
  },
};
