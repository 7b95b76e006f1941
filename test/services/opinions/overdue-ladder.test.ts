import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { outbox, register, say, sayConfirmed } from './opinion-chat.js';

const HOUR = 60 * 60 * 1000;
let yishi: TestYishi;
const clock = new ManualClock('2026-05-11T01:00:00Z');

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
});

afterAll(async () => {
  await yishi?.stop();
});

describe('the overdue ladder', () => {
  it('reminds the handler at 50%, @-mentions the sector convenor at 100%, puts it on the staff board at 150% — once each', async () => {
    const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    const filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
    const handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member', wecomUserId: 'liwy' });
    await register(yishi, { name: '赵召集人', sector: '无党派', role: 'member', wecomUserId: 'zhaozj', isConvenor: true });
    // A general opinion gets 2 days here: the limit is settable.
    expect((await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { general: 2 } })).body).toEqual({
      simple: 3,
      general: 2,
      complex: 15,
    });

    const number = /MY-2026-\d{6}/.exec(await say(yishi, filer.id, '反映 小区电梯经常停运，老人上下楼很困难'))![0];
    await sayConfirmed(yishi, staff.id, `受理 ${number}`);
    await sayConfirmed(yishi, staff.id, `分派 ${number} 李委员`);
    const id = String((await yishi.db.collection('opinions').findOne({ number }))!._id);
    const ladder = async () => (await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith(`overdue:${id}:`));

    clock.advance(23 * HOUR);
    await yishi.tick();
    expect(await ladder()).toEqual([]);

    clock.advance(1 * HOUR); // 24 h of 48 h: 50%
    await yishi.tick();
    await yishi.tick();
    let steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`]);
    expect(steps[0]!.recipient).toEqual({ kind: 'member', memberId: handler.id });
    expect(steps[0]!.message.text).toContain(number);

    clock.advance(24 * HOUR); // 100%
    await yishi.tick();
    await yishi.tick();
    steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`, `overdue:${id}:100`]);
    expect(steps[1]!.recipient).toEqual({ kind: 'group', groupKey: '无党派' });
    expect(steps[1]!.message.mentionUserIds).toEqual(['zhaozj']);
    expect(steps[1]!.message.text).toContain('赵召集人');
    expect((await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith('overdue-board:'))).toEqual([]);

    clock.advance(24 * HOUR); // 150%
    await yishi.tick();
    await yishi.tick();
    clock.advance(48 * HOUR);
    await yishi.tick();
    steps = await ladder();
    expect(steps.map((d) => d.idempotencyKey)).toEqual([`overdue:${id}:50`, `overdue:${id}:100`, `overdue:${id}:150`]);
    expect(steps[2]!.recipient).toEqual({ kind: 'group', groupKey: 'staff' });
    expect(steps[2]!.message.text).toContain('逾期看板');

    const boards = (await outbox(yishi)).filter((d) => d.idempotencyKey.startsWith('overdue-board:'));
    expect(boards.length).toBeGreaterThanOrEqual(1);
    expect(boards.every((d) => d.recipient.kind === 'group' && d.recipient.groupKey === 'staff')).toBe(true);
    expect(boards.at(-1)!.message.text).toContain(number);

    expect(await say(yishi, staff.id, '逾期')).toContain(number);
    expect(await say(yishi, handler.id, '逾期')).toContain(number);
  });
});
