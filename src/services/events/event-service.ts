import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventChanges, EventFilter, EventRecord, EventRepository, NewEvent } from './event-records.js';
import type { MemberRepository } from '../members/member-records.js';
import type { ProgrammeRepository } from './event-records.js';
import type { Notifier } from '../notifier.js';
import { EventReminders, type PendingNoticeCanceller } from './event-reminders.js';

/** What staff give to create an event; target groups default to the event's sectors. */
export type EventInput = Omit<NewEvent, 'targetGroups' | 'invitees' | 'state'> &
  Partial<Pick<NewEvent, 'targetGroups' | 'invitees' | 'state'>>;

export interface EventServiceDeps {
  events: EventRepository;
  programmes: ProgrammeRepository;
  members: MemberRepository;
  notifier: Notifier;
  outbox: PendingNoticeCanceller;
  clock: Clock;
  messages: Messages;
}

/** Changes that alter what a reminder says or when and to whom it goes. */
const SCHEDULE_FIELDS = ['startAt', 'endAt', 'place', 'title', 'sectors', 'targetGroups', 'reminderOffsetsMinutes', 'state'] as const;
const NOTICE_FIELDS = ['startAt', 'endAt', 'place'] as const;

/**
 * Reads an event number as people type it: `7`, `７`, `7号`, `HD7`, `HD-7`.
 *
 * @example
 * parseEventNumber('HD-7'); // 7
 */
export function parseEventNumber(text: string): number | null {
  const match = /^(?:hd-?|第)?(\d{1,6})号?$/i.exec(text.normalize('NFKC').trim());
  return match ? Number(match[1]) : null;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The events of the consultation month: creating, changing and cancelling them, and keeping
 * their reminders in the outbox in step. Sign-up, check-in and outcomes live in
 * {@link EventAttendance}, which shares the lookups here.
 */
export class EventService {
  readonly reminders: EventReminders;

  constructor(protected readonly deps: EventServiceDeps) {
    this.reminders = new EventReminders(deps.notifier, deps.outbox, deps.clock, deps.messages);
  }

  protected get t(): Messages {
    return this.deps.messages;
  }

  /** An event by number (as typed) or id; a clear error otherwise. */
  async findEvent(ref: string): Promise<EventRecord> {
    // The repository answers null for anything that is not one of its ids.
    const byId = await this.deps.events.findById(ref);
    if (byId) return byId;
    const number = parseEventNumber(ref);
    if (number === null) throw new YishiError('event_number_invalid', { status: 400, userMessage: this.t.events.notANumber(ref) });
    const event = await this.deps.events.findByNumber(number);
    if (!event) throw new YishiError('event_not_found', { status: 404, userMessage: this.t.events.notFound(String(number)) });
    return event;
  }

  listEvents(filter: EventFilter = {}): Promise<EventRecord[]> {
    return this.deps.events.list(filter);
  }

  private async assertReferences(
    input: { startAt?: Date; endAt?: Date; programmeId?: string | null; invitees?: string[] },
    current?: EventRecord,
  ): Promise<void> {
    const startAt = input.startAt ?? current?.startAt;
    const endAt = input.endAt ?? current?.endAt;
    if (startAt && endAt && endAt.getTime() <= startAt.getTime())
      throw new YishiError('event_time_invalid', { status: 400, userMessage: this.t.events.errors.endBeforeStart });
    const programme = input.programmeId ? await this.deps.programmes.findById(input.programmeId) : null;
    if (input.programmeId && !programme)
      throw new YishiError('programme_not_found', { status: 400, userMessage: this.t.events.errors.programmeNotFound(input.programmeId) });
    if (programme?.state === 'cancelled' && programme.id !== current?.programmeId)
      throw new YishiError('programme_cancelled', { status: 409, userMessage: this.t.events.errors.programmeCancelled(programme.title) });
    for (const memberId of input.invitees ?? []) {
      if (!(await this.deps.members.findById(memberId)))
        throw new YishiError('member_not_found', { status: 400, userMessage: this.t.events.errors.memberNotFound(memberId) });
    }
  }

  /** Stores the event and enqueues its reminders. */
  async createEvent(input: EventInput): Promise<EventRecord> {
    await this.assertReferences(input);
    const event = await this.deps.events.create({
      ...input,
      targetGroups: input.targetGroups ?? [...input.sectors],
      invitees: input.invitees ?? [],
      state: input.state ?? 'open',
    });
    await this.reminders.schedule(event);
    return event;
  }

  /**
   * Applies changes. When the time, place, audience or offsets change, the reminders of the old
   * schedule are withdrawn from the outbox before the new ones are enqueued, and people already
   * told about the event hear about a new time or place.
   */
  async updateEvent(ref: string, changes: EventChanges): Promise<EventRecord> {
    const current = await this.findEvent(ref);
    if (current.state === 'cancelled')
      throw new YishiError('event_cancelled', { status: 409, userMessage: this.t.events.errors.alreadyCancelled(current.title) });
    if (changes.state === 'cancelled') return this.cancelEvent(current.id);
    await this.assertReferences(changes, current);
    const record = current as unknown as Record<string, unknown>;
    const touched = (fields: readonly string[]) =>
      fields.some(
        (f) => (changes as Record<string, unknown>)[f] !== undefined && !sameValue((changes as Record<string, unknown>)[f], record[f]),
      );
    const bumpSchedule = touched(SCHEDULE_FIELDS);
    const result = await this.deps.events.update(current.id, changes, { bumpSchedule });
    if (result.status === 'missing')
      throw new YishiError('event_not_found', { status: 404, userMessage: this.t.events.notFound(String(current.number)) });
    if (result.status === 'capacity_below_signups') {
      throw new YishiError('capacity_below_signups', {
        status: 409,
        userMessage: this.t.events.errors.capacityBelowSignups(current.signups.length),
      });
    }
    const updated = result.event;
    if (bumpSchedule) {
      await this.reminders.withdrawAll(updated, `superseded by schedule v${updated.scheduleVersion}`);
      await this.reminders.schedule(updated);
      // Another update may have bumped the version meanwhile: then our reminders are stale too.
      const latest = await this.deps.events.findById(updated.id);
      if (latest && latest.scheduleVersion !== updated.scheduleVersion)
        await this.reminders.withdrawVersion(updated, `superseded by schedule v${latest.scheduleVersion}`);
      if (touched(NOTICE_FIELDS)) await this.reminders.noticeRescheduled(updated);
    }
    return updated;
  }

  /** Cancels the event: nothing more is sent for it except the cancellation notice. */
  async cancelEvent(ref: string): Promise<EventRecord> {
    const current = await this.findEvent(ref);
    if (current.state === 'cancelled') return current;
    const result = await this.deps.events.update(current.id, { state: 'cancelled' }, { bumpSchedule: true });
    if (result.status !== 'ok')
      throw new YishiError('event_not_found', { status: 404, userMessage: this.t.events.notFound(String(current.number)) });
    await this.reminders.withdrawAll(result.event, 'event cancelled');
    await this.reminders.noticeCancelled(result.event);
    return result.event;
  }
}
