import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord } from './event-records.js';
import type { Notifier, Recipient } from '../notifier.js';
import { formatWhen, groupReminderText, memberReminderText } from './event-format.js';

/** 3 days, 1 day and 1 hour before the start. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [3 * 24 * 60, 24 * 60, 60];

/** The part of the outbox that withdraws notices not yet sent. */
export interface PendingNoticeCanceller {
  skipPendingByKeyPrefix(prefix: string, reason: string): Promise<number>;
}

/**
 * Idempotency keys. The schedule version changes whenever the event's time or audience changes,
 * so a reminder planned for the old time has a different key from its replacement and the old
 * one can be withdrawn by prefix. A member's reminders also carry the sign-up time, so signing
 * up again after cancelling gets fresh reminders instead of colliding with the withdrawn ones.
 *
 *   event-reminder:<eventId>:v<version>:group:<groupKey>:<offsetMinutes>
 *   event-reminder:<eventId>:v<version>:member:<memberId>:<signupMs>:<offsetMinutes>
 */
export const reminderKeys = {
  event: (eventId: string) => `event-reminder:${eventId}:`,
  version: (eventId: string, version: number) => `event-reminder:${eventId}:v${version}:`,
  group: (event: EventRecord, groupKey: string, offset: number) =>
    `${reminderKeys.version(event.id, event.scheduleVersion)}group:${groupKey}:${offset}`,
  signup: (event: EventRecord, signup: { memberId: string; at: Date }) =>
    `${reminderKeys.version(event.id, event.scheduleVersion)}member:${signup.memberId}:${signup.at.getTime()}:`,
};

export function offsetsOf(event: Pick<EventRecord, 'reminderOffsetsMinutes'>): readonly number[] {
  return event.reminderOffsetsMinutes?.length ? event.reminderOffsetsMinutes : DEFAULT_REMINDER_OFFSETS_MINUTES;
}

/** Events in these states still get reminders. */
const REMINDED_STATES: ReadonlyArray<EventRecord['state']> = ['planned', 'open', 'ongoing'];

/** Plans an event's reminders and notices and hands them to the outbox. */
export class EventReminders {
  constructor(
    private readonly notifier: Notifier,
    private readonly outbox: PendingNoticeCanceller,
    private readonly clock: Clock,
    private readonly t: Messages,
  ) {}

  /** The offsets whose send time is still ahead; a reminder planned for the past is never sent late. */
  private futureOffsets(event: EventRecord): number[] {
    const now = this.clock.now().getTime();
    return offsetsOf(event).filter((offset) => event.startAt.getTime() - offset * 60_000 > now);
  }

  private async remind(recipient: Recipient, text: string, key: string, event: EventRecord, offset: number): Promise<void> {
    await this.notifier.notify(
      recipient,
      { text, format: 'text' },
      { idempotencyKey: key, dueAt: new Date(event.startAt.getTime() - offset * 60_000), expiresAt: event.startAt },
    );
  }

  /** Enqueues every group and member reminder of the event's current schedule version. */
  async schedule(event: EventRecord): Promise<void> {
    if (!REMINDED_STATES.includes(event.state)) return;
    for (const offset of this.futureOffsets(event)) {
      for (const groupKey of event.targetGroups) {
        await this.remind(
          { kind: 'group', groupKey },
          groupReminderText(this.t, event, offset),
          reminderKeys.group(event, groupKey, offset),
          event,
          offset,
        );
      }
    }
    for (const signup of event.signups) await this.scheduleForSignup(event, signup);
  }

  /** 1:1 reminders for one sign-up, for the offsets still ahead. */
  async scheduleForSignup(event: EventRecord, signup: { memberId: string; at: Date }): Promise<void> {
    if (!REMINDED_STATES.includes(event.state)) return;
    for (const offset of this.futureOffsets(event)) {
      const key = `${reminderKeys.signup(event, signup)}${offset}`;
      await this.remind({ kind: 'member', memberId: signup.memberId }, memberReminderText(this.t, event, offset), key, event, offset);
    }
  }

  async withdrawForSignup(event: EventRecord, signup: { memberId: string; at: Date }): Promise<void> {
    await this.outbox.skipPendingByKeyPrefix(reminderKeys.signup(event, signup), 'sign-up cancelled');
  }

  /** Withdraws every reminder still pending for the event (all schedule versions). */
  async withdrawAll(event: EventRecord, reason: string): Promise<void> {
    await this.outbox.skipPendingByKeyPrefix(reminderKeys.event(event.id), reason);
  }

  /** Withdraws one schedule version's reminders (an update that lost a race to a newer one). */
  async withdrawVersion(event: EventRecord, reason: string): Promise<void> {
    await this.outbox.skipPendingByKeyPrefix(reminderKeys.version(event.id, event.scheduleVersion), reason);
  }

  private audience(event: EventRecord): Array<{ recipient: Recipient; key: string }> {
    return [
      ...event.targetGroups.map((groupKey) => ({ recipient: { kind: 'group', groupKey } as Recipient, key: `group:${groupKey}` })),
      ...event.signups.map((s) => ({ recipient: { kind: 'member', memberId: s.memberId } as Recipient, key: `member:${s.memberId}` })),
    ];
  }

  /** Tells the groups and everyone signed up that the event is cancelled (once). */
  async noticeCancelled(event: EventRecord): Promise<void> {
    if (event.endAt.getTime() <= this.clock.now().getTime()) return;
    const text = this.t.events.notices.cancelled(event.title, formatWhen(this.t, event));
    for (const { recipient, key } of this.audience(event)) {
      await this.notifier.notify(
        recipient,
        { text, format: 'text' },
        { idempotencyKey: `event-cancelled:${event.id}:${key}`, expiresAt: event.endAt },
      );
    }
  }

  /** Tells the groups and everyone signed up about a new time or place (once per schedule version). */
  async noticeRescheduled(event: EventRecord): Promise<void> {
    if (event.endAt.getTime() <= this.clock.now().getTime()) return;
    const text = this.t.events.notices.rescheduled(event.title, formatWhen(this.t, event), event.place);
    for (const { recipient, key } of this.audience(event)) {
      await this.notifier.notify(
        recipient,
        { text, format: 'text' },
        { idempotencyKey: `event-changed:${event.id}:v${event.scheduleVersion}:${key}`, expiresAt: event.endAt },
      );
    }
  }
}
