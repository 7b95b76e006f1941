import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { outbox, register, say } from './opinion-chat.js';

const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

let yishi: TestYishi;
const clock = new ManualClock(bj('2026-11-02 09:00'));

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { COMMAND_RATE_PER_MINUTE: '10000' } });
});

afterAll(async () => {
  await yishi?.stop();
});

/** An action; confirmed when Yishi asks for 确认 first. */
async function act(who: string, text: string): Promise<string> {
  const reply = await say(yishi, who, text);
  return reply.includes('回复“确认”') ? say(yishi, who, '确认') : reply;
}

describe('自动归档: a resolved opinion nobody rates', () => {
  it('is archived as 未评价 7 days after 办结, its filer told once and politely, and no rate counts it', async () => {
    const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    const filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
    const handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
    const numbers: string[] = [];
    for (const text of ['反映 小区门口的路灯坏了三盏，晚上很黑', '反映 垃圾分类亭的门关不上，气味很大']) {
      const number = /MY-2026-\d{6}/.exec(await say(yishi, filer.id, text))![0];
      await act(staff.id, `受理 ${number}`);
      await act(staff.id, `分派 ${number} 李委员`);
      await act(handler.id, `办结 ${number} 已联系物业修好`);
      numbers.push(number);
    }
    const [rated, unrated] = numbers as [string, string];
    clock.set(bj('2026-11-03 10:00'));
    expect(await say(yishi, filer.id, `评价 ${rated} 满意`)).toContain(rated);

    const archivedNotices = async () => (await outbox(yishi)).filter((d) => d.message.text.includes('未评价'));
    const state = async (number: string) => (await yishi.db.collection('opinions').findOne({ number }))!;

    await yishi.tick(bj('2026-11-09 08:59')); // 6 days 23 h 59 min after 办结
    expect((await state(unrated)).state).toBe('resolved');
    expect(await archivedNotices()).toEqual([]);

    await yishi.tick(bj('2026-11-09 09:10'));
    await yishi.tick(bj('2026-11-09 10:10'));
    const archived = await state(unrated);
    expect(archived.state).toBe('closed');
    expect(archived.rating).toBeUndefined();
    expect(archived.audit.at(-1)).toMatchObject({ who: 'system', from: 'resolved', to: 'closed', action: 'archive-unrated' });
    const notices = await archivedNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message.text).toContain(unrated);
    expect(notices[0]!.message.text).toContain('感谢您的反映');
    expect(notices[0]!.recipient.kind).not.toBe('group');
    // The rated one stays as its filer left it.
    expect((await state(rated)).rating).toBe('satisfied');

    clock.set(bj('2026-11-10 10:00'));
    expect(await say(yishi, filer.id, `进度 ${unrated}`)).toContain('已归档');
    // 满意率 counts the one rating only: the archived opinion is neither satisfied nor dissatisfied.
    expect(await say(yishi, staff.id, '统计 本月')).toContain('满意率 100.0%（1/1）');
  });

  it('waits as many days as the settings say', async () => {
    expect((await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { archiveUnratedAfterDays: 14 } })).status).toBe(200);
    const staff = await register(yishi, { name: '赵干事', sector: '中共', role: 'staff' });
    const filer = await register(yishi, { name: '钱委员', sector: '文艺界', role: 'member' });
    clock.set(bj('2026-11-16 09:00'));
    const number = /MY-2026-\d{6}/.exec(await say(yishi, filer.id, '反映 公交站的雨棚漏雨，等车的人都淋湿了'))![0];
    await act(staff.id, `当场办结 ${number} 已联系公交公司修好雨棚`);
    await yishi.tick(bj('2026-11-24 09:30'));
    expect((await yishi.db.collection('opinions').findOne({ number }))!.state).toBe('resolved');
    await yishi.tick(bj('2026-11-30 09:30'));
    expect((await yishi.db.collection('opinions').findOne({ number }))!.state).toBe('closed');
  });
});
