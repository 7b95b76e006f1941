import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRobotReply, postToRobot } from '../platforms/wecom/wecom-client.js';
import { groupMessages, numberIn, privacyCommittee, STAFF_ROOM } from './privacy-support.js';

let c: Awaited<ReturnType<typeof privacyCommittee>>;
let number: string;
const PHONE = '13912345678';

beforeAll(async () => {
  // The fake WeCom server too: the case is staff @-mentioning the smart robot in a WeCom group.
  c = await privacyCommittee(import.meta.url, { kf: true, env: { WECOM_REPLY_WITHIN_MS: '4000' } });
  expect((await c.app.api('/api/members', { body: { name: '孙干事', sector: '中共', role: 'staff', wecomUserId: 'sungs' } })).status).toBe(
    201,
  );
  number = numberIn(await c.chat.say('resident:王阿姨', `反映 青石社区北门的路灯坏了一周，我的电话${PHONE}`));
  await c.chat.sayConfirmed(c.staff, `受理 ${number}`);
  await c.chat.sayConfirmed(c.staff, `分派 ${number} 李四`);
});
afterAll(async () => {
  await c?.stop();
});

const auditActions = async () =>
  ((await c.app.repositories.opinions.findByNumber(number))!.audit as Array<{ action: string; who: string }>).map((a) => a.action);

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

  it('answers the same in a WeCom group through the smart robot', async () => {
    const response = await postToRobot(
      c.app.url,
      {
        msgid: 'privacy-group-reveal-1',
        aibotid: 'AIBOTID',
        chatid: 'office-group',
        chattype: 'group',
        from: { userid: 'sungs' },
        response_url: 'http://127.0.0.1:9/cgi-bin/aibot/response?response_code=privacy',
        msgtype: 'text',
        text: { content: `@议事助手 查看联系方式 ${number}` },
      },
      c.clock.now(),
    );
    expect(response.status).toBe(200);
    const reply = openRobotReply((await response.json()) as never);
    const content = JSON.stringify(reply);
    expect(content).toContain('不能在群里查看');
    expect(content).not.toContain(PHONE);
    expect(content).not.toContain('王阿姨');
    expect(await auditActions()).not.toContain('reveal-contact');
  });

  it('reveals it in a direct chat to staff and to the handler, each look audited under their name', async () => {
    for (const who of [c.staff, c.handler]) {
      const answer = await c.chat.say(who, `查看联系方式 ${number}`);
      expect(answer).toContain(PHONE);
      expect(answer).toContain('王阿姨');
    }
    const audit = (await c.app.repositories.opinions.findByNumber(number))!.audit as Array<{ action: string; who: string }>;
    expect(audit.filter((a) => a.action === 'reveal-contact').map((a) => a.who)).toEqual([c.staff, c.handler]);
  });

  it('refuses a member who neither handles it nor is staff, even in a direct chat', async () => {
    const answer = await c.chat.say(c.bystander, `查看联系方式 ${number}`);
    expect(answer).toContain('不能查看');
    expect(answer).not.toContain(PHONE);
  });
});
