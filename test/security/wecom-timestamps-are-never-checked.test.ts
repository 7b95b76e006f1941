import { encrypt } from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { ManualClock } from '../../src/core/clock.js';
import { APP_KEYS, envelope, openAppReply, ROBOT_KEYS, seal, stampOf, textMessageXml, VECTOR_A } from '../platforms/wecom/wecom-client.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('WeCom timestamps are never checked', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let msgSeq = 0;
  const inbox = () => yishi.db.collection('inbound_messages');
  const secondsFromNow = (ms: number) => stampOf(new Date(clock.now().getTime() + ms));
  const helpFrom = (from: string) => textMessageXml({ from, content: '帮助', msgId: `77000000${String(++msgSeq).padStart(8, '0')}` });
  /** A message that changes something (帮助 is read-only and never reaches the durable inbox, issue 20). */
  const filingFrom = (from: string) =>
    textMessageXml({ from, content: '反映 东门路灯坏了三盏', msgId: `77000000${String(++msgSeq).padStart(8, '0')}` });

  function postApp(inner: string, timestamp: string): Promise<Response> {
    const { ciphertext, query } = seal(inner, APP_KEYS, timestamp);
    return fetch(`${yishi.url}/wecom/app?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: envelope(ciphertext),
    });
  }
  function postRobot(timestamp: string): Promise<Response> {
    const callback = { msgid: `bot-${++msgSeq}`, aibotid: 'AIBOT', chattype: 'single', from: { userid: 'zhangsan' }, msgtype: 'text' };
    const { ciphertext, query } = seal(JSON.stringify({ ...callback, text: { content: '帮助' } }), ROBOT_KEYS, timestamp);
    return fetch(`${yishi.url}/wecom/bot?${query}`, { method: 'POST', body: JSON.stringify({ encrypt: ciphertext }) });
  }
  function urlCheck(timestamp: string): Promise<Response> {
    const { ciphertext, query } = seal('echo-1616140317555161061', APP_KEYS, timestamp);
    query.set('echostr', ciphertext);
    return fetch(`${yishi.url}/wecom/app?${query}`);
  }

  const { yishi } = useScenario(import.meta.url, {
    wecom: true,
    env: { WECOM_REPLY_WITHIN_MS: '4000' },
    clock,
    scheduler: 'manual',
  });

  const refused: Array<[string, () => string]> = [
    ['timestamp=1', () => '1'],
    ['timestamp=99999999999', () => '99999999999'],
    ['timestamp=abc', () => 'abc'],
    ['a timestamp two days old', () => secondsFromNow(-2 * DAY)],
    ['a timestamp two days ahead', () => secondsFromNow(2 * DAY)],
    ['a timestamp in milliseconds', () => String(clock.now().getTime())],
  ];

  it.each(refused)('refuses a correctly signed app message with %s, and stores nothing', async (_case, timestamp) => {
    const response = await postApp(helpFrom('zhangsan'), timestamp());
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await inbox().countDocuments()).toBe(0);
  });

  it.each(refused)('refuses a smart-robot message and a URL check with %s', async (_case, timestamp) => {
    for (const response of [await postRobot(timestamp()), await urlCheck(timestamp())]) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(await inbox().countDocuments()).toBe(0);
  });

  it('accepts callbacks signed up to a day either side of its clock', async () => {
    for (const offset of [-23 * HOUR, 0, 23 * HOUR]) {
      const response = await postApp(helpFrom('zhangsan'), secondsFromNow(offset));
      expect(response.status).toBe(200);
      expect(openAppReply(await response.text()).Content).toMatch(/\S/);
      expect((await postRobot(secondsFromNow(offset))).status).toBe(200);
      expect(await (await urlCheck(secondsFromNow(offset))).text()).toBe('echo-1616140317555161061');
    }
  });

  it('forgets dedup records once no callback for them can still be accepted, so the inbox stays bounded', async () => {
    await inbox().deleteMany({});
    const old = filingFrom('lisi');
    const sentAt = stampOf(clock.now());
    expect((await postApp(old, sentAt)).status).toBe(200);
    clock.advance(3 * DAY);
    expect((await postApp(filingFrom('lisi'), stampOf(clock.now()))).status).toBe(200);
    expect(await inbox().countDocuments()).toBe(2);

    clock.advance(1 * DAY + HOUR);
    await yishi.tick();
    expect(await inbox().countDocuments()).toBe(1);
    // The forgotten message cannot come back: its signature's timestamp is days old.
    expect((await postApp(old, sentAt)).status).toBe(401);
    expect(await inbox().countDocuments()).toBe(1);
  });

  it('still refuses a wrong signature before looking at anything else', async () => {
    const ciphertext = encrypt(APP_KEYS.encodingAesKey, helpFrom('zhangsan'), VECTOR_A.corpId);
    const query = new URLSearchParams({ msg_signature: 'f'.repeat(40), timestamp: stampOf(clock.now()), nonce: '1' });
    const response = await fetch(`${yishi.url}/wecom/app?${query}`, { method: 'POST', body: envelope(ciphertext) });
    expect(response.status).toBe(401);
  });
});
