import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { addMember, consoleChat } from '../platforms/console/console-client.js';

const clock = new ManualClock('2026-03-04T02:00:00Z');
const ASK_CONTENT = '请说说您遇到了什么事';
const ASK_COMMUNITY = '这件事发生在哪个社区？';
const CONFIRM = '请回复“确认”执行，或回复“取消”放弃';
const NUMBER = /MY-2026-\d{6}/;

let app: TestYishi;
let chat: ReturnType<typeof consoleChat>;
let staff: string;
let zhang: string;
let li: string;

async function opinionCount(): Promise<number> {
  const response = await app.api('/api/opinions');
  expect(response.status).toBe(200);
  return response.body.total as number;
}

/** The number a numbered list shows for a label ("2. 和平社区" → "2"). */
function numberOf(label: string, list: string): string {
  const match = new RegExp(`(\\d+)\\. ${label}`).exec(list);
  expect(match, `“${label}” is listed in:\n${list}`).not.toBeNull();
  return match![1]!;
}

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock });
  chat = consoleChat(app);
  for (const name of ['幸福社区', '和平社区']) expect((await app.api('/api/communities', { body: { name } })).status).toBe(201);
  staff = await addMember(app, { name: '刘干事', role: 'staff' });
  zhang = await addMember(app, { name: '张委员', role: 'member' });
  li = await addMember(app, { name: '李委员', role: 'member' });
});
afterAll(async () => {
  await app?.stop();
});

describe('the guided 反映 dialogue', () => {
  it('asks what happened, then which community from a numbered list, confirms, and files it with a number', async () => {
    const before = await opinionCount();
    const first = await chat.say('resident:王阿姨', '反映');
    expect(first).toContain(ASK_CONTENT);
    expect(first).toContain('（回复“取消”可随时退出）');
    const second = await chat.say('resident:王阿姨', '小区门口的路灯坏了，晚上很黑');
    expect(second).toContain(ASK_COMMUNITY);
    expect(second).toContain('请回复编号或名称。');
    const summary = await chat.say('resident:王阿姨', numberOf('和平社区', second));
    expect(summary).toContain('小区门口的路灯坏了，晚上很黑');
    expect(summary).toContain('和平社区');
    expect(summary).toContain('确认');
    expect(summary.match(/“确认”/g)).toHaveLength(1); // told once how to answer
    expect(await opinionCount()).toBe(before);
    const filed = await chat.say('resident:王阿姨', '确认');
    expect(filed).toMatch(NUMBER);
    expect(await opinionCount()).toBe(before + 1);
    const stored = (await app.api('/api/opinions')).body.items as Array<{ number: string; content: string; community?: string }>;
    expect(stored.find((o) => o.number === NUMBER.exec(filed)![0])).toMatchObject({
      content: '小区门口的路灯坏了，晚上很黑',
      community: '和平社区',
    });
  });

  it('takes the community by name and asks again, kindly, when the answer is not in the list', async () => {
    await chat.say('resident:赵大爷', '反映');
    await chat.say('resident:赵大爷', '楼道里堆满了杂物');
    const again = await chat.say('resident:赵大爷', '99');
    expect(again).toContain('没有找到“99”，请回复列表中的编号或名称。');
    expect(again).toContain(ASK_COMMUNITY);
    expect(await chat.say('resident:赵大爷', '幸福社区')).toContain('“确认”');
    expect(await chat.say('resident:赵大爷', '确认')).toMatch(NUMBER);
  });

  it('leaves at any step on 取消, saving nothing', async () => {
    const before = await opinionCount();
    await chat.say('resident:孙阿姨', '反映');
    expect(await chat.say('resident:孙阿姨', '取消')).toBe('好的，已退出“反映”，没有保存任何内容。');
    await chat.say('resident:孙阿姨', '反映');
    await chat.say('resident:孙阿姨', '垃圾桶满了没人收');
    expect(await chat.say('resident:孙阿姨', '退出')).toBe('好的，已退出“反映”，没有保存任何内容。');
    await chat.say('resident:孙阿姨', '反映');
    await chat.say('resident:孙阿姨', '垃圾桶满了没人收');
    await chat.say('resident:孙阿姨', '1');
    expect(await chat.say('resident:孙阿姨', '取消')).toBe('好的，已取消，没有做任何改动。');
    expect(await chat.say('resident:孙阿姨', '确认')).toBe('现在没有需要您确认的操作。');
    expect(await opinionCount()).toBe(before);
  });

  it('ends politely after ten quiet minutes, once, and then starts fresh', async () => {
    const before = await opinionCount();
    await chat.say('resident:周大姐', '反映');
    clock.advance(10 * 60_000 + 1_000);
    expect(await chat.say('resident:周大姐', '路灯坏了')).toBe('上次的“反映”对话已超时，没有保存。如需继续，请重新发送“反映”。');
    expect(await opinionCount()).toBe(before);
    expect(await chat.say('resident:周大姐', '反映')).toContain(ASK_CONTENT);
    await chat.say('resident:周大姐', '取消');
  });

  it('keeps a second group member out of the first one’s dialogue', async () => {
    const group = { chat: 'sector-group' };
    expect(await chat.say(zhang, '@议事助手 反映', group)).toContain(ASK_CONTENT);
    // 李委员 speaks in the same group: his words are his own, not answers to 张委员's questions.
    const liSays = await chat.say(li, '@议事助手 公园的长椅坏了', group);
    expect(liSays).not.toContain(ASK_COMMUNITY);
    expect(liSays).toContain('反映 公园的长椅坏了');
    expect(await chat.say(li, '@议事助手 帮助', group)).toContain('议事助手可以帮您');
    const list = await chat.say(zhang, '@议事助手 路灯坏了', group);
    expect(list).toContain(ASK_COMMUNITY);
    expect(await chat.say(li, '@议事助手 1', group)).not.toContain('“确认”');
    expect(await chat.say(zhang, `@议事助手 ${numberOf('幸福社区', list)}`, group)).toContain('“确认”');
    expect(await chat.say(li, '@议事助手 确认', group)).toBe('现在没有需要您确认的操作。');
    expect(await chat.say(li, '@议事助手 取消', group)).toBe('现在没有进行中的操作，不需要取消。');
    expect(await chat.say(zhang, '@议事助手 确认', group)).toMatch(NUMBER);
  });

  it('files at once, with no questions, when the text is typed with the command', async () => {
    expect(await chat.say('resident:钱先生', '反映，井盖松动了 #幸福社区')).toMatch(NUMBER);
  });
});

describe('办结 waits for confirmation', () => {
  it('shows what will happen, changes nothing until 确认, then resolves', async () => {
    const filed = await chat.say('resident:吴奶奶', '反映 单元门禁坏了 #和平社区');
    const number = NUMBER.exec(filed)![0];
    expect(await chat.sayConfirmed(staff, `受理 ${number}`)).toContain(number);
    expect(await chat.sayConfirmed(staff, `分派 ${number} @张委员`)).toContain('张委员');
    const state = async () =>
      ((await app.api('/api/opinions')).body.items as Array<{ number: string; state: string }>).find((o) => o.number === number)!.state;
    const before = await state();

    const preview = await chat.say(zhang, `办结 ${number} 已更换门禁电源`);
    expect(preview).toContain(`将办结 ${number}，办理结果：“已更换门禁电源”。`);
    expect(preview).toContain(CONFIRM);
    expect(await state()).toBe(before);
    expect(await chat.say(zhang, '确认')).toBe(`${number} 已办结，已通知反映人并请其评价。`);
    expect(await state()).toBe('resolved');
  });
});
