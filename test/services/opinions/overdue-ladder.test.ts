import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { outbox, register, say } from './opinion-chat.js';

/** `2026-05-12 13:15` Beijing as an instant. */
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

let yishi: TestYishi;
const clock = new ManualClock(bj('2026-05-11 09:00'));
let staff: { id: string };
let filer: { id: string };

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { COMMAND_RATE_PER_MINUTE: '10000' } });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
  await register(yishi, { name: '李委员', sector: '无党派', role: 'member', wecomUserId: 'liwy' });
  await register(yishi, { name: '赵召集人', sector: '无党派', role: 'member', wecomUserId: 'zhaozj', isConvenor: true });
  // A general opinion gets 2 working days here: the limit is settable.
  expect((await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { general: 2 } })).body).toMatchObject({
    simple: 3,
    general: 2,
    complex: 15,
    closeOfDay: '17:30',
  });
});

afterAll(async () => {
  await yishi?.stop();
});

/** A staff action; confirmed when Yishi asks for 确认 first. */
async function act(who: string, text: string): Promise<string> {
  const reply = await say(yishi, who, text);
  return reply.includes('回复“确认”') ? say(yishi, who, '确认') : reply;
}

/** Files, accepts and assigns an opinion at `at`; returns its number and id and a reader of its ladder notices. */
async function assignedAt(at: Date, handlerName: string, text: string) {
  clock.set(at);
  const number = /MY-2026-\d{6}/.exec(await say(yishi, filer.id, `反映 ${text}`))![0];
  await act(staff.id, `受理 ${number}`);
  await act(staff.id, `分派 ${number} ${handlerName}`);
  const stored = (await yishi.repositories.opinions.findByNumber(number))!;
  const id = stored.id;
  const ladder = async () => (await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith(`overdue:${id}:`));
  return { number, id, deadline: stored.deadline!, ladder };
}

describe('the overdue ladder, in office time of working days', () => {
  it('reminds the handler at 50%, @-mentions the sector convenor at 100%, puts it on the staff board at 150% — once each', async () => {
    // Monday 09:00, 2 working days: Wednesday 17:30. Office time 8.5 h + 9 h + 9 h = 26.5 h; 50% = Tuesday 13:15.
    const { number, id, deadline, ladder } = await assignedAt(bj('2026-05-11 09:00'), '李委员', '小区电梯经常停运，老人上下楼很困难');
    expect(deadline).toEqual(bj('2026-05-13 17:30'));
    const handler = (await yishi.repositories.members.findByName('李委员'))[0]!;

    await yishi.tick(bj('2026-05-12 13:10'));
    expect(await ladder()).toEqual([]);

    await yishi.tick(bj('2026-05-12 13:20'));
    await yishi.tick(bj('2026-05-12 13:30'));
    let steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`]);
    expect(steps[0]!.recipient).toEqual({ kind: 'member', memberId: handler.id });
    expect(steps[0]!.message.text).toContain(number);
    expect(steps[0]!.message.text).toContain('请在 2026-05-13 17:30 前办结');

    // The night after the deadline is not office time: 100% from 17:30 Wednesday, 150% not before Friday 12:45.
    await yishi.tick(bj('2026-05-13 17:40'));
    await yishi.tick(bj('2026-05-15 12:40'));
    steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`, `overdue:${id}:100`]);
    expect(steps[1]!.recipient).toEqual({ kind: 'group', groupKey: '无党派' });
    expect(steps[1]!.message.mentionUserIds).toEqual(['zhaozj']);
    expect(steps[1]!.message.text).toContain('赵召集人');

    await yishi.tick(bj('2026-05-15 12:50'));
    await yishi.tick(bj('2026-05-18 09:30'));
    steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`, `overdue:${id}:100`, `overdue:${id}:150`]);
    expect(steps[2]!.recipient).toEqual({ kind: 'group', groupKey: 'staff' });
    expect(steps[2]!.message.text).toContain('逾期看板');

    const boards = (await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith('overdue-board:'));
    expect(boards.length).toBeGreaterThanOrEqual(1);
    expect(boards.every((d) => d.recipient.kind === 'group' && d.recipient.groupKey === 'staff')).toBe(true);
    expect(boards.at(-1)!.message.text).toContain(number);

    clock.set(bj('2026-05-18 10:00'));
    expect(await say(yishi, staff.id, '逾期')).toContain(number);
    expect(await say(yishi, handler.id, '逾期')).toContain(number);
  });

  it('after a 3-day pause sends one message — the highest step due — and never a past deadline as a future one', async () => {
    // Monday 1 June 09:00, 2 working days: Wednesday 17:30. Yishi is down from Monday until Thursday afternoon.
    const { id, ladder } = await assignedAt(bj('2026-06-01 09:00'), '李委员', '公园的健身器材螺丝松了，孩子玩耍不安全');
    await yishi.tick(bj('2026-06-01 09:10'));
    expect(await ladder()).toEqual([]);

    await yishi.tick(bj('2026-06-04 14:00')); // 50% and 100% are both due; 150% (Friday) not yet
    await yishi.tick(bj('2026-06-04 14:10'));
    const steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:100`]);
    expect(steps[0]!.recipient).toEqual({ kind: 'group', groupKey: '无党派' });
    const texts = (await outbox(yishi)).map((d) => d.message.text).join('\n');
    expect(texts).not.toContain('2026-06-03 17:30 前办结');
  });

  it('skips the convenor when he is the handler himself and tells the office group instead', async () => {
    const { id, number, ladder } = await assignedAt(bj('2026-06-08 09:00'), '赵召集人', '菜市场门口占道经营，早高峰堵车');
    const convenor = (await yishi.repositories.members.findByName('赵召集人'))[0]!;
    await yishi.tick(bj('2026-06-09 14:00'));
    await yishi.tick(bj('2026-06-10 17:40'));
    const steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`, `overdue:${id}:100`]);
    expect(steps[0]!.recipient).toEqual({ kind: 'member', memberId: convenor.id });
    expect(steps[1]!.recipient).toEqual({ kind: 'group', groupKey: 'staff' });
    expect(steps[1]!.message.mentionUserIds).toBeUndefined();
    expect(steps[1]!.message.text).toContain(number);
    expect(steps[1]!.message.text).toContain('承办人：赵召集人');
    expect(steps[1]!.message.text).toContain('请办公室跟进');
    expect((await outbox(yishi)).filter((d) => d.recipient.groupKey === '无党派' && d.message.text.includes(number))).toEqual([]);
  });
});
