import type { ActivityLedger } from '../records/activity-ledger.js';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { findOpinionNumbers } from '../../core/opinion-number.js';
import { hasRole, type Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord, EventRepository } from './event-records.js';
import { formatMoment } from './event-format.js';
import type { EventService } from './event-service.js';

/** Check-in opens this long before the start and stays open until the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60 * 1000;

/**
 * What the opinions side offers for a meeting's outcome: escalated opinions it discussed become
 * resolved with the outcome, and their filers are told. Optional until the opinions service
 * provides it; without it the links are only stored on the event.
 */
export interface MeetingOutcomeResolver {
  resolveFromMeeting(input: {
    opinionNumbers: string[];
    outcome: string;
    eventNumber: number;
    eventTitle: string;
    actor: Actor;
  }): Promise<{ resolved: string[]; notEscalated: string[]; notFound?: string[] }>;
}

/**
 * The opinions service as a {@link MeetingOutcomeResolver}, once it offers `resolveFromMeeting`;
 * undefined until then (outcomes then only store their links).
 */
export function meetingResolverOf(opinions: unknown): MeetingOutcomeResolver | undefined {
  const candidate = opinions as Partial<MeetingOutcomeResolver> | undefined;
  return typeof candidate?.resolveFromMeeting === 'function' ? (candidate as MeetingOutcomeResolver) : undefined;
}

/** The opinions an outcome links: those linked before, those picked, and the numbers written in its text. */
function linkedOpinions(event: EventRecord, text: string, opinionNumbers: string[]): string[] {
  return [...new Set([...(event.outcome?.opinionNumbers ?? []), ...opinionNumbers, ...findOpinionNumbers(text)])];
}

export interface OutcomeResult {
  event: EventRecord;
  /** True when an earlier outcome was replaced. */
  replaced: boolean;
  /** Opinion numbers the outcome was linked to. */
  linked: string[];
  /** Of those, the ones the opinions side resolved (empty when it is not available). */
  resolved: string[];
  notEscalated: string[];
  /** Numbers no opinion has (typos): stored as links, nothing else happened. */
  notFound: string[];
  /** False when no resolver was available and the links were only stored. */
  resolverAvailable: boolean;
}

/** Signing up, withdrawing, checking in and recording outcomes. */
export class EventAttendance {
  constructor(
    private readonly catalog: EventService,
    private readonly deps: {
      events: EventRepository;
      clock: Clock;
      messages: Messages;
      opinions?: () => MeetingOutcomeResolver | undefined;
      /** 履职台账: attendance counts in the member's record (issue 9). */
      ledger?: Pick<ActivityLedger, 'eventAttended'>;
    },
  ) {}

  private get t() {
    return this.deps.messages.events;
  }

  /** Signs the member up if seats are left; the 1:1 reminders still ahead are enqueued. */
  async signUp(ref: string, memberId: string): Promise<EventRecord> {
    const event = await this.catalog.findEvent(ref);
    const now = this.deps.clock.now().getTime();
    const refuse = (code: string, userMessage: string) => new YishiError(code, { status: 409, userMessage });
    if (event.state === 'cancelled') throw refuse('event_cancelled', this.t.signUp.cancelled(event.title));
    if (event.signups.some((s) => s.memberId === memberId)) {
      // Enqueueing is idempotent: a sign-up whose reminders were lost to a crash gets them now.
      await this.catalog.reminders.scheduleForSignup(
        event,
        event.signups.find((s) => s.memberId === memberId)!,
      );
      throw refuse('event_already_signed_up', this.t.signUp.already(event.number, event.title));
    }
    if (now >= event.endAt.getTime() || event.state === 'done') throw refuse('event_signup_closed', this.t.signUp.ended(event.title));
    if (now >= event.startAt.getTime()) throw refuse('event_signup_closed', this.t.signUp.started(event.number, event.title));
    if (event.state === 'planned') throw refuse('event_signup_closed', this.t.signUp.notOpen(event.title));

    const result = await this.deps.events.addSignup(event.id, memberId, this.deps.clock.now());
    switch (result.status) {
      case 'ok': {
        const signup = result.event.signups.find((s) => s.memberId === memberId)!;
        await this.catalog.reminders.scheduleForSignup(result.event, signup);
        return result.event;
      }
      case 'already':
        throw refuse('event_already_signed_up', this.t.signUp.already(event.number, event.title));
      case 'full':
        throw refuse('event_full', this.t.signUp.full(event.title, event.capacity ?? 0));
      case 'missing':
        throw new YishiError('event_not_found', { status: 404, userMessage: this.t.notFound(String(event.number)) });
      default:
        throw refuse('event_signup_closed', this.t.signUp.cancelled(event.title));
    }
  }

  /** Withdraws a sign-up before the start; its pending 1:1 reminders are withdrawn too. */
  async cancelSignUp(ref: string, memberId: string): Promise<EventRecord> {
    const event = await this.catalog.findEvent(ref);
    if (!event.signups.some((s) => s.memberId === memberId)) {
      throw new YishiError('event_not_signed_up', { status: 409, userMessage: this.t.cancelSignUp.notSignedUp(event.number, event.title) });
    }
    if (this.deps.clock.now().getTime() >= event.startAt.getTime() && event.state !== 'cancelled') {
      throw new YishiError('event_signup_locked', { status: 409, userMessage: this.t.cancelSignUp.started(event.title) });
    }
    const result = await this.deps.events.removeSignup(event.id, memberId);
    if (result.status === 'not_signed_up')
      throw new YishiError('event_not_signed_up', { status: 409, userMessage: this.t.cancelSignUp.notSignedUp(event.number, event.title) });
    if (result.status === 'missing')
      throw new YishiError('event_not_found', { status: 404, userMessage: this.t.notFound(String(event.number)) });
    await this.catalog.reminders.withdrawForSignup(result.event, result.signup);
    return result.event;
  }

