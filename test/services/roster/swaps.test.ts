import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { byDate, generate, inbox, roster, setUpCommittee, STAFF_ROOM } from './roster-support.js';

// Wednesday 2026-03-04, 10:00 in Beijing.
const clock = new ManualClock('2026-03-04T02:00:00Z');
let ids: Record<string, string>;
let chat: ReturnType<typeof consoleChat>;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  ids = await setUpCommittee(app, ['张三', '李四', '王五']);
  chat = consoleChat(app);
  // Mar 2 张三, 3 李四, 4 王五, 5 张三, 6 李四, 9 王五, 10 张三, 11 李四, 12 王五, 13 张三
  await generate(app, { from: '2026-03-02', to: '2026-03-13', memberIds: [ids['张三'], ids['李四'], ids['王五']] });
});

describe('换班 → 同意: the roster changes and both are told', () => {
  it('asks the other member, who agrees; the shift changes hands and staff see it', async () => {
    expect(await chat.sayConfirmed(ids['张三']!, '换班 3月5日 李四')).toBe(
      '已请李四代您值3月5日（周四）全天的班。对方回复“同意”后才生效，届时会通知您。',
    );
    await app.tick();
    expect(await inbox(app, ids['李四']!)).toEqual([
      '张三想请您代值3月5日（周四）全天的班（委员服务中心）。同意请回复“同意”，不方便请回复“拒绝”。',
    ]);
    expect(byDate(await roster(app, '2026-03-05', '2026-03-05'))).toEqual({ '2026-03-05': '张三' });

    expect(await chat.sayConfirmed(ids['李四']!, '同意')).toBe('好的，3月5日（周四）全天由您代张三值班（委员服务中心）。谢谢！');
    await app.tick();
    const [shift] = await roster(app, '2026-03-05', '2026-03-05');
    expect(shift).toMatchObject({ memberName: '李四', state: 'swapped', place: '委员服务中心' });
    expect(await inbox(app, ids['张三']!)).toEqual(['李四已同意代您值3月5日（周四）全天的班，值班表已更新。']);
    expect(await inbox(app, STAFF_ROOM)).toContain('换班：3月5日（周四）全天 张三 → 李四（双方已确认）。');
    expect(await chat.say('resident:王阿姨', '明天谁值班')).toBe('3月5日（周四）值班：\n全天 李四（委员服务中心）');
  });

  it('does not apply the same answer twice', async () => {
    expect(await chat.sayConfirmed(ids['李四']!, '同意')).toBe('目前没有等您答复的换班请求。');
  });
});

describe('换班 → 拒绝: nothing changes', () => {
  it('tells the asker and leaves the roster as it was', async () => {
    expect(await chat.sayConfirmed(ids['王五']!, '换班 3月9日 张三')).toContain('已请张三代您值3月9日（周一）全天的班');
    expect(await chat.say(ids['张三']!, '拒绝')).toBe('已告知王五您这次不方便代班。');
    await app.tick();
    expect(await roster(app, '2026-03-09', '2026-03-09')).toMatchObject([{ memberName: '王五', state: 'planned' }]);
    expect(await inbox(app, ids['王五']!)).toContain('张三这次不方便代您值3月9日（周一）全天的班，原安排不变。可以再问问其他委员。');
    expect(await inbox(app, STAFF_ROOM)).not.toContain(expect.stringContaining('3月9日'));
  });
});

describe('换班 answers every mistake and changes nothing', () => {
  it('refuses a day the asker is not on duty', async () => {
    expect(await chat.sayConfirmed(ids['张三']!, '换班 3月6日 王五')).toBe(
      '您在3月6日（周五）没有需要换的班次。发送“我的值班”可查看您的安排。',
    );
  });

  it('refuses swapping with oneself', async () => {
    expect(await chat.sayConfirmed(ids['张三']!, '换班 3月10日 张三')).toBe('不能和自己换班，请写另一位委员的姓名。');
  });

  it('refuses a shift that is already under way', async () => {
    expect(await chat.sayConfirmed(ids['王五']!, '换班 今天 李四')).toBe('3月4日（周三）的班次已经开始或结束，不能再换了。');
  });

  it('keeps one request per shift waiting at a time', async () => {
    expect(await chat.sayConfirmed(ids['张三']!, '换班 3月10日 李四')).toContain('已请李四');
    expect(await chat.sayConfirmed(ids['张三']!, '换班 3月10日 王五')).toBe('3月10日（周二）的换班请求已在等待李四答复，请耐心等候。');
  });

  it('asks which request is meant when several wait, and takes the one named by date', async () => {
    expect(await chat.sayConfirmed(ids['王五']!, '换班 3月12日 李四')).toContain('已请李四');
    expect(await chat.sayConfirmed(ids['李四']!, '同意')).toBe(
      '有几条换班请求在等您答复：3月10日（周二）、3月12日（周四）。请写明日期，例如：同意 3月10日',
    );
    expect(await chat.say(ids['李四']!, '拒绝 3月12日')).toBe('已告知王五您这次不方便代班。');
    expect(byDate(await roster(app, '2026-03-10', '2026-03-12'))).toEqual({
      '2026-03-10': '张三',
      '2026-03-11': '李四',
      '2026-03-12': '王五',
    });
  });

  it('voids a request when the shift was reassigned meanwhile', async () => {
    const [shift] = await roster(app, '2026-03-10', '2026-03-10');
    const patched = await app.api(`/api/roster/shifts/${shift!.id}`, { method: 'PATCH', body: { memberId: ids['王五'] } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await chat.sayConfirmed(ids['李四']!, '同意')).toBe('这个班次已经有了变动（可能已重新排班或已由别人接替），换班请求作废。');
    expect(byDate(await roster(app, '2026-03-10', '2026-03-10'))).toEqual({ '2026-03-10': '王五' });
  });

  it('tells a member with nothing waiting', async () => {
    expect(await chat.say(ids['王五']!, '拒绝')).toBe('目前没有等您答复的换班请求。');
  });
});

describe('staff reassign a shift through the admin API', () => {
  it('hands it over and tells both members and the staff group', async () => {
    const [shift] = await roster(app, '2026-03-13', '2026-03-13');
    const response = await app.api(`/api/roster/shifts/${shift!.id}`, { method: 'PATCH', body: { memberId: ids['李四'] } });
    expect(response.status).toBe(200);
    expect(response.body.shift).toMatchObject({ date: '2026-03-13', memberName: '李四' });
    await app.tick();
    expect(await inbox(app, ids['李四']!)).toContain('工作人员已将3月13日（周五）全天（委员服务中心）的值班安排给您。');
    expect(await inbox(app, ids['张三']!)).toContain('工作人员已将您3月13日（周五）全天的值班改由李四承担。');
    expect(await inbox(app, STAFF_ROOM)).toContain('调班：3月13日（周五）全天 张三 → 李四（工作人员调整）。');
  });

  it('answers 404 for an unknown shift and 400 for a bad body', async () => {
    expect(
      (await app.api('/api/roster/shifts/0123456789abcdef01234567', { method: 'PATCH', body: { memberId: ids['李四'] } })).status,
    ).toBe(404);
    expect((await app.api('/api/roster/shifts/0123456789abcdef01234567', { method: 'PATCH', body: {} })).status).toBe(400);
  });
});
