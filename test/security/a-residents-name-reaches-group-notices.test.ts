import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentSays } from '../services/residents/kf-support.js';
import { groupMessages, numberIn, privacyCommittee, STAFF_ROOM } from './privacy-support.js';

let c: Awaited<ReturnType<typeof privacyCommittee>>;
const DAY = 24 * 60 * 60 * 1000;
let told: string;
let untold: string;
let consoleResident: string;

beforeAll(async () => {
  c = await privacyCommittee(import.meta.url, { kf: true });
  const fake = c.wecom!;
  // A resident who introduces themselves and gives name and phone at the end of the dialogue.
  await residentSays(c.app, fake, 'wmWang', '我叫王小明，青石社区3号楼门口的路灯坏了一个星期了');
  await residentSays(c.app, fake, 'wmWang', '3');
  await residentSays(c.app, fake, 'wmWang', '没有了');
  await residentSays(c.app, fake, 'wmWang', '王小明 13912345678');
  told = numberIn(await residentSays(c.app, fake, 'wmWang', '确认'));
  // One who introduces themselves but never leaves a name: nothing stored to mask by.
  await residentSays(c.app, fake, 'wmLi', '我是李红梅，河西村的垃圾站满了三天没人清运');
  await residentSays(c.app, fake, 'wmLi', '2');
  await residentSays(c.app, fake, 'wmLi', '没有了');
  await residentSays(c.app, fake, 'wmLi', '不用');
  untold = numberIn(await residentSays(c.app, fake, 'wmLi', '确认'));
  // On the console, a resident whose name is their console name, repeated in the text.
  consoleResident = numberIn(await c.chat.say('resident:赵桂芬', '反映 东门社区健身器材坏了，赵桂芬家孩子差点受伤'));
});
afterAll(async () => {
  await c?.stop();
});

const NAMES = ['王小明', '李红梅', '赵桂芬'];

describe("A resident's name reaches group notices", () => {
  it('keeps the name out of the 新反映 notice, whether it was stored, never given, or typed in the text', async () => {
    const texts = await groupMessages(c.app);
    for (const number of [told, untold, consoleResident]) expect(texts.some((t) => t.includes(number))).toBe(true);
    for (const text of texts) for (const name of NAMES) expect(text).not.toContain(name);
    expect(texts.some((t) => t.includes('我叫王**'))).toBe(true);
    expect(texts.some((t) => t.includes('我是李**'))).toBe(true);
  });

  it('keeps the name out of 进度, 待办 and 逾期 asked in a group, and out of the overdue ladder', async () => {
    for (const number of [told, untold, consoleResident]) {
      await c.chat.sayConfirmed(c.staff, `受理 ${number}`);
      await c.chat.sayConfirmed(c.staff, `分级 ${number} 简易`);
    }
    // 简易 from Wednesday ends Monday 17:30 (3 working days): Thursday next week is well past it.
    c.clock.advance(8 * DAY);
    const inGroup = { chat: STAFF_ROOM, mentionedBot: true };
    const views = [
      ...(await Promise.all([told, untold, consoleResident].map((n) => c.chat.say(c.staff, `进度 ${n}`, inGroup)))),
      await c.chat.say(c.staff, '待办', inGroup),
      await c.chat.say(c.staff, '逾期', inGroup),
    ];
    expect(views.at(-1)).toContain(told);
    for (const view of views) for (const name of NAMES) expect(view, view).not.toContain(name);
    const texts = await groupMessages(c.app);
    expect(texts.some((t) => t.includes('催办') || t.includes('逾期'))).toBe(true);
    for (const text of texts) for (const name of NAMES) expect(text).not.toContain(name);
  });

  it('keeps names and phones out of the exports too (API CSVs; the text is there in full, masked)', async () => {
    for (const path of ['/api/opinions/export.csv', '/api/export/opinions.csv?period=2026-03']) {
      const { status, body } = await c.app.api(path);
      expect(status).toBe(200);
      const csv = String(body);
      expect(csv).toContain('我叫王**，青石社区3号楼门口的路灯坏了一个星期了');
      for (const name of NAMES) expect(csv, path).not.toContain(name);
      expect(csv).not.toContain('13912345678');
    }
  });

  it('still lets the resident read their own words, and staff the masked text in a direct chat', async () => {
    expect(await residentSays(c.app, c.wecom!, 'wmWang', told)).toContain('我叫王小明');
    const direct = await c.chat.say(c.staff, `进度 ${told}`);
    expect(direct).toContain('我叫王**，青石社区3号楼门口的路灯坏了一个星期了');
    expect(direct).not.toContain('王小明');
  });
});
