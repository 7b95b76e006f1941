import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { generate, inbox, setUpCommittee } from './roster-support.js';

const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);
const clock = new ManualClock(beijing('2026-03-04T10:00'));
let ids: Record<string, string>;
let chat: ReturnType<typeof consoleChat>;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  ids = await setUpCommittee(app, ['张三', '李四']);
  chat = consoleChat(app);
  // Wed Mar 4 上午 张三, 下午 李四
  await generate(app, { from: '2026-03-04', to: '2026-03-04', memberIds: [ids['张三'], ids['李四']], slots: ['上午', '下午'] });
});

describe('a resident’s opinion during a shift goes to the member on duty', () => {
  it('lands in that member’s 待办 and they are told at once', async () => {
    const filed = await chat.say('resident:王阿姨', '反映 青石社区北门的路灯坏了一周了');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    expect(filed).toContain('今天的值班委员已经收到');

    expect(await chat.say(ids['张三']!, '待办')).toContain(number);
    expect(await chat.say(ids['李四']!, '待办')).not.toContain(number);
    await app.tick();
    expect((await inbox(app, ids['张三']!)).some((text) => text.includes(number) && text.includes('值班提醒'))).toBe(true);
  });

  it('in the afternoon goes to the afternoon member', async () => {
    clock.set(beijing('2026-03-04T15:00'));
    const filed = await chat.say('resident:李大爷', '反映 河西村的井盖松动了，晚上很危险');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    expect(await chat.say(ids['李四']!, '待办')).toContain(number);
    expect(await chat.say(ids['张三']!, '待办')).not.toContain(number);
  });

  it('outside shift hours goes to nobody’s 待办', async () => {
    clock.set(beijing('2026-03-04T20:00'));
    const filed = await chat.say('resident:赵阿姨', '反映 东城社区的健身器材坏了');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    expect(filed).not.toContain('今天的值班委员已经收到');
    expect(await chat.say(ids['张三']!, '待办')).not.toContain(number);
    expect(await chat.say(ids['李四']!, '待办')).not.toContain(number);
  });
});
