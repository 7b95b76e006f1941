import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { generate, inbox, roster, setUpCommittee, STAFF_ROOM } from './roster-support.js';

/** An instant given as Beijing wall-clock time. */
const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);

const clock = new ManualClock(beijing('2026-03-04T07:50'));
let first: TestYishi;
let second: TestYishi;
let ids: Record<string, string>;
let chat: ReturnType<typeof consoleChat>;

beforeAll(async () => {
  first = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  // A second instance on the same MongoDB database and Redis prefix.
  second = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', stores: first.stores });
  ids = await setUpCommittee(first, ['张三', '李四', '王五']);
  chat = consoleChat(first);
  // Wed Mar 4 张三, Thu Mar 5 李四, Fri Mar 6 王五
  await generate(first, { from: '2026-03-04', to: '2026-03-06', memberIds: [ids['张三'], ids['李四'], ids['王五']] });
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

const reminders = async (memberId: string) => (await inbox(first, memberId)).filter((text) => text.startsWith('值班提醒'));
const staffLines = async (prefix: string) => (await inbox(first, STAFF_ROOM)).filter((text) => text.startsWith(prefix));

describe('the 08:00 duty reminder', () => {
  it('is not sent before the reminder time', async () => {
    await Promise.all([first.tick(), second.tick()]);
    expect(await reminders(ids['张三']!)).toEqual([]);
  });

  it('goes out once at 08:00 Beijing even when two instances tick at the same moment', async () => {
    clock.set(beijing('2026-03-04T08:00'));
    await Promise.all([first.tick(), second.tick()]);
    await Promise.all([first.tick(), second.tick()]);
    expect(await reminders(ids['张三']!)).toEqual([
      '值班提醒：今天3月4日（周三）全天（09:00–17:30）请到委员服务中心接待群众。到岗后请发送“值班签到”。',
    ]);
    expect(await staffLines('今日值班')).toEqual(['今日值班 3月4日（周三）：全天 张三（委员服务中心）']);
    expect(await reminders(ids['李四']!)).toEqual([]);
  });

  it('is not sent again by a later tick the same day', async () => {
    clock.set(beijing('2026-03-04T08:10'));
    await Promise.all([first.tick(), second.tick()]);
    expect(await reminders(ids['张三']!)).toHaveLength(1);
  });
});

describe('值班签到', () => {
  it('is not open before half an hour ahead of the shift', async () => {
    expect(await chat.say(ids['张三']!, '值班签到')).toBe('全天的班次还没开始，08:30起可以签到。');
  });

  it('marks the shift served during the shift, once', async () => {
    clock.set(beijing('2026-03-04T08:45'));
    expect(await chat.say(ids['张三']!, '值班签到')).toBe('签到成功：3月4日（周三）全天，委员服务中心。辛苦了！');
    expect(await chat.say(ids['张三']!, '值班签到')).toBe('您已签到过3月4日（周三）全天的班次。');
    expect(await roster(first, '2026-03-04', '2026-03-04')).toMatchObject([{ memberName: '张三', state: 'served' }]);
  });

  it('tells a member who is not on duty today', async () => {
    expect(await chat.say(ids['李四']!, '值班签到')).toBe('您今天没有值班安排。发送“我的值班”可查看您的安排。');
  });
});

describe('a shift with no check-in', () => {
  it('is marked missed when it ends, and staff are told the next morning', async () => {
    clock.set(beijing('2026-03-05T18:00'));
    await Promise.all([first.tick(), second.tick()]);
    expect(await roster(first, '2026-03-04', '2026-03-05')).toMatchObject([
      { memberName: '张三', state: 'served' },
      { memberName: '李四', state: 'missed' },
    ]);
    expect(await staffLines('未到岗')).toEqual([]);
    expect(await chat.say(ids['李四']!, '值班签到')).toBe(
      '3月5日（周四）全天的班次已经结束，不能再签到了。如有特殊情况，请联系政协办公室。',
    );

    clock.set(beijing('2026-03-06T08:00'));
    await Promise.all([first.tick(), second.tick()]);
    expect(await staffLines('未到岗')).toEqual(['未到岗：3月5日（周四）全天 李四（委员服务中心）没有值班签到。']);
    expect(await reminders(ids['王五']!)).toHaveLength(1);
  });
});
