import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { ROBOT_CODE, eventually, postCallback, robotMessage, signFor } from './dingtalk-support.js';

const HOUR = 60 * 60_000;

describe('the DingTalk HTTP callback', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');

  const { yishi: t, dingtalk: fake } = useScenario(import.meta.url, { dingtalk: true, clock }, async () => {
    const created = await t.api('/api/members', {
      body: { name: '张委员', sector: '无党派', role: 'member', dingtalkStaffId: 'staff-zhang' },
    });
    expect(created.status).toBe(201);
  });

  const inboundCount = () => t.db.collection('inbound_messages').countDocuments();
  const now = () => clock.now().getTime();

  describe('refuses requests DingTalk did not sign, and stores nothing', () => {
    it.each([
      ['a timestamp 61 minutes old', () => ({ timestamp: String(now() - HOUR - 60_000) })],
      ['a timestamp 61 minutes ahead', () => ({ timestamp: String(now() + HOUR + 60_000) })],
      ['a wrong sign', () => ({ sign: signFor(String(now()), 'not-the-app-secret') })],
      ['no timestamp header', () => ({ timestamp: null, sign: signFor(String(now())) })],
      ['no sign header', () => ({ sign: null })],
      ['no headers at all', () => ({ timestamp: null, sign: null })],
    ])('answers %s with 401', async (_case, headers) => {
      const response = await postCallback(t.url, robotMessage(fake, clock), { now: now(), ...headers() });
      expect([401, 403]).toContain(response.status);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('dingtalk_signature_invalid');
      expect(await inboundCount()).toBe(0);
    });
  });

  it('answers a body that is not a robot message with 400 and stores nothing', async () => {
    const response = await postCallback(t.url, { hello: 'world' }, { now: now() });
    expect(response.status).toBe(400);
    expect(await inboundCount()).toBe(0);
  });

  it('accepts a signed request from 59 minutes ago and answers the member through the session webhook', async () => {
    const payload = robotMessage(fake, clock);
    const response = await postCallback(t.url, payload, { now: now(), timestamp: String(now() - HOUR + 60_000) });
    expect(response.status).toBe(200);
    await eventually(() => fake.delivered.some((d) => d.channel === 'session'), 'the reply at the session webhook');
    const reply = fake.delivered.find((d) => d.channel === 'session')!;
    expect(reply.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('议事助手可以帮您') } });
    // 帮助 is read-only (issue 20): answered without a durable inbox record.
    const stored = await t.db.collection('inbound_messages').findOne({ _id: `dingtalk:${payload.msgId as string}` as never });
    expect(stored).toBeNull();
  });

  it('mentions the sender when answering in a group', async () => {
    const before = fake.delivered.length;
    const payload = robotMessage(fake, clock, {
      conversationType: '2',
      conversationId: 'cidGroupWuDangPai==',
      conversationTitle: '无党派界别群',
      isInAtList: true,
    });
    expect((await postCallback(t.url, payload, { now: now() })).status).toBe(200);
    await eventually(() => fake.delivered.length > before, 'the group reply');
    const reply = fake.delivered[before]!;
    expect(reply.channel).toBe('session');
    expect(reply.body).toMatchObject({ at: { atUserIds: ['staff-zhang'] }, text: { content: expect.stringMatching(/^@staff-zhang /) } });
  });

  it('answers through the OpenAPI 1:1 send once the session webhook has expired', async () => {
    const payload = robotMessage(fake, clock, { sessionWebhookExpiredTime: now() - 60_000 });
    expect((await postCallback(t.url, payload, { now: now() })).status).toBe(200);
    await eventually(() => fake.delivered.some((d) => d.channel === 'oto'), 'the OpenAPI 1:1 send');
    const sent = fake.delivered.find((d) => d.channel === 'oto')!;
    expect(sent.body).toMatchObject({ robotCode: ROBOT_CODE, userIds: ['staff-zhang'], msgKey: 'sampleText' });
    expect(JSON.parse(sent.body.msgParam as string)).toMatchObject({ content: expect.stringContaining('议事助手可以帮您') });
    expect(fake.refused.filter((r) => r.channel === 'session')).toEqual([]);
  });

  it('answers a group through the OpenAPI group send when DingTalk says the session is gone (300001)', async () => {
    // DingTalk's clock says the session ended although the stated expiry is still ahead.
    const payload = robotMessage(fake, clock, { conversationType: '2', conversationId: 'cidGroupStaff==', isInAtList: true });
    payload.sessionWebhook = fake.sessionWebhook(now() - 1);
    expect((await postCallback(t.url, payload, { now: now() })).status).toBe(200);
    await eventually(() => fake.delivered.some((d) => d.channel === 'group'), 'the OpenAPI group send');
    expect(fake.refused).toContainEqual(expect.objectContaining({ channel: 'session', code: 300001 }));
    expect(fake.delivered.find((d) => d.channel === 'group')!.body).toMatchObject({
      robotCode: ROBOT_CODE,
      openConversationId: 'cidGroupStaff==',
    });
  });

  it('fetches the access token once and reuses it from the shared cache', async () => {
    expect(fake.tokenRequests).toBe(1);
  });

  it('hands a reply to the outbox when the robot has used its 20 messages for the minute', async () => {
    await t.api('/api/members', { body: { name: '李委员', sector: '经济界', role: 'member', dingtalkStaffId: 'staff-li' } });
    const outbox = t.db.collection('outbox');
    const deferred = () => outbox.countDocuments({ idempotencyKey: { $regex: '^dingtalk-reply:' } });
    // The clock stands still, so the robot's budget does not refill while these arrive.
    for (let i = 0; i < 12 && (await deferred()) === 0; i += 1) {
      const before = fake.delivered.length;
      const payload = robotMessage(fake, clock, { senderStaffId: 'staff-li', senderNick: '李委员', conversationId: 'cidDirectLi==' });
      expect((await postCallback(t.url, payload, { now: now() })).status).toBe(200);
      await eventually(async () => fake.delivered.length > before || (await deferred()) > 0, 'a reply sent or deferred');
    }
    const item = await outbox.findOne({ idempotencyKey: { $regex: '^dingtalk-reply:' } });
    expect(item).toMatchObject({
      state: 'pending',
      recipient: { kind: 'address', address: { platform: 'dingtalk', kind: 'user', staffId: 'staff-li' } },
    });
    expect((item!.dueAt as Date).getTime()).toBeGreaterThan(now());
    expect(fake.maxPerMinute(ROBOT_CODE)).toBeLessThanOrEqual(20);
  });
});
