// The consultation month's own model: events, their states, outcomes and programmes, and the
// repositories the event services need. Storage (src/storage/mongo/event-model.ts) builds its
// schemas from these.

export const EVENT_STATES = ['planned', 'open', 'ongoing', 'done', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/**
 * An event of the consultation month (a themed consultation, salon or alliance meeting), with
 * optional fields absent rather than null, and its sign-ups and attendance.
 *
 * @example
 * const seatsLeft = event.capacity === undefined ? Infinity : event.capacity - event.signups.length;
 */
export interface EventRecord {
  id: string;
  /** The short number people type: 报名 7. */
  number: number;
  programmeId?: string;
  title: string;
  theme?: string;
  sectors: string[];
  startAt: Date;
  endAt: Date;
  place: string;
  organiser?: string;
  /** Group keys that get reminders: sector names or 'staff'. */
  targetGroups: string[];
  /** Member ids invited by name. */
  invitees: string[];
  /** Absent: no limit. */
  capacity?: number;
  state: EventState;
  /** Per-event reminder offsets; absent means the default (3 days, 1 day, 1 hour). */
  reminderOffsetsMinutes?: number[];
  /** Bumped whenever the reminder schedule changes; part of every reminder's idempotency key. */
  scheduleVersion: number;
  signups: Array<{ memberId: string; at: Date }>;
  attendance: Array<{ memberId: string; at: Date }>;
  outcome?: EventOutcome;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventOutcome {
  text: string;
  recordedAt: Date;
  /** Member id of the convenor or staff who recorded it. */
  recordedBy: string;
  /** Escalated opinions the meeting discussed (MY-2026-000123). */
  opinionNumbers: string[];
}

export type NewEvent = Pick<EventRecord, 'title' | 'sectors' | 'startAt' | 'endAt' | 'place' | 'targetGroups' | 'invitees' | 'state'> &
  Partial<Pick<EventRecord, 'programmeId' | 'theme' | 'organiser' | 'capacity' | 'reminderOffsetsMinutes'>>;

/** Fields an update may change; `null` clears an optional one. */
export type EventChanges = Partial<Omit<NewEvent, 'capacity' | 'reminderOffsetsMinutes' | 'programmeId' | 'theme' | 'organiser'>> & {
  capacity?: number | null;
  reminderOffsetsMinutes?: number[] | null;
  programmeId?: string | null;
  theme?: string | null;
  organiser?: string | null;
};

export interface EventFilter {
  /** Starts at or after. */
  from?: Date;
  /** Starts before. */
  to?: Date;
  sector?: string;
  programmeId?: string;
  states?: EventState[];
  limit?: number;
}

/** Why a sign-up or check-in changed nothing. */
export type AttendanceResult =
  { status: 'ok'; event: EventRecord } | { status: 'already' } | { status: 'full' } | { status: 'closed' } | { status: 'missing' };

/**
 * Where events are kept (implemented in src/storage/mongo/event-repository.ts). Sign-ups and check-ins are documents guarded by unique indexes (one per
 * person, one per seat), so concurrent requests never exceed the capacity nor count anyone twice.
 *
 * @example
 * const event = await events.create({ title: '专题协商', sectors: ['工会'], … });
 * const result = await events.addSignup(event.id, memberId, now); // { status: 'ok' | 'full' | … }
 */
export interface EventRepository {
  create(event: NewEvent): Promise<EventRecord>;
  findById(id: string): Promise<EventRecord | null>;
  findByNumber(number: number): Promise<EventRecord | null>;
  list(filter?: EventFilter): Promise<EventRecord[]>;
  /** `bumpSchedule` increments scheduleVersion in the same update. */
  update(
    id: string,
    changes: EventChanges,
    options?: { bumpSchedule?: boolean },
  ): Promise<{ status: 'ok'; event: EventRecord } | { status: 'missing' } | { status: 'capacity_below_signups' }>;
  addSignup(id: string, memberId: string, at: Date): Promise<AttendanceResult>;
  removeSignup(
    id: string,
    memberId: string,
  ): Promise<
    { status: 'ok'; event: EventRecord; signup: { memberId: string; at: Date } } | { status: 'not_signed_up' } | { status: 'missing' }
  >;
  addAttendance(id: string, memberId: string, at: Date): Promise<AttendanceResult>;
  setOutcome(id: string, outcome: EventOutcome): Promise<EventRecord | null>;
  /** Check-ins of one member (for the performance record), earliest first. */
  attendanceOf(memberId: string, range?: { from?: Date; to?: Date }): Promise<Array<{ eventId: string; at: Date }>>;
}

export const PROGRAMME_STATES = ['active', 'cancelled'] as const;
/** `cancelled`: kept on record, but no longer the current programme nor open to new events. */
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];

/** A programme such as a consultation month: a named period that groups events. */
export interface ProgrammeRecord {
  id: string;
  title: string;
  /** Records stored before programmes had a state read as `active`. */
  state: ProgrammeState;
  /** First and last Beijing dates of the period, `YYYY-MM-DD`, inclusive. */
  startDate: string;
  endDate: string;
  description?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewProgramme = Pick<ProgrammeRecord, 'title' | 'startDate' | 'endDate'> & Partial<Pick<ProgrammeRecord, 'description'>>;

/** Fields an update may change; `null` clears the description. */
export type ProgrammeChanges = Partial<Omit<NewProgramme, 'description'>> & { description?: string | null; state?: ProgrammeState };

/**
 * Where programmes (consultation months) are kept (implemented in src/storage/mongo/programme-repository.ts).
 *
 * @example
 * const month = await programmes.create({ title: '2025年界别协商议事月', startDate: '2025-09-01', endDate: '2025-09-30' });
 * const current = await programmes.findCovering('2025-09-24');
 */
export interface ProgrammeRepository {
  create(programme: NewProgramme): Promise<ProgrammeRecord>;
  findById(id: string): Promise<ProgrammeRecord | null>;
  /** Every programme, cancelled ones too, earliest first. */
  list(): Promise<ProgrammeRecord[]>;
  /** Programmes whose period contains the date, cancelled ones too, latest start first. */
  findCovering(date: string): Promise<ProgrammeRecord[]>;
  update(id: string, changes: ProgrammeChanges): Promise<ProgrammeRecord | null>;
}
