import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { generate, setUpCommittee } from './roster-support.js';

// Wednesday 2026-12-02, 10:00 in Beijing: the phrasings issue 21 found failing, through the console.
const clock = new ManualClock('2026-12-02T02:00:00Z');
let app: TestYishi;
let ids: Record<string, string>;
let chat: ReturnType<typeof consoleChat>;

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  ids = await setUpCommittee(app, ['张三', '李四', '王五']);
  chat = consoleChat(app);
  // Half-days, weekends included, from 2026-12-02 to 2026-12-20: mornings and afternoons in turn.
  const memberIds = [ids['张三'], ids['李四'], ids['王五']];
  await generate(app, {
    from: '2026-12-02',
    to: '2026-12-20',
    memberIds,
    slots: ['上午', '下午'],
    workdays: ['2026-12-05', '2026-12-06', '2026-12-12', '2026-12-13', '2026-12-19', '2026-12-20'],
  });
});
afterAll(async () => {
  await app?.stop();
});

/** The member names in an answer, in order. */
const names = (answer: string) => [...answer.matchAll(/^(?:上午|下午|全天) (\S+?)（/gm)].map((m) => m[1]);

describe('值班 asked as people ask it (issue 21)', () => {
  it.each([
    ['下周三值班', '12月9日（周三）值班：'],
    ['下周三谁值班', '12月9日（周三）值班：'],
    ['周六谁值班', '12月5日（周六）值班：'],
    ['这周六谁值班', '12月5日（周六）值班：'],
    ['礼拜六谁值班？', '12月5日（周六）值班：'],
    ['下下周一谁值班', '12月14日（周一）值班：'],
    ['请问下周日谁在值班', '12月13日（周日）值班：'],
  ])('「%s」 names the day and both half-days', async (question, title) => {
    const answer = await chat.say('resident:王阿姨', question);
    expect(answer.startsWith(title), answer).toBe(true);
    expect(names(answer)).toHaveLength(2);
  });

  it('says which year it took for a month and day typed without one', async () => {
    const answer = await chat.say('resident:王阿姨', '12月10日谁值班');
    expect(answer.startsWith('2026年12月10日（周四）值班：'), answer).toBe(true);
    const nextYear = await chat.say('resident:王阿姨', '值班 12月1日');
    expect(nextYear).toBe('2027年12月1日（周三）没有安排值班（可能是周末、节假日，或还没有排班）。');
  });

  it('answers a half-day with the shift of that half only', async () => {
    const full = await chat.say('resident:王阿姨', '值班 明天');
    const [morning, afternoon] = names(full);
    expect(await chat.say('resident:王阿姨', '值班 明天下午')).toBe(`12月3日（周四）下午值班：\n下午 ${afternoon}（委员服务中心）`);
    expect(await chat.say('resident:王阿姨', '值班 明天 上午')).toBe(`12月3日（周四）上午值班：\n上午 ${morning}（委员服务中心）`);
    expect(await chat.say('resident:王阿姨', '明天下午谁值班？')).toBe(`12月3日（周四）下午值班：\n下午 ${afternoon}（委员服务中心）`);
  });

  it('says plainly that there is no evening duty, and gives the day instead', async () => {
    const answer = await chat.say('resident:王阿姨', '今晚谁值班');
    expect(answer).toContain('晚上不安排值班：值班时段只有上午 09:00–12:00、下午 14:00–17:30。');
    expect(answer).toContain('12月2日（周三）的值班：');
    expect(names(answer)).toHaveLength(2);
  });

  it('says what it did not understand in a question it recognised', async () => {
    const answer = await chat.say('resident:王阿姨', '下下下周谁值班');
    expect(answer).toContain('下下下周');
    expect(answer).not.toContain('值班：');
  });
});
