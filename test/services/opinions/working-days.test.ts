import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { outbox, register, say } from './opinion-chat.js';

/** `2026-09-24 10:00` Beijing as an instant. */
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

let yishi: TestYishi;
const clock = new ManualClock(bj('2026-09-01 09:00'));
let staff: { id: string };
let filer: { id: string };

/** A staff action; confirmed when Yishi asks for 确认 first. */
async function act(who: string, text: string): Promise<string> {
  const reply = await say(yishi, who, text);
  return reply.includes('回复“确认”') ? say(yishi, who, '确认') : reply;
}

/** Files an opinion at `at`, accepts it and grades it; returns its number and stored deadline. */
async function simpleOpinionAt(at: Date, grade = '简易'): Promise<{ number: string; deadline: Date; graded: string }> {
  clock.set(at);
  const number = /MY-\d{4}-\d{6}/.exec(await say(yishi, filer.id, `反映 ${at.toISOString()} 楼道的灯坏了，晚上看不清台阶`))![0];
  await act(staff.id, `受理 ${number}`);
  const graded = await act(staff.id, `分级 ${number} ${grade}`);
  const stored = await yishi.db.collection('opinions').findOne({ number });
  return { number, deadline: stored!.deadline as Date, graded };
}

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { COMMAND_RATE_PER_MINUTE: '10000' } });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
});

afterAll(async () => {
  await yishi?.stop();
});

describe('time limits count working days and end at 17:30 Beijing', () => {
  it('ends a 简易 opinion filed on Thursday 24 September 2026 (中秋 on Friday, then the weekend) on Wednesday 30 September at 17:30', async () => {
    const { deadline, graded } = await simpleOpinionAt(bj('2026-09-24 10:00'));
    expect(deadline).toEqual(bj('2026-09-30 17:30'));
    expect(graded).toContain('2026-09-30 17:30');
  });

  it('ends a 简易 opinion filed the day before 国庆 on the 调休 Saturday 10 October', async () => {
    const { deadline } = await simpleOpinionAt(bj('2026-09-30 11:00'));
    expect(deadline).toEqual(bj('2026-10-10 17:30'));
  });

  it('ends a 简易 opinion filed on a Wednesday on the next Monday, not on Saturday', async () => {
    const { deadline } = await simpleOpinionAt(bj('2026-12-02 15:00'));
    expect(deadline).toEqual(bj('2026-12-07 17:30'));
  });

  it('follows the office days staff set through the admin API, and the configured close of day', async () => {
    const put = await yishi.api('/api/settings/calendar', {
      method: 'PUT',
      body: { days: [{ date: '2026-12-04', working: false, name: '机关调休' }] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.days).toEqual([{ date: '2026-12-04', working: false, name: '机关调休' }]);
    expect(put.body.officialYears).toContain(2026);
    const day = await yishi.api('/api/settings/calendar/days?from=2026-12-04&to=2026-12-05');
    expect(day.body.days).toEqual([
      { date: '2026-12-04', working: false, reason: 'office-holiday', name: '机关调休' },
      { date: '2026-12-05', working: false, reason: 'weekend' },
    ]);

    // Friday off: Thursday, Monday, Tuesday.
    expect((await simpleOpinionAt(bj('2026-12-02 15:00'))).deadline).toEqual(bj('2026-12-08 17:30'));

    const limits = await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { closeOfDay: '17:00' } });
    expect(limits.body).toMatchObject({ simple: 3, closeOfDay: '17:00', openOfDay: '08:30', archiveUnratedAfterDays: 7 });
    expect((await simpleOpinionAt(bj('2026-12-02 15:00'))).deadline).toEqual(bj('2026-12-08 17:00'));

    // A bad calendar changes nothing.
    const bad = await yishi.api('/api/settings/calendar', {
      method: 'PUT',
      body: {
        days: [
          { date: '2026-12-04', working: false },
          { date: '2026-12-04', working: true },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('2026-12-04');
    const closing = await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { openOfDay: '18:00' } });
    expect(closing.status).toBe(400);
    expect((await yishi.api('/api/settings/calendar')).body.days).toHaveLength(1);

    const openapi = (await yishi.api('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(openapi.paths['/api/settings/calendar']!)).toEqual(['get', 'put']);
    expect(Object.keys(openapi.paths['/api/settings/calendar/days']!)).toEqual(['get']);

    await yishi.api('/api/settings/calendar', { method: 'PUT', body: { days: [] } });
    await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { closeOfDay: '17:30' } });
  });
});

describe('the December warning about next year', () => {
  it('tells the staff group once in December when next year’s 法定节假日 are not known, and not in November', async () => {
    const warnings = async () => (await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith('calendar-next-year-unknown:'));
    await yishi.tick(bj('2026-11-30 09:00'));
    expect(await warnings()).toEqual([]);
    await yishi.tick(bj('2026-12-01 09:00'));
    await yishi.tick(bj('2026-12-15 09:00'));
    const sent = await warnings();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipient).toEqual({ kind: 'group', groupKey: 'staff' });
    expect(sent[0]!.message.text).toContain('2027 年的法定节假日');
    expect(sent[0]!.message.text).toContain('PUT /api/settings/calendar');
  });
});
