import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { generate, setUpCommittee } from './roster-support.js';

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

describe('值班: who is on duty, asked in plain Chinese', () => {
  it.each([
    ['值班', '3月4日（周三）值班：\n全天 王五（委员服务中心）'],
    ['今天谁值班', '3月4日（周三）值班：\n全天 王五（委员服务中心）'],
    ['今天谁值班？', '3月4日（周三）值班：\n全天 王五（委员服务中心）'],
    ['明天谁值班', '3月5日（周四）值班：\n全天 张三（委员服务中心）'],
    ['值班 明天', '3月5日（周四）值班：\n全天 张三（委员服务中心）'],
    ['值班 下周三', '3月11日（周三）值班：\n全天 李四（委员服务中心）'],
    // Typed without a year: the answer says which year it took (issue 21).
    ['值班 3月5日', '2026年3月5日（周四）值班：\n全天 张三（委员服务中心）'],
    ['值班 2026-03-05', '3月5日（周四）值班：\n全天 张三（委员服务中心）'],
    ['值班 周五', '3月6日（周五）值班：\n全天 李四（委员服务中心）'],
    ['值班 周六', '3月7日（周六）没有安排值班（可能是周末、节假日，或还没有排班）。'],
  ])('answers 「%s」 with the member, slot and place', async (question, answer) => {
    expect(await chat.say('resident:王阿姨', question)).toBe(answer);
  });

  it('answers 本周 as a compact table, marking served shifts', async () => {
    const table = await chat.say(ids['李四']!, '值班 本周');
    expect(table.split('\n')).toEqual([
      '**本周值班表（3月2日（周一）—3月8日（周日））**',
      '',
      '| 日期 | 时段 | 委员 | 地点 |',
      '|---|---|---|---|',
      '| 3月2日（周一） | 全天 | 张三 | 委员服务中心 |',
      '| 3月3日（周二） | 全天 | 李四 | 委员服务中心 |',
      '| 3月4日（周三） | 全天 | 王五 | 委员服务中心 |',
      '| 3月5日（周四） | 全天 | 张三 | 委员服务中心 |',
      '| 3月6日（周五） | 全天 | 李四 | 委员服务中心 |',
    ]);
  });

  it('titles 下周 as next week', async () => {
    const table = await chat.say(ids['李四']!, '值班 下周');
    expect(table).toContain('下周值班表（3月9日（周一）—3月15日（周日））');
    expect(table).toContain('| 3月13日（周五） | 全天 | 张三 | 委员服务中心 |');
  });

  it('lists a month day by day', async () => {
    const month = await chat.say(ids['李四']!, '值班 本月');
    expect(month).toContain('3月1日（周日）至3月31日（周二）值班安排：');
    expect(month).toContain('3月9日（周一） 全天 王五（委员服务中心）');
  });

  it('says what it did not understand', async () => {
    const answer = await chat.say(ids['李四']!, '值班 下下下周');
    expect(answer).not.toContain('值班：');
    expect(answer).toMatch(/下下下周/);
  });
});

describe('我的值班', () => {
  it('lists the asker’s next shifts with hours and place', async () => {
    expect(await chat.say(ids['张三']!, '我的值班')).toBe(
      [
        '您接下来的值班：',
        '· 3月5日（周四） 全天 09:00–17:30，委员服务中心',
        '· 3月10日（周二） 全天 09:00–17:30，委员服务中心',
        '· 3月13日（周五） 全天 09:00–17:30，委员服务中心',
        '如需换班，请发送：换班 日期 委员姓名',
      ].join('\n'),
    );
    expect(await chat.say(ids['王五']!, '我哪天值班')).toContain('· 3月4日（周三） 全天 09:00–17:30，委员服务中心');
  });

  it('tells a staff member without shifts that there are none, and a resident that it is for members', async () => {
    expect(await chat.say(ids['刘干事']!, '我的值班')).toBe('您接下来没有值班安排。');
    expect(await chat.say('resident:王阿姨', '我的值班')).toContain('委员');
  });
});
