import { afterEach, describe, expect, it, vi } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import type { Clock } from '../../../src/core/clock.js';
import { messagesFor } from '../../../src/i18n/messages.js';
import type { TestYishi } from '../../support/yishi.js';
import { eventXml, openAppReply, postToApp, textMessageXml, VECTOR_A } from './wecom-client.js';

const t = messagesFor('zh-CN');

// WeCom's published example (protocols.md §1.7, vector A), byte for byte.
const A1_QUERY =
  'msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D';
const A2_QUERY = 'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';
const A2_BODY =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>';

const inboxCount = (yishi: TestYishi) => yishi.db.collection('inbound_messages').countDocuments();

describe('the WeCom app callback (/wecom/app)', () => {
  // The wall clock, except while an official example is replayed on the day it was signed.
  let signedAt: number | undefined;
  const clock: Clock = { now: () => new Date(signedAt ?? Date.now()) };
  afterEach(() => {
    signedAt = undefined;
  });

  // A generous answer window: these tests are about passive replies, not about slowness.
  const { yishi, wecom: fake } = useScenario(import.meta.url, {
    wecom: true,
    env: { WECOM_REPLY_WITHIN_MS: '4000' },
    clock,
    fakesOnWallClock: true,
  });

  it('answers the official verify-URL example with exactly its plaintext', async () => {
    signedAt = 1409659589_000;
    const response = await fetch(`${yishi.url}/wecom/app?${A1_QUERY}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1616140317555161061');
  });

  it('decrypts the official 2014 message example (on a clock set to its day) and answers it with an encrypted reply', async () => {
    signedAt = 1409659813_000;
    const response = await fetch(`${yishi.url}/wecom/app?${A2_QUERY}`, { method: 'POST', body: A2_BODY });
    expect(response.status).toBe(200);
    const reply = openAppReply(await response.text());
    expect(reply).toMatchObject({ ToUserName: 'mycreate', FromUserName: VECTOR_A.corpId, MsgType: 'text' });
    expect(reply.Content).not.toBe('');
    // Its words are no command that writes: answered without a durable inbox record (issue 20).
    const stored = await yishi.db.collection('inbound_messages').findOne({ _id: 'wecom-app:4561255354251345929' as never });
    expect(stored).toBeNull();
  });

  it('gives the same read-only message delivered four times four 200s and the same answer, storing nothing', async () => {
    const before = await inboxCount(yishi);
    const message = textMessageXml({ from: 'zhangsan', content: '帮助', msgId: 'CAIQg/PKxgYY2sC9tpuAgAMg9/zKaw==' });
    const answers: string[] = [];
    for (let delivery = 0; delivery < 4; delivery += 1) {
      const response = await postToApp(yishi.url, message);
      expect(response.status).toBe(200);
      answers.push(openAppReply(await response.text()).Content!);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain(t.core.help.title);
    expect((await inboxCount(yishi)) - before).toBe(0); // 帮助 only reads (issue 20): no inbox record
    expect(fake.appMessages).toHaveLength(0);
  });

  it("files one opinion when a member's 反映 arrives four times, and answers each delivery alike", async () => {
    const registered = await yishi.api('/api/members', {
      body: { name: '张委员', sector: '无党派', role: 'member', wecomUserId: 'zhangweiyuan' },
    });
    expect(registered.status).toBe(201);
    const before = await inboxCount(yishi);
    const message = textMessageXml({
      from: 'zhangweiyuan',
      content: '反映 东门小区的路灯坏了三天了，晚上出行不安全',
      msgId: '8000000000000000001',
    });
    const answers: string[] = [];
    for (let delivery = 0; delivery < 4; delivery += 1) {
      const response = await postToApp(yishi.url, message);
      expect(response.status).toBe(200);
      answers.push(openAppReply(await response.text()).Content!);
    }
    expect(new Set(answers).size).toBe(1);
    expect((await inboxCount(yishi)) - before).toBe(1);
    const opinions = await yishi.db.collection('opinions').find().toArray();
    expect(opinions).toHaveLength(1);
    expect(answers[0]).toContain(opinions[0]!.number);
  });

  it('runs a menu click as the command its key names', async () => {
    const response = await postToApp(yishi.url, eventXml({ from: 'lisi', event: 'click', eventKey: '帮助', createTime: 1700000100 }));
    expect(openAppReply(await response.text()).Content).toContain(t.core.help.title);
  });

  it('welcomes a member who opens the app, once, and acks the next opening with an empty 200', async () => {
    const first = await postToApp(yishi.url, eventXml({ from: 'wangwu', event: 'enter_agent', createTime: 1700000200 }));
    expect(openAppReply(await first.text()).Content).toBe(t.wecom.welcome);
    const second = await postToApp(yishi.url, eventXml({ from: 'wangwu', event: 'enter_agent', createTime: 1700000300 }));
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('');
  });

  it('tells a member who sends a picture that only text is understood', async () => {
    const picture = `<xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><FromUserName><![CDATA[zhaoliu]]></FromUserName><CreateTime>1700000400</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/a.png]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>42</MsgId><AgentID>218</AgentID></xml>`;
    const response = await postToApp(yishi.url, picture);
    expect(openAppReply(await response.text()).Content).toBe(t.wecom.onlyText);
  });

  it('acks a customer-service (kf_msg_or_event) notice with an empty 200', async () => {
    const extra = '<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token><OpenKfId><![CDATA[wkxxxxxx]]></OpenKfId>';
    const response = await postToApp(yishi.url, eventXml({ from: 'sys', event: 'kf_msg_or_event', extra }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('a slow answer from the WeCom app callback', () => {
  // An answer window of 0 ms: every answer is "late", so it must travel through message/send.
  const { yishi, wecom: fake } = useScenario(import.meta.url, { wecom: true, env: { WECOM_REPLY_WITHIN_MS: '0' } });

  it('acks with an empty 200, sends the answer once through message/send, and acks retries without sending again', async () => {
    // A 反映: store writes follow the durable claim, so the answer is surely later than 0 ms (a
    // read-only answer from memory may not be, and would rightly go into the callback's response).
    const registered = await yishi.api('/api/members', {
      body: { name: '赵委员', sector: '无党派', role: 'member', wecomUserId: 'zhaowy' },
    });
    expect(registered.status).toBe(201);
    const message = textMessageXml({ from: 'zhaowy', content: '反映 东街的下水道堵了', msgId: '7000000000000000001' });
    const first = await postToApp(yishi.url, message);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    await vi.waitFor(() => expect(fake.appMessages).toHaveLength(1), { timeout: 10_000 });
    expect(fake.appMessages[0]).toMatchObject({ touser: 'zhaowy', msgtype: 'text', agentid: 218 });
    expect(fake.appMessages[0]!.content).toMatch(/MY-\d{4}-\d{6}/);

    for (let retry = 0; retry < 3; retry += 1) {
      const again = await postToApp(yishi.url, message);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe('');
    }
    expect(fake.appMessages).toHaveLength(1);
    expect(fake.gettokenCalls).toBe(1);
  });
});
