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
    expect(await chat.say(staff, '嗯')).toBe('还有一项操作等您确认：请回复“确认”执行，或回复“取消”放弃。');
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
