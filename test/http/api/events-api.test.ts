import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, storedOutbox, type TestYishi } from '../../support/yishi.js';
import { addMember, say } from '../../services/events/consultation-month-fixture.js';

const HOUR = 60 * 60_000;
const START = '2025-09-24T14:30:00+08:00';
const startMs = Date.parse(START);

interface OutboxDoc {
  idempotencyKey: string;
  recipient: { kind: string; groupKey?: string; memberId?: string };
  dueAt: Date;
  expiresAt?: Date;
  state: string;
  message: { text: string };
}

describe('the events admin API and the reminders it enqueues', () => {
  let t: TestYishi;
  const clock = new ManualClock('2025-09-15T09:00:00+08:00');
  const outbox = async (prefix: string) =>
    (await storedOutbox(t)).filter((d) => String(d.idempotencyKey).startsWith(prefix)) as unknown as OutboxDoc[];

  beforeAll(async () => {
    // Manual scheduler: these tests examine what is enqueued; nothing is sent behind their back.
    t = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  });
  afterAll(async () => t?.stop());

  const newEvent = (extra: Record<string, unknown> = {}) =>
    t.api('/api/events', {
      body: {
        title: '新就业群体服务保障协商',
        sectors: ['工会', '共青团'],
        startAt: START,
        endAt: '2025-09-24T16:30:00+08:00',
        place: '区政协协商议事厅',
        ...extra,
      },
    });

  it('creates a programme from a month and lists its events', async () => {
    const programme = await t.api('/api/programmes', { body: { title: '2025年界别协商议事月', month: '2025-09' } });
    expect(programme.status).toBe(201);
    expect(programme.body).toMatchObject({ startDate: '2025-09-01', endDate: '2025-09-30' });
    const event = await newEvent({ programmeId: programme.body.id, targetGroups: ['工会'] });
    expect(event.status).toBe(201);
    const read = await t.api(`/api/programmes/${programme.body.id}`);
    expect(read.body.events.map((e: { number: number }) => e.number)).toEqual([event.body.number]);
    expect((await t.api(`/api/events/${event.body.number}`)).body).toMatchObject({
      title: '新就业群体服务保障协商',
      signupCount: 0,
      state: 'open',
    });
  });

  it('refuses bad input with a JSON error and stores nothing', async () => {
    const before = (await t.repositories.events.list()).length;
    const noZone = await newEvent({ startAt: '2025-09-24 14:30' });
    expect(noZone.status).toBe(400);
    expect(noZone.body.error.code).toBe('invalid_request');
    expect(noZone.body.error.message).toContain('startAt');
    const backwards = await newEvent({ endAt: '2025-09-24T13:00:00+08:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('event_time_invalid');
    const strangeInvitee = await newEvent({ invitees: ['65f000000000000000000000'] });
    expect(strangeInvitee.body.error.code).toBe('member_not_found');
    expect((await t.repositories.events.list()).length).toBe(before);
    expect((await t.api('/api/events/4242')).status).toBe(404);
    expect((await t.api('/api/programmes', { body: { title: 'x', month: '2025-13' } })).status).toBe(400);
  });

  it('enqueues reminders 3 days, 1 day and 1 hour before the start for every target group, expiring at the start', async () => {
    const created = await newEvent();
    const reminders = await outbox(`event-reminder:${created.body.id}:`);
    expect(reminders).toHaveLength(6);
    const plan = reminders.map((r) => `${r.recipient.groupKey}@${(startMs - r.dueAt.getTime()) / HOUR}h`).sort();
    expect(plan).toEqual(['共青团@1h', '共青团@24h', '共青团@72h', '工会@1h', '工会@24h', '工会@72h']);
    for (const reminder of reminders) {
      expect(reminder).toMatchObject({ state: 'pending', recipient: { kind: 'group' } });
      expect(reminder.expiresAt?.getTime()).toBe(startMs);
    }
    expect(reminders.find((r) => r.dueAt.getTime() === startMs - 24 * HOUR)!.message.text).toContain('【活动提醒】明天');
  });

  it('honours per-event offsets and never plans a reminder whose time has passed', async () => {
    clock.set('2025-09-23T09:00:00+08:00'); // 29.5 hours before the start
    const created = await newEvent({ targetGroups: ['staff'], reminderOffsetsMinutes: [4320, 1440, 120] });
    const due = (await outbox(`event-reminder:${created.body.id}:`)).map((r) => (startMs - r.dueAt.getTime()) / HOUR).sort((a, b) => a - b);
    expect(due).toEqual([2, 24]);
    clock.set('2025-09-15T09:00:00+08:00');
  });

  it('supersedes the pending reminders when the time changes, and tells the groups', async () => {
    const created = await newEvent({ targetGroups: ['工会'] });
    const newStart = '2025-09-25T09:30:00+08:00';
    const patched = await t.api(`/api/events/${created.body.number}`, {
      method: 'PATCH',
      body: { startAt: newStart, endAt: '2025-09-25T11:30:00+08:00' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.scheduleVersion).toBe(2);

    const old = await outbox(`event-reminder:${created.body.id}:v1:`);
    expect(old).toHaveLength(3);
    expect(old.every((r) => r.state === 'skipped')).toBe(true);
    const fresh = await outbox(`event-reminder:${created.body.id}:v2:`);
    expect(fresh.map((r) => (Date.parse(newStart) - r.dueAt.getTime()) / HOUR).sort((a, b) => a - b)).toEqual([1, 24, 72]);
    expect(fresh.every((r) => r.state === 'pending' && r.expiresAt?.getTime() === Date.parse(newStart))).toBe(true);
    const notice = await outbox(`event-changed:${created.body.id}:v2:`);
    expect(notice.map((n) => n.message.text)).toEqual([
      '【活动调整】“新就业群体服务保障协商”调整为：9月25日（周四）09:30–11:30，地点：区政协协商议事厅。',
    ]);

    // A change that touches no reminder (capacity) keeps the schedule.
    const capacity = await t.api(`/api/events/${created.body.number}`, { method: 'PATCH', body: { capacity: 30 } });
    expect(capacity.body.scheduleVersion).toBe(2);
  });

  it('sends signed-up members their own reminders, and withdraws them on 取消报名', async () => {
    const created = await newEvent({ targetGroups: ['工会'] });
    const member = await addMember(t, { name: '王委员', sector: '工会' });
    expect(await say(t, member, `报名 ${created.body.number}`)).toContain('报名成功');
    const mine = (await outbox(`event-reminder:${created.body.id}:`)).filter((r) => r.recipient.kind === 'member');
    expect(mine.map((r) => r.recipient.memberId)).toEqual([member, member, member]);
    expect(mine.map((r) => (startMs - r.dueAt.getTime()) / HOUR).sort((a, b) => a - b)).toEqual([1, 24, 72]);
    expect(mine[0]!.message.text).toContain('您报名的“新就业群体服务保障协商”');

    await say(t, member, `取消报名 ${created.body.number}`);
    const after = (await outbox(`event-reminder:${created.body.id}:`)).filter((r) => r.recipient.kind === 'member');
    expect(after.every((r) => r.state === 'skipped')).toBe(true);
    expect(
      (await outbox(`event-reminder:${created.body.id}:`)).filter((r) => r.recipient.kind === 'group').every((r) => r.state === 'pending'),
    ).toBe(true);
  });

  it('refuses to lower the capacity below the sign-ups', async () => {
    const created = await newEvent({ capacity: 5 });
    const a = await addMember(t, { name: '甲委员', sector: '工会' });
    const b = await addMember(t, { name: '乙委员', sector: '工会' });
    await say(t, a, `报名 ${created.body.number}`);
    await say(t, b, `报名 ${created.body.number}`);
    const tooLow = await t.api(`/api/events/${created.body.number}`, { method: 'PATCH', body: { capacity: 1 } });
    expect(tooLow.status).toBe(409);
    expect(tooLow.body.error).toEqual({ code: 'capacity_below_signups', message: '已有 2 人报名，名额不能少于已报名人数。' });
    expect((await t.api(`/api/events/${created.body.number}`)).body.capacity).toBe(5);
  });

  it('cancels an event with DELETE: pending reminders are withdrawn and the groups told', async () => {
    const created = await newEvent();
    const cancelled = await t.api(`/api/events/${created.body.number}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((await outbox(`event-reminder:${created.body.id}:`)).every((r) => r.state === 'skipped')).toBe(true);
    const notices = await outbox(`event-cancelled:${created.body.id}:`);
    expect(notices.map((n) => n.recipient.groupKey).sort()).toEqual(['共青团', '工会']);
    const member = await addMember(t, { name: '丙委员', sector: '工会' });
    expect(await say(t, member, `报名 ${created.body.number}`)).toBe('“新就业群体服务保障协商”已取消，不再接受报名。');
  });

  it('records an outcome through the API with the opinions it discussed', async () => {
    const created = await newEvent();
    const early = await t.api(`/api/events/${created.body.number}`, { method: 'PATCH', body: { outcome: { text: '议定设立骑手驿站' } } });
    expect(early.status).toBe(409);
    clock.set('2025-09-24T17:00:00+08:00');
    const done = await t.api(`/api/events/${created.body.number}`, {
      method: 'PATCH',
      body: { outcome: { text: '议定设立骑手驿站', opinionNumbers: ['MY-2025-000007'] } },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'done',
      outcome: { text: '议定设立骑手驿站', opinionNumbers: ['MY-2025-000007'], recordedBy: 'admin-api' },
    });
    clock.set('2025-09-15T09:00:00+08:00');
  });
});