  /** Records attendance, from 30 minutes before the start until the end. */
  async checkIn(ref: string, memberId: string): Promise<{ event: EventRecord; at: Date }> {
    const event = await this.catalog.findEvent(ref);
    const now = this.deps.clock.now();
    const refuse = (code: string, userMessage: string) => new YishiError(code, { status: 409, userMessage });
    const earlier = event.attendance.find((a) => a.memberId === memberId);
    if (earlier)
      throw refuse('event_already_checked_in', this.t.checkIn.already(event.title, formatMoment(this.deps.messages, earlier.at)));
    if (event.state === 'cancelled') throw refuse('event_cancelled', this.t.checkIn.cancelled(event.title));
    const opensAt = new Date(event.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS);
    if (now.getTime() < opensAt.getTime())
      throw refuse('event_check_in_not_open', this.t.checkIn.tooEarly(event.title, formatMoment(this.deps.messages, opensAt)));
    if (now.getTime() > event.endAt.getTime()) throw refuse('event_check_in_closed', this.t.checkIn.ended(event.title));

    const result = await this.deps.events.addAttendance(event.id, memberId, now);
    if (result.status === 'ok') {
      await this.deps.ledger?.eventAttended(result.event, memberId, now); // 履职台账
      return { event: result.event, at: now };
    }
    if (result.status === 'already') {
      const latest = await this.catalog.findEvent(event.id);
      const at = latest.attendance.find((a) => a.memberId === memberId)?.at ?? now;
      throw refuse('event_already_checked_in', this.t.checkIn.already(event.title, formatMoment(this.deps.messages, at)));
    }
    if (result.status === 'missing')
      throw new YishiError('event_not_found', { status: 404, userMessage: this.t.notFound(String(event.number)) });
    throw refuse('event_cancelled', this.t.checkIn.cancelled(event.title));
  }

  /** True for staff, and for a convenor of one of the event's sectors. */
  mayRecordOutcome(actor: Actor, event: EventRecord): boolean {
    if (hasRole(actor.role, 'staff')) return true;
    return actor.isConvenor === true && actor.sector !== undefined && event.sectors.includes(actor.sector);
  }

  /** The checks 活动结果 makes and the opinions it would link, changing nothing (for the confirmation). */
  async checkOutcome(
    ref: string,
    actor: Actor,
    text: string,
    opinionNumbers: string[] = [],
  ): Promise<{ event: EventRecord; linked: string[] }> {
    const event = await this.outcomeEvent(ref, actor);
    return { event, linked: linkedOpinions(event, text, opinionNumbers) };
  }

  private async outcomeEvent(ref: string, actor: Actor): Promise<EventRecord> {
    const event = await this.catalog.findEvent(ref);
    if (!this.mayRecordOutcome(actor, event))
      throw new YishiError('outcome_not_allowed', { status: 403, userMessage: this.t.outcome.notAllowed });
    if (event.state === 'cancelled')
      throw new YishiError('event_cancelled', { status: 409, userMessage: this.t.outcome.cancelled(event.title) });
    if (this.deps.clock.now().getTime() < event.startAt.getTime())
      throw new YishiError('event_not_started', { status: 409, userMessage: this.t.outcome.notStarted(event.title) });
    return event;
  }

  /**
   * Records the meeting's outcome and links the escalated opinions it discussed; when the
   * opinions side offers {@link MeetingOutcomeResolver}, they are resolved with this outcome.
   */
  async recordOutcome(ref: string, actor: Actor, text: string, opinionNumbers: string[] = []): Promise<OutcomeResult> {
    const event = await this.outcomeEvent(ref, actor);
    const linked = linkedOpinions(event, text, opinionNumbers);
    const stored = await this.deps.events.setOutcome(event.id, {
      text,
      recordedAt: this.deps.clock.now(),
      recordedBy: actor.memberId ?? actor.platformUserId,
      opinionNumbers: linked,
    });
    if (!stored) throw new YishiError('event_not_found', { status: 404, userMessage: this.t.notFound(String(event.number)) });
    await this.catalog.reminders.withdrawAll(stored, 'event done');

    // Every link goes to the resolver, earlier ones too: it counts those this meeting already
    // resolved as resolved (sending nothing twice), and picks up any escalated since.
    const resolver = this.deps.opinions?.();
    let report: { resolved: string[]; notEscalated: string[]; notFound?: string[] } = { resolved: [], notEscalated: [] };
    if (resolver && linked.length > 0) {
      report = await resolver.resolveFromMeeting({
        opinionNumbers: linked,
        outcome: text,
        eventNumber: event.number,
        eventTitle: event.title,
        actor,
      });
    }
    const { resolved, notEscalated, notFound = [] } = report;
    return {
      event: stored,
      replaced: event.outcome !== undefined,
      linked,
      resolved,
      notEscalated,
      notFound,
      resolverAvailable: resolver !== undefined,
    };
  }
}
