import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { provideMongo, type EmbeddedServer } from '../../../src/devtools/embedded-stores.js';
import { FakeDingtalk } from '../../fakes/dingtalk-server.js';
import { StoreAddress, portOf } from '../../resilience/relay.js';
import { testStores } from '../../support/stores.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv, eventually, robotMessage, signFor } from './dingtalk-support.js';

/** One delivery as DingTalk makes it; resolves with the status (0: no answer within `timeoutMs`). */
async function deliver(baseUrl: string, payload: unknown, timeoutMs = 15_000): Promise<number> {
  const timestamp = String(Date.now());
  try {
    const response = await fetch(`${baseUrl}/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', timestamp, sign: signFor(timestamp) },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * MongoDB is this file's own FerretDB behind a fixed address that refuses connections while it is
 * stopped (as in test/resilience/mongo-outage.test.ts). Skipped with MONGODB_URI set: it cannot
 * stop someone else's server.
 */
describe.skipIf(Boolean(process.env.MONGODB_URI))('a DingTalk message while MongoDB is stopped', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yishi-dingtalk-outage-'));
  // Real time: the callback's signature window and the session webhook follow the wall clock.
  const clock = new ManualClock(Date.now());
  let fake: FakeDingtalk;
  let mongo: EmbeddedServer;
  let address: StoreAddress;
  let yishi: TestYishi;

  beforeAll(async () => {
    fake = await FakeDingtalk.start({ appKey: APP_KEY, appSecret: APP_SECRET, robotCode: ROBOT_CODE, now: () => Date.now() });
    mongo = await provideMongo({ dataDir });
    address = await StoreAddress.open(portOf(mongo.uri));
    const own = testStores(import.meta.url);
    const stores = {
      ...own,
      mongoBaseUri: `mongodb://127.0.0.1:${address.port}/`,
      mongoUri: `mongodb://127.0.0.1:${address.port}/${own.dbName}`,
    };
    yishi = await startTestYishi(import.meta.url, { stores, env: dingtalkEnv(fake) });
    const member = await yishi.api('/api/members', {
      body: { name: '张委员', sector: '无党派', role: 'member', dingtalkStaffId: 'staff-zhang' },
    });
    expect(member.status).toBe(201);
  });
  afterAll(async () => {
    await yishi?.stop();
    await address?.close();
    await mongo?.stop();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused with a non-2xx, so DingTalk retries, and is filed exactly once after MongoDB is back', async () => {
    const content = `反映 停库期间钉钉反映：${Date.now()}号楼电梯停运`;
    const message = robotMessage(fake, clock, { text: { content } });

    await address.close();
    await mongo.stop();
    const during = await deliver(yishi.url, message);
    // 503 once the driver gives up; 0 if DingTalk's own wait would have run out first. Either way it retries.
    expect(during === 0 || during >= 300).toBe(true);

    mongo = await provideMongo({ dataDir });
    await address.open(portOf(mongo.uri));
    // DingTalk delivers again until it gets a 2xx, then once more as a stray copy.
    const retries: number[] = [];
    for (let attempt = 0; attempt < 60 && !retries.some((status) => status === 200); attempt += 1) {
      retries.push(await deliver(yishi.url, message));
      if (retries.at(-1) !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(retries.at(-1)).toBe(200);
    expect(await deliver(yishi.url, message)).toBe(200);

    const filed = () => yishi.db.collection('opinions').countDocuments({ content: { $regex: '停库期间钉钉反映' } });
    await eventually(async () => (await filed()) >= 1, 'the opinion filed', 30_000);
    await eventually(() => fake.delivered.some((d) => d.channel === 'session'), 'the reply at the session webhook', 30_000);
    expect(await filed()).toBe(1);
    expect(await yishi.db.collection('inbound_messages').countDocuments({ _id: `dingtalk:${message.msgId as string}` as never })).toBe(1);
    expect(fake.delivered.filter((d) => d.channel === 'session')).toHaveLength(1);
  }, 120_000);
});
