import { beijingDate, beijingTimeOfDay, weekdayOf } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord } from './event-records.js';

/** How events read in chat and in notices, in Beijing time. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 14:30 */
export function formatClock(at: Date): string {
  const { hour, minute } = beijingTimeOfDay(at);
  return `${pad(hour)}:${pad(minute)}`;
}

/** 9月24日（周三） */
export function formatDay(t: Messages, at: Date): string {
  const date = beijingDate(at);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return t.events.day(month, day, t.events.weekdays[weekdayOf(date) - 1]!);
}

/** 9月24日（周三）14:30–16:30; a second date appears only when the event runs past midnight. */
export function formatWhen(t: Messages, event: Pick<EventRecord, 'startAt' | 'endAt'>): string {
  const sameDay = beijingDate(event.startAt) === beijingDate(event.endAt);
  const end = sameDay ? formatClock(event.endAt) : `${formatDay(t, event.endAt)}${formatClock(event.endAt)}`;
  return t.events.timeRange(formatDay(t, event.startAt), formatClock(event.startAt), end);
}

/** 3月5日（周四）14:30 */
export function formatMoment(t: Messages, at: Date): string {
  return `${formatDay(t, at)}${formatClock(at)}`;
}

export function formatSectors(t: Messages, sectors: string[]): string {
  return sectors.join(t.events.listSeparator);
}

/**
 * The state a person should see: a planned or open event whose time has come reads as
 * "in progress", and one whose end has passed as "finished", whatever staff last stored.
 */
export function effectiveState(event: Pick<EventRecord, 'state' | 'startAt' | 'endAt'>, now: Date): EventRecord['state'] {
  if (event.state !== 'planned' && event.state !== 'open' && event.state !== 'ongoing') return event.state;
  if (now.getTime() >= event.endAt.getTime()) return 'done';
  if (now.getTime() >= event.startAt.getTime()) return 'ongoing';
  return event.state;
}

/** "明天", "3天后", "1小时后" for a reminder sent `offsetMinutes` before the start. */
export function describeOffset(t: Messages, offsetMinutes: number): string {
  if (offsetMinutes % 1440 === 0) return t.events.reminder.inDays(offsetMinutes / 1440);
  if (offsetMinutes % 60 === 0) return t.events.reminder.inHours(offsetMinutes / 60);
  return t.events.reminder.inMinutes(offsetMinutes);
}

/** The text a group receives `offsetMinutes` before the event. */
export function groupReminderText(t: Messages, event: EventRecord, offsetMinutes: number): string {
  return `${t.events.reminder.lead(describeOffset(t, offsetMinutes))}\n${t.events.reminder.body({
    title: event.title,
    when: formatWhen(t, event),
    place: event.place,
    sectors: formatSectors(t, event.sectors),
    number: event.number,
  })}`;
}

/** The text a signed-up member receives 1:1 `offsetMinutes` before the event. */
export function memberReminderText(t: Messages, event: EventRecord, offsetMinutes: number): string {
  return `${t.events.reminder.lead(describeOffset(t, offsetMinutes))}\n${t.events.reminder.memberBody({
    title: event.title,
    when: formatWhen(t, event),
    place: event.place,
    number: event.number,
  })}`;
}

/** 9月24日, for compact lists. */
export function formatShortDay(t: Messages, at: Date): string {
  const [, month, day] = beijingDate(at).split('-').map(Number) as [number, number, number];
  return t.events.shortDay(month, day);
}
