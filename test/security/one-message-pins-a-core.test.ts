import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { LONG_INPUT_SHAPES } from '../fixtures/long-inputs.js';
import { ROBOT_CODE, eventually, signFor } from '../platforms/dingtalk/dingtalk-support.js';
import { openAppReply, postToApp, textMessageXml } from '../platforms/wecom/wecom-client.js';
import { opinionCount, register, say } from '../services/opinions/opinion-chat.js';
import { residentSays } from '../services/residents/kf-support.js';

/** A line of 100,000 characters in one of the shapes that once made the parser slow. */
function shaped(name: string): string {
  const shape = LONG_INPUT_SHAPES.find((candidate) => candidate.name === name);
  if (!shape) throw new Error(`no long-input shape named ${name}`);
  return shape.build(100_000);
}

/** `反映 1 1 1 …`, 100,000 characters: 10,000 of them took the old parser 1.4 s, 40,000 took 21 s. */
const HUNDRED_K = shaped('反映 1 1 1 …');
const LIMIT = 4_000;
const tooLong = (length: number) => zhCN.input.tooLong(length, LIMIT);
/** Collections a refused message may touch: the dedup record, and 微信客服's cursor and send window. */
const BOOKKEEPING = new Set(['inbound_messages', 'kf_cursors', 'kf_customers']);

describe('One message pins a core', () => {
  let member: { id: string };
  let msgId = 0;

  const {
    yishi,
    wecom,
    dingtalk: ding,
  } = useScenario(import.meta.url, { kf: true, dingtalk: true, env: { WECOM_REPLY_WITHIN_MS: '4000' } }, async () => {
    member = await register(yishi, {
      name: '钱委员',
      sector: '无党派',
      role: 'member',
      wecomUserId: 'qian',
      dingtalkStaffId: 'staff-qian',
    });
  });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const { name } of await yishi.db.listCollections()) result[name] = await yishi.db.collection(name).countDocuments();
    return result;
  }

  /** Asserts that only bookkeeping collections changed since `before`. */
  async function expectNothingStoredSince(before: Record<string, number>): Promise<void> {
    for (const [name, count] of Object.entries(await counts()))
      if (!BOOKKEEPING.has(name)) expect(count, `documents in ${name}`).toBe(before[name] ?? 0);
  }

  function dingtalkCallback(content: string): Promise<Response> {
    const timestamp = String(Date.now());
    const webhook = ding.sessionWebhook(Date.now() + 60 * 60_000);
    const body = {
      msgtype: 'text',
      text: { content },
      msgId: `long${(msgId += 1)}${Date.now()}`,
      createAt: Date.now(),
      conversationType: '1',
      conversationId: 'cidQian==',
      senderStaffId: 'staff-qian',
      chatbotUserId: '$:LWCP_v1:$robot',
      sessionWebhook: webhook,
      sessionWebhookExpiredTime: Date.now() + 60 * 60_000,
      robotCode: ROBOT_CODE,
    };
    return fetch(`${yishi.url}/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', timestamp, sign: signFor(timestamp) },
      body: JSON.stringify(body),
    });
  }

  /** The DingTalk answer to the next message: what reaches the session webhook after `send`. */
  async function dingtalkAnswer(send: () => Promise<Response>): Promise<string> {
    const before = ding.delivered.length;
    expect((await send()).status).toBe(200);
    await eventually(() => ding.delivered.length > before, 'the answer at the session webhook');
    return (ding.delivered[before]!.body as { text: { content: string } }).text.content;
  }

  async function wecomAnswer(content: string): Promise<string> {
    const response = await postToApp(yishi.url, textMessageXml({ from: 'qian', content, msgId: String(9_000_000 + (msgId += 1)) }));
    expect(response.status).toBe(200);
    return openAppReply(await response.text()).Content!;
  }

  it('answers a signed DingTalk message of 100,000 characters politely, without reading it, and files nothing', async () => {
    const before = await counts();
    expect(await dingtalkAnswer(() => dingtalkCallback(HUNDRED_K))).toBe(tooLong(100_000));
    await expectNothingStoredSince(before);
  });

  it('answers a signed WeCom message of 100,000 characters in the passive reply, and files nothing', async () => {
    const before = await counts();
    expect(await wecomAnswer(HUNDRED_K)).toBe(tooLong(100_000));
    await expectNothingStoredSince(before);
  });

  it('answers a resident on 微信客服 in plain words, and files nothing', async () => {
    const before = await counts();
    const answer = await residentSays(yishi, wecom, 'wmLongResident', `楼道灯坏了${'，很黑'.repeat(20_000)}`);
    expect(answer).toBe(zhCN.input.residentTooLong(60_005, LIMIT));
    await expectNothingStoredSince(before);
  });

  it('answers the console the same way', async () => {
    const before = await counts();
    expect(await say(yishi, member.id, HUNDRED_K)).toBe(tooLong(100_000));
    await expectNothingStoredSince(before);
  });

  it('keeps answering /healthz while long messages arrive on every platform at once', async () => {
    const health: number[] = [];
    let sending = true;
    const probing = (async () => {
      while (sending) health.push((await fetch(`${yishi.url}/healthz`)).status);
    })();
    const answers = await Promise.all([
      dingtalkAnswer(() => dingtalkCallback(shaped('curly quotes that never close'))),
      wecomAnswer(shaped('many tags #a #b')),
      say(yishi, member.id, shaped('many spaces')),
    ]);
    sending = false;
    await probing;
    for (const answer of answers) expect(answer).toMatch(/^这条消息太长了（\d+ 字）/);
    expect(health.length).toBeGreaterThan(0);
    expect(new Set(health)).toEqual(new Set([200]));
  });

  it('still reads a message of exactly 4,000 characters (emoji count as one), and not one of 4,001', async () => {
    const atLimit = `反映 ${'😀'.repeat(LIMIT - 3)}`;
    expect(atLimit.length).toBeGreaterThan(LIMIT);
    const count = await opinionCount(yishi);
    // Read, and refused by the opinion's own rule (content up to 2,000 characters), not by the gate.
    expect(await wecomAnswer(atLimit)).toContain('超过了 2000 字');
    expect(await dingtalkAnswer(() => dingtalkCallback(`${atLimit}😀`))).toBe(tooLong(LIMIT + 1));
    expect(await opinionCount(yishi)).toBe(count);
  });

  it('refuses an 880 KB signed DingTalk message (413) before reading it, and stays up', async () => {
    const before = await counts();
    const response = await dingtalkCallback(`反映 ${'1 '.repeat(440_000)}`);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
    await expectNothingStoredSince(before);
    expect((await counts()).inbound_messages).toBe(before.inbound_messages);
    expect((await fetch(`${yishi.url}/healthz`)).status).toBe(200);
  });
});
