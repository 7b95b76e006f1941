import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { outbox, register, say, sayConfirmed } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * 活动 in the workbench, through the front door: staff signed in with a chat link create an event,
 * check a member in and record its outcome with one opinion picked; the same services as chat act,
 * so the opinion filed in chat is resolved and its filer told, under the staff member's name.
 */
let yishi: TestYishi;
const clock = new ManualClock('2026-03-02T10:00:00+08:00');
let staff: { id: string };
let filer: { id: string };
let attendee: { id: string };
let desk: Browser;
let event: { id: string; number: number };

const opinion = async (number: string) =>
  (await yishi.api(`/api/opinions/${number}`)).body as { state: string; result?: string; audit: Array<{ action: string; who: string }> };

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
  attendee = await register(yishi, { name: '陈委员', sector: '无党派', role: 'member' });
  expect(await say(yishi, filer.id, '反映 青石社区老人多，附近没有助餐点，吃饭很不方便')).toContain('MY-2026-000001');
  expect(await sayConfirmed(yishi, staff.id, '受理 MY-2026-000001')).toContain('已受理');
  expect(await sayConfirmed(yishi, staff.id, '分级 MY-2026-000001 复杂')).toContain('复杂');
  expect(await sayConfirmed(yishi, staff.id, '转协商 MY-2026-000001')).toContain('协商议题');
  desk = await signIn(yishi, staff.id);
});
afterAll(async () => {
  await yishi?.stop();
});

describe('the event desk with a staff session', () => {
  it('creates an event in Beijing time and keeps a plain member out', async () => {
    const created = await desk.call('/api/events', {
      body: {
        title: '助推养老服务提质专题协商',
        sectors: ['无党派', '文艺界'],
        startAt: '2026-03-10T14:30:00+08:00',
        endAt: '2026-03-10T16:30:00+08:00',
        place: '区政协协商议事厅',
        capacity: 30,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    event = created.body;
    expect(created.body.startAt).toBe('2026-03-10T06:30:00.000Z');
    expect((await desk.call('/api/events/meta')).body.states).toContainEqual({ code: 'open', label: '报名中' });
    const member = await signIn(yishi, attendee.id);
    expect((await member.call('/api/events')).status).toBe(403);
    expect((await member.call(`/api/events/${event.number}/check-ins`, { body: { memberId: attendee.id } })).status).toBe(403);
  });

  it('lists sign-ups with attendance and checks a member in under chat’s rules', async () => {
    expect(await say(yishi, attendee.id, `报名 ${event.number}`)).toContain('报名成功');
    const early = await desk.call(`/api/events/${event.number}/check-ins`, { body: { memberId: attendee.id } });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('签到还没有开始');

    clock.set('2026-03-10T14:10:00+08:00');
    desk = await signIn(yishi, staff.id); // a week later: the old session has long expired
    expect((await desk.call(`/api/events/${event.number}/check-ins`, { body: { memberId: attendee.id }, csrf: false })).status).toBe(403);
    const checked = await desk.call(`/api/events/${event.number}/check-ins`, { body: { memberId: attendee.id } });
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.event.attendanceCount).toBe(1);
    const again = await desk.call(`/api/events/${event.number}/check-ins`, { body: { memberId: attendee.id } });
    expect(again.status).toBe(409);
    const bad = await desk.call(`/api/events/${event.number}/check-ins`, { body: { memberId: 'nobody' } });
    expect(bad.status).toBe(400);

    const people = await desk.call(`/api/events/${event.number}/people`);
    expect(people.body.people).toEqual([
      {
        memberId: attendee.id,
        name: '陈委员',
        sector: '无党派',
        signedUpAt: '2026-03-02T02:00:00.000Z',
        checkedInAt: '2026-03-10T06:10:00.000Z',
      },
    ]);
  });

  it('previews the outcome, changing nothing, then records it: the picked opinion is resolved and its filer told', async () => {
    clock.set('2026-03-10T17:00:00+08:00');
    desk = await signIn(yishi, staff.id);
    const text = '会议商定由街道在青石社区增设老年助餐点，4月底前投入使用';
    const preview = await desk.call(`/api/events/${event.number}/outcome/preview`, {
      body: { outcome: text, opinionNumbers: ['MY-2026-000001'] },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.changes.join('')).toContain('MY-2026-000001');
    expect(preview.body.notified).toEqual(['MY-2026-000001 的反映人']);
    expect((await opinion('MY-2026-000001')).state).toBe('escalated');

    const recorded = await desk.call(`/api/events/${event.number}/outcome`, {
      body: { outcome: text, opinionNumbers: ['MY-2026-000001'] },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.resolved).toEqual(['MY-2026-000001']);
    expect(recorded.body.event.outcome.recordedBy).toBe(staff.id);
    const resolved = await opinion('MY-2026-000001');
    expect(resolved.state).toBe('resolved');
    expect(resolved.audit.at(-1)).toMatchObject({ action: 'resolve-by-meeting', who: staff.id });
    const notices = (await outbox(yishi)).filter((d) => d.recipient.address?.id === filer.id && d.message.text.includes('已办结'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message.text).toContain('老年助餐点');
  });
});
