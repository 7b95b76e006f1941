import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { connectMongo } from '../../../src/storage/mongo/connection.js';
import { FakeDingtalk } from '../../fakes/dingtalk-server.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv, eventually, postCallback, robotMessage } from './dingtalk-support.js';

const opinionsExist = existsSync(new URL('../../../commands/file-opinion.ts', import.meta.url));

describe('a DingTalk message delivered several times', () => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  let fake: FakeDingtalk;
  let t: TestYishi | undefined;

  beforeAll(async () => {
    fake = await FakeDingtalk.start({ appKey: APP_KEY, appSecret: APP_SECRET, robotCode: ROBOT_CODE, now: () => clock.now().getTime() });
  });

  afterAll(async () => {
    await t?.stop();
    await fake?.close();
  });

  it('over HTTP twice and redelivered by the Stream gateway after a late ACK, has one effect', async () => {
    // Stream mode still mounts POST /dingtalk, so both transports reach the same Yishi.
    t = await startTestYishi(import.meta.url, { env: dingtalkEnv(fake, 'stream'), clock });
    await t.api('/api/members', { body: { name: '张委员', sector: '无党派', role: 'member', dingtalkStaffId: 'staff-zhang' } });
    await eventually(() => fake.gateway.connectionCount === 1, 'the Stream connection');

    const text = opinionsExist ? '反映 东门路灯坏了三天，晚上很黑' : '帮助';
    const payload = robotMessage(fake, clock, { text: { content: ` ${text}` } });
    const now = clock.now().getTime();
    expect((await postCallback(t.url, payload, { now })).status).toBe(200);
    expect((await postCallback(t.url, payload, { now })).status).toBe(200);
    const frameId = fake.gateway.deliverRobotMessage(payload, { lateAck: true });
    await eventually(() => fake.gateway.acksFor(frameId).length === 2, 'two ACKs: first delivery and the redelivery');
    expect(fake.gateway.deliveriesOf(frameId)).toBe(2);

    // Stopping waits for every message still being handled, so nothing can arrive afterwards.
    await t.stop();
    const db = await connectMongo(t.stores.mongoUri);
    try {
      expect(await db.collection('inbound_messages').countDocuments()).toBe(1);
      if (opinionsExist) expect(await db.collection('opinions').countDocuments()).toBe(1);
    } finally {
      await db.close();
    }
    // One answer to the sender, by whichever way it went.
    expect(fake.delivered.filter((d) => d.channel === 'session')).toHaveLength(1);
    expect(fake.delivered.filter((d) => d.channel === 'oto' && JSON.stringify(d.body.userIds) === '["staff-zhang"]')).toHaveLength(0);
    t = undefined;
  });
});
