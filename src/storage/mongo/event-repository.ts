import type { Connection, Model } from 'mongoose';
import {
  eventAttendanceModel,
  eventModel,
  eventSignupModel,
  type EventAttendanceDocument,
  type EventDocument,
  type EventSignupDocument,
} from './event-model.js';
import { isDuplicateKeyError } from './duplicate-key.js';
import { placeSignup, reseat } from './event-seats.js';
import { isObjectId } from './object-id.js';
import type {
  AttendanceResult,
  EventChanges,
  EventFilter,
  EventOutcome,
  EventRecord,
  EventRepository,
  EventState,
  NewEvent,
} from '../../services/events/event-records.js';

type People = Array<{ memberId: string; at: Date }>;

function toRecord(doc: EventDocument, signups: People, attendance: People): EventRecord {
  return {
    id: doc._id.toHexString(),
    number: doc.number,
    ...(doc.programmeId ? { programmeId: doc.programmeId } : {}),
    title: doc.title,
    ...(doc.theme ? { theme: doc.theme } : {}),
    sectors: [...doc.sectors],
    startAt: doc.startAt,
    endAt: doc.endAt,
    place: doc.place,
    ...(doc.organiser ? { organiser: doc.organiser } : {}),
    targetGroups: [...doc.targetGroups],
    invitees: [...doc.invitees],
    ...(typeof doc.capacity === 'number' ? { capacity: doc.capacity } : {}),
    state: doc.state,
    ...(doc.reminderOffsetsMinutes?.length ? { reminderOffsetsMinutes: [...doc.reminderOffsetsMinutes] } : {}),
    scheduleVersion: doc.scheduleVersion,
    signups,
    attendance,
    ...(doc.outcome ? { outcome: { ...doc.outcome, opinionNumbers: [...(doc.outcome.opinionNumbers ?? [])] } } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();
const person = (d: { memberId: string; at: Date }) => ({ memberId: d.memberId, at: d.at });

// 'planned' events are announced but not yet open for sign-up.
const OPEN_FOR_SIGNUP: EventState[] = ['open'];
const RETRIES = 8;

export class MongoEventRepository implements EventRepository {
  private readonly model: Model<EventDocument>;
  private readonly signups: Model<EventSignupDocument>;
  private readonly attendance: Model<EventAttendanceDocument>;

  constructor(connection: Connection) {
    this.model = eventModel(connection);
    this.signups = eventSignupModel(connection);
    this.attendance = eventAttendanceModel(connection);
  }

  /** Events with their sign-ups and check-ins (two extra queries for any number of events). */
  private async hydrate(docs: EventDocument[]): Promise<EventRecord[]> {
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d._id.toHexString());
    const [signups, attendance] = await Promise.all([
      this.signups.find({ eventId: { $in: ids } }).lean<EventSignupDocument[]>(),
      this.attendance.find({ eventId: { $in: ids } }).lean<EventAttendanceDocument[]>(),
    ]);
    return docs.map((doc) => {
      const id = doc._id.toHexString();
      return toRecord(
        doc,
        signups
          .filter((s) => s.eventId === id)
          .sort(byTime)
          .map(person),
        attendance
          .filter((a) => a.eventId === id)
          .sort(byTime)
          .map(person),
      );
    });
  }

  private async one(doc: EventDocument | null): Promise<EventRecord | null> {
    return doc ? ((await this.hydrate([doc]))[0] ?? null) : null;
  }

  async create(event: NewEvent): Promise<EventRecord> {
    // The next number is max + 1; the unique index turns a race into a retry, never a double.
    for (let attempt = 0; ; attempt++) {
      const last = await this.model.findOne({}, { number: 1 }).sort({ number: -1 }).lean<{ number: number }>();
      try {
        const doc = await this.model.create({
          ...event,
          number: (last?.number ?? 0) + 1,
          capacity: event.capacity ?? null,
          scheduleVersion: 1,
        });
        return toRecord(doc.toObject(), [], []);
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= RETRIES) throw error;
      }
    }
  }

  async findById(id: string): Promise<EventRecord | null> {
    if (!isObjectId(id)) return null;
    return this.one(await this.model.findById(id).lean<EventDocument>());
  }

  async findByNumber(number: number): Promise<EventRecord | null> {
    return this.one(await this.model.findOne({ number: { $eq: number } }).lean<EventDocument>());
  }

  async list(filter: EventFilter = {}): Promise<EventRecord[]> {
    const query: Record<string, unknown> = {};
    const startAt: Record<string, Date> = {};
    if (filter.from) startAt.$gte = filter.from;
    if (filter.to) startAt.$lt = filter.to;
    if (filter.from || filter.to) query.startAt = startAt;
    if (filter.sector) query.sectors = { $eq: filter.sector };
    if (filter.programmeId) query.programmeId = { $eq: filter.programmeId };
    if (filter.states) query.state = { $in: filter.states };
    let find = this.model.find(query).sort({ startAt: 1, number: 1 });
    if (filter.limit) find = find.limit(filter.limit);
    return this.hydrate(await find.lean<EventDocument[]>());
  }

  async update(id: string, changes: EventChanges, options: { bumpSchedule?: boolean } = {}) {
    if (!isObjectId(id)) return { status: 'missing' as const };
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === null && key !== 'capacity') unset[key] = '';
      else set[key] = value;
    }
    if (changes.capacity !== undefined && changes.capacity !== null) {
      const taken = await this.signups.countDocuments({ eventId: id });
      if (taken > changes.capacity) return { status: 'capacity_below_signups' as const };
    }
    const update: Record<string, unknown> = {};
    if (Object.keys(set).length) update.$set = set;
    if (Object.keys(unset).length) update.$unset = unset;
    if (options.bumpSchedule) update.$inc = { scheduleVersion: 1 };
    const doc = await this.model.findOneAndUpdate({ _id: id }, update, { new: true }).lean<EventDocument>();
    if (!doc) return { status: 'missing' as const };
    if (changes.capacity !== undefined) await reseat(this.signups, id, changes.capacity);
    return { status: 'ok' as const, event: (await this.one(doc))! };
  }

  async addSignup(id: string, memberId: string, at: Date): Promise<AttendanceResult> {
    if (!isObjectId(id)) return { status: 'missing' };
    const event = await this.model.findById(id, { capacity: 1, state: 1 }).lean<Pick<EventDocument, 'capacity' | 'state'>>();
    if (!event) return { status: 'missing' };
    if (!OPEN_FOR_SIGNUP.includes(event.state)) return { status: 'closed' };
    const placed = await placeSignup(this.signups, { eventId: id, memberId, at }, event.capacity ?? null);
    if (placed !== 'ok') return { status: placed };
    return { status: 'ok', event: (await this.findById(id))! };
  }

  async removeSignup(id: string, memberId: string) {
    if (!isObjectId(id)) return { status: 'missing' as const };
    const removed = await this.signups.findOneAndDelete({ eventId: id, memberId: { $eq: memberId } }).lean<EventSignupDocument>();
    if (!removed) return (await this.model.exists({ _id: id })) ? { status: 'not_signed_up' as const } : { status: 'missing' as const };
    const event = await this.findById(id);
    if (!event) return { status: 'missing' as const };
    return { status: 'ok' as const, event, signup: person(removed) };
  }

  async addAttendance(id: string, memberId: string, at: Date): Promise<AttendanceResult> {
    if (!isObjectId(id)) return { status: 'missing' };
    const event = await this.model.findById(id, { state: 1 }).lean<Pick<EventDocument, 'state'>>();
    if (!event) return { status: 'missing' };
    if (event.state === 'cancelled') return { status: 'closed' };
    try {
      await this.attendance.create({ eventId: id, memberId, at });
    } catch (error) {
      if (isDuplicateKeyError(error)) return { status: 'already' };
      throw error;
    }
    return { status: 'ok', event: (await this.findById(id))! };
  }

  async setOutcome(id: string, outcome: EventOutcome): Promise<EventRecord | null> {
    if (!isObjectId(id)) return null;
    return this.one(
      await this.model.findOneAndUpdate({ _id: id }, { $set: { outcome, state: 'done' } }, { new: true }).lean<EventDocument>(),
    );
  }

  async attendanceOf(memberId: string, range: { from?: Date; to?: Date } = {}): Promise<Array<{ eventId: string; at: Date }>> {
    const at: Record<string, Date> = {};
    if (range.from) at.$gte = range.from;
    if (range.to) at.$lt = range.to;
    const docs = await this.attendance
      .find({ memberId: { $eq: memberId }, ...(range.from || range.to ? { at } : {}) })
      .sort({ at: 1 })
      .lean<EventAttendanceDocument[]>();
    return docs.map((d) => ({ eventId: d.eventId, at: d.at }));
  }
}
