import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMessages, numberIn, privacyCommittee, STAFF_ROOM } from './privacy-support.js';

let c: Awaited<ReturnType<typeof privacyCommittee>>;
let number: string;
const PHONE = '13912345678';

beforeAll(async () => {
  c = await privacyCommittee(import.meta.url);
  number = numberIn(await c.chat.say('resident:王阿姨', `反映 青石社区北门的路灯坏了一周，我的电话${PHONE}`));
  await c.chat.say(c.staff, `受理 ${number}`);
  await c.chat.say(c.staff, `分派 ${number} 李四`);
});
afterAll(async () => {
  await c?.stop();
});

const auditActions = async () =>
  ((await c.app.db.collection('opinions').findOne({ number }))!.audit as Array<{ action: string; who: string }>).map((a) => a.action);

describe("A resident's phone reaches a group", () => {
  it('answers 查看联系方式 in a group with a polite refusal that says to ask in private, revealing nothing', async () => {
    const before = await auditActions();
    for (const who of [c.staff, c.handler]) {
      const answer = await c.chat.say(who, `@议事助手 查看联系方式 ${number}`, { chat: STAFF_ROOM, mentionedBot: true });
      expect(answer).toContain('不能在群里查看');
      expect(answer).toContain(`单聊中发送“查看联系方式 ${number}”`);
      expect(answer).not.toContain(PHONE);
      expect(answer).not.toContain('139');
      expect(answer).not.toContain('王阿姨');
    }
    expect(await auditActions()).toEqual(before);
    for (const text of await groupMessages(c.app)) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('王阿姨');
    }
  });

  it('reveals it in a direct chat to staff and to the handler, each look audited under their name', async () => {
    for (const who of [c.staff, c.handler]) {
      const answer = await c.chat.say(who, `查看联系方式 ${number}`);
      expect(answer).toContain(PHONE);
      expect(answer).toContain('王阿姨');
    }
    const audit = (await c.app.db.collection('opinions').findOne({ number }))!.audit as Array<{ action: string; who: string }>;
    expect(audit.filter((a) => a.action === 'reveal-contact').map((a) => a.who)).toEqual([c.staff, c.handler]);
  });

  it('refuses a member who neither handles it nor is staff, even in a direct chat', async () => {
    const answer = await c.chat.say(c.bystander, `查看联系方式 ${number}`);
    expect(answer).toContain('不能查看');
    expect(answer).not.toContain(PHONE);
  });
});
