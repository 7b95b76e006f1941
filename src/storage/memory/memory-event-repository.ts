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
import { copyOf, definedOnly, isRecordId, newRecordId, trimmed } from './memory-records.js';

type Person = { memberId: string; at: Date };

const TRIMMED = ['title', 'theme', 'place', 'organiser'] as const;
// 'planned' events are announced but not yet open for sign-up.
const OPEN_FOR_SIGNUP: EventState[] = ['open'];
const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();

/** What the Mongo repository gives back: empty optional fields absent, people in time order. */
function view(event: EventRecord): EventRecord {
  const { programmeId, theme, organiser, capacity, reminderOffsetsMinutes, outcome, ...rest } = copyOf(event);
  return {
    ...rest,
    ...(programmeId ? { programmeId } : {}),
    ...(theme ? { theme } : {}),
    ...(organiser ? { organiser } : {}),
    ...(typeof capacity === 'number' ? { capacity } : {}),
    ...(reminderOffsetsMinutes?.length ? { reminderOffsetsMinutes } : {}),
    ...(outcome ? { outcome } : {}),
    signups: rest.signups.sort(byTime),
    attendance: rest.attendance.sort(byTime),
  };
}

/**
 * Events held in this process; same contract as the Mongo repository: numbers 1, 2, 3…, one
 * sign-up and one check-in per person, never more sign-ups than seats.
 */
export class MemoryEventRepository implements EventRepository {
  private readonly events = new Map<string, EventRecord>();

  async create(event: NewEvent): Promise<EventRecord> {
    const now = new Date();
    const number = Math.max(0, ...[...this.events.values()].map((e) => e.number)) + 1;
    const record = {
      sectors: [],
      targetGroups: [],
      invitees: [],
      ...trimmed(definedOnly(copyOf(event)), TRIMMED),
      id: newRecordId(),
      number,
      scheduleVersion: 1,
      signups: [],
      attendance: [],
      createdAt: now,
      updatedAt: now,
    } as EventRecord;
    this.events.set(record.id, record);
    return view(record);
  }

  async findById(id: string): Promise<EventRecord | null> {
    const found = this.find(id);
    return found ? view(found) : null;
  }

  async findByNumber(number: number): Promise<EventRecord | null> {
    const found = [...this.events.values()].find((e) => e.number === number);
    return found ? view(found) : null;
  }

  async list(filter: EventFilter = {}): Promise<EventRecord[]> {
    const found = [...this.events.values()]
      .filter((e) => !filter.from || e.startAt >= filter.from)
      .filter((e) => !filter.to || e.startAt < filter.to)
      .filter((e) => !filter.sector || e.sectors.includes(filter.sector))
      .filter((e) => !filter.programmeId || e.programmeId === filter.programmeId)
      .filter((e) => !filter.states || filter.states.includes(e.state))
      .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.number - b.number);
    return (filter.limit ? found.slice(0, filter.limit) : found).map(view);
  }

  async update(id: string, changes: EventChanges, options: { bumpSchedule?: boolean } = {}) {
    const event = this.find(id);
    if (!event) return { status: 'missing' as const };
    if (typeof changes.capacity === 'number' && event.signups.length > changes.capacity) {
      return { status: 'capacity_below_signups' as const };
    }
    const fields = event as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(trimmed(changes, TRIMMED))) {
      if (value === undefined) continue;
      if (value === null) delete fields[key];
      else fields[key] = copyOf(value);
    }
    if (options.bumpSchedule) event.scheduleVersion += 1;
    event.updatedAt = new Date();
    return { status: 'ok' as const, event: view(event) };
  }

  async addSignup(id: string, memberId: string, at: Date): Promise<AttendanceResult> {
    const event = this.find(id);
    if (!event) return { status: 'missing' };
    if (!OPEN_FOR_SIGNUP.includes(event.state)) return { status: 'closed' };
    if (event.signups.some((s) => s.memberId === memberId)) return { status: 'already' };
    if (typeof event.capacity === 'number' && event.signups.length >= event.capacity) return { status: 'full' };
    event.signups.push({ memberId, at });
    return { status: 'ok', event: view(event) };
  }

  async removeSignup(id: string, memberId: string) {
    const event = this.find(id);
    if (!event) return { status: 'missing' as const };
    const index = event.signups.findIndex((s) => s.memberId === memberId);
    if (index < 0) return { status: 'not_signed_up' as const };
    const [signup] = event.signups.splice(index, 1) as [Person];
    return { status: 'ok' as const, event: view(event), signup: copyOf(signup) };
  }

  async addAttendance(id: string, memberId: string, at: Date): Promise<AttendanceResult> {
    const event = this.find(id);
    if (!event) return { status: 'missing' };
    if (event.state === 'cancelled') return { status: 'closed' };
    if (event.attendance.some((a) => a.memberId === memberId)) return { status: 'already' };
    event.attendance.push({ memberId, at });
    return { status: 'ok', event: view(event) };
  }

  async setOutcome(id: string, outcome: EventOutcome): Promise<EventRecord | null> {
    const event = this.find(id);
    if (!event) return null;
    Object.assign(event, { outcome: copyOf(outcome), state: 'done', updatedAt: new Date() });
    return view(event);
  }

  async attendanceOf(memberId: string, range: { from?: Date; to?: Date } = {}): Promise<Array<{ eventId: string; at: Date }>> {
    return [...this.events.values()]
      .flatMap((e) => e.attendance.filter((a) => a.memberId === memberId).map((a) => ({ eventId: e.id, at: a.at })))
      .filter((a) => (!range.from || a.at >= range.from) && (!range.to || a.at < range.to))
      .sort(byTime)
      .map(copyOf);
  }

  private find(id: string): EventRecord | undefined {
    return isRecordId(id) ? this.events.get(id) : undefined;
  }
}
