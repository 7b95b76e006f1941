import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { addMember, consoleChat } from '../platforms/console/console-client.js';

// Wednesday 2026-03-04, 10:00 in Beijing; 下周 is 2026-03-09 … 2026-03-15.
const clock = new ManualClock('2026-03-04T02:00:00Z');
const ASK = '请回复“确认”执行，或回复“取消”放弃（5分钟内有效）。';

let app: TestYishi;
let chat: ReturnType<typeof consoleChat>;
let staff: string;
let otherStaff: string;

async function shiftsNextWeek(): Promise<number> {
  const response = await app.api('/api/roster?from=2026-03-09&to=2026-03-15');
  expect(response.status).toBe(200);
  return (response.body.shifts as unknown[]).length;
}

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock });
  chat = consoleChat(app);
  staff = await addMember(app, { name: '刘干事', role: 'staff' });
  otherStaff = await addMember(app, { name: '周干事', role: 'staff' });
  await addMember(app, { name: '张委员', role: 'member' });
  await addMember(app, { name: '李委员', role: 'member' });
});
afterAll(async () => {
  await app?.stop();
});

// 排班 (generate the duty roster) is a side-effecting staff command that needs confirmation.
describe('a command that needs confirmation', () => {
  it('shows what will happen and does nothing until 确认; 取消 drops it', async () => {
    const preview = await chat.say(staff, '排班 下周 张委员 李委员');
    expect(preview).toContain(ASK);
    expect(await shiftsNextWeek()).toBe(0);
    expect(await chat.say(staff, '取消')).toBe('好的，已取消，没有做任何改动。');
    expect(await shiftsNextWeek()).toBe(0);
    expect(await chat.say(staff, '确认')).toBe('现在没有需要您确认的操作。');
    expect(await shiftsNextWeek()).toBe(0);
  });

  it('reminds the person while it waits, instead of reading other words as an answer', async () => {
    await chat.say(staff, '排班 下周 张委员 李委员');
    expect(await chat.say(staff, '嗯')).toBe('“嗯”不算确认，“排班”还没有执行。请回复“确认”执行，或回复“取消”放弃。');
    await chat.say(staff, '取消');
  });

  it('answers politely after five minutes and runs nothing', async () => {
    await chat.say(staff, '排班 下周 张委员 李委员');
    clock.advance(5 * 60_000 + 1_000);
    expect(await chat.say(staff, '确认')).toBe('刚才的“排班”已超过5分钟没有确认，已自动取消，没有执行。如仍需办理，请重新发送。');
    expect(await shiftsNextWeek()).toBe(0);
    // Only once: the next 确认 is simply nothing pending.
    expect(await chat.say(staff, '确认')).toBe('现在没有需要您确认的操作。');
  });

  it('waits for the same person in the same chat: another person’s 确认 or the same person elsewhere does nothing', async () => {
    expect(await chat.say(staff, '@议事助手 排班 下周 张委员 李委员', { chat: 'office-group' })).toContain(ASK);
    expect(await chat.say(otherStaff, '@议事助手 确认', { chat: 'office-group' })).toBe('现在没有需要您确认的操作。');
    expect(await chat.say(staff, '确认')).toBe('现在没有需要您确认的操作。');
    expect(await shiftsNextWeek()).toBe(0);
    const done = await chat.say(staff, '@议事助手 确认', { chat: 'office-group' });
    expect(done).not.toContain(ASK);
    expect(await shiftsNextWeek()).toBeGreaterThan(0);
    // It ran once: a second 确认 finds nothing.
    expect(await chat.say(staff, '@议事助手 确认', { chat: 'office-group' })).toBe('现在没有需要您确认的操作。');
  });
});

// Issue 21: every change someone else will see asks, says who will be told, and only 确认/是/确定 confirm.
describe('the confirmation rule for opinions', () => {
  let number: string;
  const state = async () => (await app.api(`/api/opinions/${number}`)).body.state as string;

  beforeAll(async () => {
    const filed = await chat.say('resident:王阿姨', '反映 青石社区3号楼门口的路灯坏了一周了');
    number = /MY-\d{4}-\d{6}/.exec(filed)![0];
  });

  it('受理 shows what will change and who will be told, and waits', async () => {
    expect(await chat.say(staff, `受理 ${number}`)).toBe(`将受理 ${number}，办理时限从现在起算。\n将通知：反映人。\n${ASK}`);
    expect(await state()).toBe('submitted');
  });

  it('does not take 好的 (or 可以, ok) as a yes, and says so', async () => {
    for (const soft of ['好的', '可以', 'ok']) {
      expect(await chat.say(staff, soft)).toBe(`“${soft}”不算确认，“受理”还没有执行。请回复“确认”执行，或回复“取消”放弃。`);
    }
    expect(await state()).toBe('submitted');
    expect(await chat.say(staff, '是')).toContain(`已受理 ${number}`);
    expect(await state()).toBe('accepted');
  });

  it('分派 names the member who will be told; a new command drops the change that waited', async () => {
    const preview = await chat.say(staff, `分派 ${number} 张委员`);
    expect(preview).toBe(`将把 ${number} 分派给 张委员 办理。\n将通知：反映人、承办人张委员。\n${ASK}`);
    expect(await chat.say(staff, `分级 ${number} 复杂`)).toBe(
      `刚才的“分派”没有确认，已取消，没有执行。\n将把 ${number} 定为“复杂”，办理时限按新等级重新计算。\n不另行通知他人，只记入记录。\n${ASK}`,
    );
    expect(await chat.say(staff, '确定')).toContain('复杂');
    expect((await app.api(`/api/opinions/${number}`)).body).toMatchObject({ state: 'accepted', grade: 'complex' });
    expect((await app.api(`/api/opinions/${number}`)).body.handlerId).toBeUndefined();
  });

  it('转协商 and 当场办结 ask too; another person’s 确认 in the group does nothing', async () => {
    expect(await chat.say(staff, `@议事助手 转协商 ${number}`, { chat: 'office-group' })).toContain(`将把 ${number} 转为协商议题`);
    expect(await chat.say(otherStaff, '@议事助手 确认', { chat: 'office-group' })).toBe('现在没有需要您确认的操作。');
    expect(await state()).toBe('accepted');
    expect(await chat.say(staff, '@议事助手 确认', { chat: 'office-group' })).toContain('已转为协商议题');
    expect(await state()).toBe('escalated');

    const other = /MY-\d{4}-\d{6}/.exec(await chat.say('resident:李师傅', '反映 柳岸花园垃圾亭满溢'))![0];
    expect(await chat.say(staff, `当场办结 ${other} 已当场联系环卫`)).toContain('将通知：反映人。');
    expect((await app.api(`/api/opinions/${other}`)).body.state).toBe('submitted');
    expect(await chat.say(staff, '确认')).toContain('已当场办结');
  });
});
