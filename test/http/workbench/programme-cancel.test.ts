import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { register } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * 取消议事月 in the workbench, through the front door: staff signed in with a chat link cancel a
 * programme. While one of its events is neither cancelled nor done the programme is refused with a
 * sentence naming it; once they are, the programme is kept as cancelled, is no longer active, and
 * takes no changes nor new events.
 */
let yishi: TestYishi;
const clock = new ManualClock('2026-03-02T10:00:00+08:00');
let desk: Browser;
let programmeId: string;

const newEvent = (title: string, extra: Record<string, unknown> = {}) =>
  desk.call('/api/events', {
    body: {
      title,
      sectors: ['无党派'],
      startAt: '2026-03-10T14:30:00+08:00',
      endAt: '2026-03-10T16:30:00+08:00',
      place: '区政协协商议事厅',
      ...extra,
    },
  });

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  desk = await signIn(yishi, staff.id);
});
afterAll(async () => {
  await yishi?.stop();
});

describe('cancelling a programme from the workbench', () => {
  it('refuses while its events are open, naming them, and cancels once they are cancelled or done', async () => {
    const programme = await desk.call('/api/programmes', { body: { title: '2026年界别协商议事月', month: '2026-03' } });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    expect(programme.body.state).toBe('active');
    programmeId = programme.body.id;
    const first = (await newEvent('助推养老服务提质专题协商', { programmeId })).body as { number: number };
    const second = (await newEvent('新就业群体服务保障协商', { programmeId })).body as { number: number };

    const refused = await desk.call(`/api/programmes/${programmeId}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `议事月安排“2026年界别协商议事月”还有未结束的活动：“助推养老服务提质专题协商”（编号 ${first.number}）、` +
        `“新就业群体服务保障协商”（编号 ${second.number}）。请先取消这些活动，再取消议事月。`,
    );
    expect((await desk.call(`/api/programmes/${programmeId}`)).body.state).toBe('active');

    expect((await desk.call(`/api/events/${first.number}`, { method: 'DELETE' })).body.state).toBe('cancelled');
    expect((await desk.call(`/api/events/${second.number}`, { method: 'PATCH', body: { state: 'done' } })).body.state).toBe('done');

    const cancelled = await desk.call(`/api/programmes/${programmeId}`, { method: 'DELETE' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ id: programmeId, title: '2026年界别协商议事月', state: 'cancelled' });
    const kept = await desk.call(`/api/programmes/${programmeId}`);
    expect(kept.body).toMatchObject({ state: 'cancelled', startDate: '2026-03-01', endDate: '2026-03-31' });
    expect(kept.body.events).toHaveLength(2);
  });

  it('lists the cancelled programme, but not among the active ones', async () => {
    const active = await desk.call('/api/programmes', { body: { title: '2026年秋季协商', month: '2026-09' } });
    const all = (await desk.call('/api/programmes')).body.programmes as Array<{ id: string; state: string }>;
    expect(all.map((p) => [p.id, p.state])).toEqual([
      [programmeId, 'cancelled'],
      [active.body.id, 'active'],
    ]);
    const onlyActive = (await desk.call('/api/programmes?state=active')).body.programmes as Array<{ id: string }>;
    expect(onlyActive.map((p) => p.id)).toEqual([active.body.id]);
    expect((await desk.call('/api/programmes?state=gone')).status).toBe(400);
  });

  it('answers clearly when cancelled twice, changed, given a new event, asked by a plain member or unknown', async () => {
    const again = await desk.call(`/api/programmes/${programmeId}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('议事月安排“2026年界别协商议事月”已经取消，无需再次取消。');

    const changed = await desk.call(`/api/programmes/${programmeId}`, { method: 'PATCH', body: { title: '改名' } });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toBe('议事月安排“2026年界别协商议事月”已经取消，不能再修改或添加活动。');

    const added = await newEvent('青年议事会', { programmeId });
    expect(added.status).toBe(409);
    expect(added.body.error.message).toBe('议事月安排“2026年界别协商议事月”已经取消，不能再修改或添加活动。');
    expect((await desk.call(`/api/programmes/${programmeId}`)).body).toMatchObject({ title: '2026年界别协商议事月' });
    expect((await desk.call(`/api/events?programmeId=${programmeId}`)).body.events).toHaveLength(2);

    const member = await signIn(yishi, (await register(yishi, { name: '陈委员', sector: '无党派', role: 'member' })).id);
    expect((await member.call(`/api/programmes/${programmeId}`, { method: 'DELETE' })).status).toBe(403);

    const unknown = await desk.call('/api/programmes/65f0c0ffee0000000000abcd', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('没有找到议事月安排“65f0c0ffee0000000000abcd”。');
  });
});
