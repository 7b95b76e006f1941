import { describe, expect, it } from 'vitest';
import type { EventRepository, NewEvent } from '../../../src/services/events/event-records.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';
const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const day = (d: number) => new Date(Date.parse('2026-09-01T01:00:00Z') + d * 86_400_000);
const event = (title: string, extra: Partial<NewEvent> = {}): NewEvent => ({
  title,
  sectors: ['工会'],
  startAt: day(1),
  endAt: new Date(day(1).getTime() + 2 * 3_600_000),
  place: '委员之家',
  targetGroups: ['工会'],
  invitees: [],
  state: 'open',
  ...extra,
});

/** What every EventRepository does, seat counting included; `make` gives an empty one each time. */
export function eventRepositoryContract(make: () => Promise<EventRepository>): void {
  describe('an event repository', () => {
    it('numbers events 1, 2, 3, trims, leaves absent what was not given, and finds them', async () => {
      const events = await make();
      const first = await events.create(event(' 专题协商 ', { place: ' 委员之家 ', theme: '老旧小区改造' }));
      const second = await events.create(event('议事沙龙', { capacity: 20, reminderOffsetsMinutes: [60], programmeId: 'p1' }));
      expect([first.number, second.number]).toEqual([1, 2]);
      expect(first).toMatchObject({
        title: '专题协商',
        place: '委员之家',
        theme: '老旧小区改造',
        scheduleVersion: 1,
        signups: [],
        attendance: [],
      });
      for (const field of ['capacity', 'organiser', 'programmeId', 'reminderOffsetsMinutes', 'outcome'])
        expect(first).not.toHaveProperty(field);
      expect(second).toMatchObject({ capacity: 20, reminderOffsetsMinutes: [60], programmeId: 'p1' });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      expect(await events.findById(first.id)).toEqual(first);
      expect(await events.findByNumber(2)).toEqual(second);
      expect(await events.findByNumber(3)).toBeNull();
      expect(await events.findById(UNKNOWN_ID)).toBeNull();
      expect(await events.findById('not-an-id')).toBeNull();
    });

    it('lists by start time then number, filtered by time, sector, programme and state, up to a limit', async () => {
      const events = await make();
      await events.create(event('三', { startAt: day(3), sectors: ['工会', '妇联'] }));
      await events.create(event('一', { startAt: day(1), programmeId: 'p1' }));
      await events.create(event('一之二', { startAt: day(1), state: 'planned', sectors: ['妇联'] }));
      await events.create(event('五', { startAt: day(5), programmeId: 'p1', state: 'cancelled' }));
      const titles = async (filter: Parameters<EventRepository['list']>[0]) => (await events.list(filter)).map((e) => e.title);
      expect(await titles(undefined)).toEqual(['一', '一之二', '三', '五']);
      expect(await titles({ from: day(1), to: day(5) })).toEqual(['一', '一之二', '三']);
      expect(await titles({ from: day(2) })).toEqual(['三', '五']);
      expect(await titles({ sector: '妇联' })).toEqual(['一之二', '三']);
      expect(await titles({ programmeId: 'p1' })).toEqual(['一', '五']);
      expect(await titles({ states: ['open', 'planned'] })).toEqual(['一', '一之二', '三']);
      expect(await titles({ limit: 2 })).toEqual(['一', '一之二']);
    });

    it('updates fields, clears those set to null, and bumps the schedule version when asked', async () => {
      const events = await make();
      const created = await events.create(event('专题协商', { theme: '旧主题', capacity: 10, reminderOffsetsMinutes: [60] }));
      const updated = await events.update(created.id, { title: '新标题', theme: null, capacity: null }, { bumpSchedule: true });
      expect(updated.status).toBe('ok');
      const changed = updated.status === 'ok' ? updated.event : null;
      expect(changed).toMatchObject({ title: '新标题', reminderOffsetsMinutes: [60], scheduleVersion: 2 });
      expect(changed).not.toHaveProperty('theme');
      expect(changed).not.toHaveProperty('capacity');
      const unbumped = await events.update(created.id, { reminderOffsetsMinutes: null, state: 'ongoing' });
      expect(unbumped.status === 'ok' && unbumped.event).toMatchObject({ state: 'ongoing', scheduleVersion: 2 });
      expect(unbumped.status === 'ok' && unbumped.event).not.toHaveProperty('reminderOffsetsMinutes');
      expect(await events.update(UNKNOWN_ID, { title: '无' })).toEqual({ status: 'missing' });
      expect(await events.update('not-an-id', { title: '无' })).toEqual({ status: 'missing' });
    });

    it('signs people up once each, only while open, earliest first', async () => {
      const events = await make();
      const planned = await events.create(event('未开放', { state: 'planned' }));
      const open = await events.create(event('开放'));
      expect(await events.addSignup(planned.id, 'm1', at(0))).toEqual({ status: 'closed' });
      const first = await events.addSignup(open.id, 'm2', at(2));
      expect(first.status === 'ok' && first.event.signups).toEqual([{ memberId: 'm2', at: at(2) }]);
      await events.addSignup(open.id, 'm1', at(1));
      expect(await events.addSignup(open.id, 'm2', at(3))).toEqual({ status: 'already' });
      expect((await events.findById(open.id))!.signups).toEqual([
        { memberId: 'm1', at: at(1) },
        { memberId: 'm2', at: at(2) },
      ]);
      expect(await events.addSignup(UNKNOWN_ID, 'm1', at(0))).toEqual({ status: 'missing' });
      expect(await events.addSignup('not-an-id', 'm1', at(0))).toEqual({ status: 'missing' });
    });

    it('fills to capacity and no further; a cancelled sign-up frees its seat', async () => {
      const events = await make();
      const salon = await events.create(event('沙龙', { capacity: 2 }));
      expect((await events.addSignup(salon.id, 'm1', at(0))).status).toBe('ok');
      expect((await events.addSignup(salon.id, 'm2', at(1))).status).toBe('ok');
      expect(await events.addSignup(salon.id, 'm3', at(2))).toEqual({ status: 'full' });
      // Someone already signed up hears "already", not "full".
      expect(await events.addSignup(salon.id, 'm1', at(2))).toEqual({ status: 'already' });
      const removed = await events.removeSignup(salon.id, 'm1');
      expect(removed.status === 'ok' && removed.signup).toEqual({ memberId: 'm1', at: at(0) });
      expect(removed.status === 'ok' && removed.event.signups.map((s) => s.memberId)).toEqual(['m2']);
      expect((await events.addSignup(salon.id, 'm3', at(3))).status).toBe('ok');
      expect(await events.addSignup(salon.id, 'm4', at(4))).toEqual({ status: 'full' });
      expect(await events.removeSignup(salon.id, 'm9')).toEqual({ status: 'not_signed_up' });
      expect(await events.removeSignup(UNKNOWN_ID, 'm2')).toEqual({ status: 'missing' });
    });

    it('never seats more than the capacity when many sign up at once', async () => {
      const events = await make();
      const salon = await events.create(event('沙龙', { capacity: 3 }));
      const results = await Promise.all(['m1', 'm2', 'm3', 'm4', 'm5', 'm1'].map((m, i) => events.addSignup(salon.id, m, at(i))));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 'ok')).toHaveLength(3);
      expect(statuses.filter((s) => s !== 'ok').every((s) => s === 'full' || s === 'already')).toBe(true);
      expect((await events.findById(salon.id))!.signups).toHaveLength(3);
    });

    it('refuses a capacity below the sign-ups, and seats by the new capacity after a change', async () => {
      const events = await make();
      const salon = await events.create(event('沙龙', { capacity: 3 }));
      for (const [i, m] of ['m1', 'm2', 'm3'].entries()) await events.addSignup(salon.id, m, at(i));
      expect(await events.update(salon.id, { capacity: 2 })).toEqual({ status: 'capacity_below_signups' });
      expect((await events.findById(salon.id))!.capacity).toBe(3);
      expect((await events.update(salon.id, { capacity: 4 })).status).toBe('ok');
      expect((await events.addSignup(salon.id, 'm4', at(4))).status).toBe('ok');
      expect(await events.addSignup(salon.id, 'm5', at(5))).toEqual({ status: 'full' });
      // Lowered to exactly the sign-ups (after one leaves the seat they held is the one freed).
      await events.removeSignup(salon.id, 'm2');
      expect((await events.update(salon.id, { capacity: 3 })).status).toBe('ok');
      expect(await events.addSignup(salon.id, 'm5', at(6))).toEqual({ status: 'full' });
      await events.removeSignup(salon.id, 'm4');
      expect((await events.addSignup(salon.id, 'm5', at(7))).status).toBe('ok');
      // No capacity: everyone fits.
      expect((await events.update(salon.id, { capacity: null })).status).toBe('ok');
      for (const [i, m] of ['m6', 'm7', 'm8'].entries()) expect((await events.addSignup(salon.id, m, at(8 + i))).status).toBe('ok');
      // And a capacity again, counted over the people already in.
      expect(await events.update(salon.id, { capacity: 5 })).toEqual({ status: 'capacity_below_signups' });
      expect((await events.update(salon.id, { capacity: 6 })).status).toBe('ok');
      expect(await events.addSignup(salon.id, 'm9', at(12))).toEqual({ status: 'full' });
      expect((await events.findById(salon.id))!.signups.map((s) => s.memberId)).toEqual(['m1', 'm3', 'm5', 'm6', 'm7', 'm8']);
    });

    it('checks people in once each, unless the event is cancelled', async () => {
      const events = await make();
      const planned = await events.create(event('未开放', { state: 'planned' }));
      const cancelled = await events.create(event('取消', { state: 'cancelled' }));
      const checkedIn = await events.addAttendance(planned.id, 'm1', at(0));
      expect(checkedIn.status === 'ok' && checkedIn.event.attendance).toEqual([{ memberId: 'm1', at: at(0) }]);
      expect(await events.addAttendance(planned.id, 'm1', at(1))).toEqual({ status: 'already' });
      expect(await events.addAttendance(cancelled.id, 'm1', at(1))).toEqual({ status: 'closed' });
      expect(await events.addAttendance(UNKNOWN_ID, 'm1', at(1))).toEqual({ status: 'missing' });
    });

    it('lists a member’s check-ins earliest first, within a range', async () => {
      const events = await make();
      const a = await events.create(event('甲'));
      const b = await events.create(event('乙'));
      const c = await events.create(event('丙'));
      await events.addAttendance(b.id, 'm1', at(20));
      await events.addAttendance(a.id, 'm1', at(10));
      await events.addAttendance(c.id, 'm1', at(30));
      await events.addAttendance(a.id, 'm2', at(15));
      expect(await events.attendanceOf('m1')).toEqual([
        { eventId: a.id, at: at(10) },
        { eventId: b.id, at: at(20) },
        { eventId: c.id, at: at(30) },
      ]);
      expect(await events.attendanceOf('m1', { from: at(20), to: at(30) })).toEqual([{ eventId: b.id, at: at(20) }]);
      expect(await events.attendanceOf('m3')).toEqual([]);
    });

    it('records an outcome and marks the event done', async () => {
      const events = await make();
      const created = await events.create(event('专题协商', { state: 'ongoing' }));
      const outcome = { text: '形成三条建议', recordedAt: at(0), recordedBy: 'c1', opinionNumbers: ['MY-2026-000001'] };
      const done = await events.setOutcome(created.id, outcome);
      expect(done).toMatchObject({ state: 'done', outcome });
      expect(await events.findById(created.id)).toEqual(done);
      expect(await events.setOutcome(UNKNOWN_ID, outcome)).toBeNull();
    });
  });
}
