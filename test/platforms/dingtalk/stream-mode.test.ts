import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { APP_KEY, eventually, robotMessage } from './dingtalk-support.js';

describe('DingTalk Stream mode', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');

  const { yishi: t, dingtalk: fake } = useScenario(import.meta.url, { dingtalk: 'stream', clock }, async () => {
    await t.api('/api/members', { body: { name: '张委员', sector: '无党派', role: 'member', dingtalkStaffId: 'staff-zhang' } });
  });

  it('gets a ticket from the gateway, opens the socket, takes a robot message, ACKs it and answers', async () => {
    await eventually(() => fake.gateway.connectionCount === 1, 'the Stream connection');
    expect(fake.gateway.opens[0]).toMatchObject({
      clientId: APP_KEY,
      subscriptions: expect.arrayContaining([{ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' }]),
    });

    const frameId = fake.gateway.deliverRobotMessage(robotMessage(fake, clock));
    await eventually(() => fake.gateway.acksFor(frameId).length === 1, 'the ACK frame');
    expect(fake.gateway.acksFor(frameId)[0]).toEqual({
      code: 200,
      headers: { contentType: 'application/json', messageId: frameId },
      message: 'OK',
      data: '{"response":null}',
    });
    await eventually(() => fake.delivered.some((d) => d.channel === 'session'), 'the reply at the session webhook');
    expect(fake.delivered.find((d) => d.channel === 'session')!.body).toMatchObject({
      text: { content: expect.stringContaining('议事助手可以帮您') },
    });
  });

  it('echoes the gateway ping with its opaque value', async () => {
    const opaque = fake.gateway.ping();
    await eventually(() => fake.gateway.replies.some((r) => r.data === JSON.stringify({ opaque })), 'the ping echo');
  });

  it('uses each ticket once, and reconnects with a new ticket after the gateway drops the socket', async () => {
    const opensBefore = fake.gateway.opens.length;
    fake.gateway.dropConnections();
    await eventually(() => fake.gateway.opens.length > opensBefore && fake.gateway.connectionCount === 1, 'the new connection');
    expect(fake.gateway.refusedUpgrades).toEqual([]);

    const frameId = fake.gateway.deliverRobotMessage(robotMessage(fake, clock, { text: { content: '帮助 帮助' } }));
    await eventually(() => fake.gateway.acksFor(frameId).length === 1, 'the ACK on the new connection');
  });
});
