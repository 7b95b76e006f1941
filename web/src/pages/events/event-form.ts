import { beijingDateTime } from '../../format';
import type { EventInput, EventItem, EventState } from './events-api';

/** The event form's fields as typed: times as Beijing wall-clock `YYYY-MM-DDTHH:mm` (a datetime-local input). */
export interface EventFormValues {
  title: string;
  theme: string;
  programmeId: string;
  sectors: string[];
  startAt: string;
  endAt: string;
  place: string;
  organiser: string;
  capacity: number | null;
  targetGroups: string[];
  state: EventState;
}

/** `2026-03-10T14:30` (Beijing) from an instant, whatever the browser's own zone. */
export function toBeijingInput(value: string | undefined): string {
  return value ? beijingDateTime(value).replace(' ', 'T') : '';
}

/** `2026-03-10T14:30:00+08:00` from a Beijing wall-clock `2026-03-10T14:30`; '' when empty. */
export function fromBeijingInput(value: string): string {
  if (!value) return '';
  return `${value.length === 16 ? `${value}:00` : value.slice(0, 19)}+08:00`;
}

export function emptyEventForm(): EventFormValues {
  return {
    title: '',
    theme: '',
    programmeId: '',
    sectors: [],
    startAt: '',
    endAt: '',
    place: '',
    organiser: '',
    capacity: null,
    targetGroups: [],
    state: 'open',
  };
}

export function formOf(event: EventItem): EventFormValues {
  return {
    title: event.title,
    theme: event.theme ?? '',
    programmeId: event.programmeId ?? '',
    sectors: [...event.sectors],
    startAt: toBeijingInput(event.startAt),
    endAt: toBeijingInput(event.endAt),
    place: event.place,
    organiser: event.organiser ?? '',
    capacity: event.capacity ?? null,
    targetGroups: [...event.targetGroups],
    state: event.state,
  };
}

/** The fields every required control must have before the form may be sent (the server checks the rest). */
export const isComplete = (form: EventFormValues) =>
  form.title.trim() !== '' && form.sectors.length > 0 && form.startAt !== '' && form.endAt !== '' && form.place.trim() !== '';

/** The body of POST /api/events: empty optional fields left out; no target groups → the server tells the sectors. */
export function createBody(form: EventFormValues): EventInput {
  return {
    title: form.title.trim(),
    sectors: form.sectors,
    startAt: fromBeijingInput(form.startAt),
    endAt: fromBeijingInput(form.endAt),
    place: form.place.trim(),
    state: form.state,
    ...(form.theme.trim() ? { theme: form.theme.trim() } : {}),
    ...(form.organiser.trim() ? { organiser: form.organiser.trim() } : {}),
    ...(form.capacity ? { capacity: form.capacity } : {}),
    ...(form.programmeId ? { programmeId: form.programmeId } : {}),
    ...(form.targetGroups.length ? { targetGroups: form.targetGroups } : {}),
  };
}

/** The body of PATCH /api/events/:ref: every field, emptied optional ones as null (the server changes only what differs). */
export function patchBody(form: EventFormValues, before: EventItem): Partial<EventInput> {
  return {
    title: form.title.trim(),
    sectors: form.sectors,
    startAt: fromBeijingInput(form.startAt),
    endAt: fromBeijingInput(form.endAt),
    place: form.place.trim(),
    theme: form.theme.trim() || null,
    organiser: form.organiser.trim() || null,
    capacity: form.capacity || null,
    programmeId: form.programmeId || null,
    targetGroups: form.targetGroups,
    ...(form.state !== before.state ? { state: form.state } : {}),
  };
}

/** A phone-sized screen (WeCom's and DingTalk's built-in browsers): dialogs and drawers take the whole width. */
export const isNarrow = (): boolean => globalThis.matchMedia?.('(max-width: 768px)').matches ?? false;
