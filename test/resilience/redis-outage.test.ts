import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideRedis, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { VECTOR_A, wecomEnv } from '../platforms/wecom/wecom-client.js';
import { testStores } from '../support/stores.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { StoreAddress, portOf } from './relay.js';
import { deliverUntilAccepted, eventually, filedTimes, opinions, pool } from './support.js';

const MEMBERS = ['redis-a', 'redis-b', 'redis-c', 'redis-d'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis stopped and restarted while messages arrive', () => {
  let fake: FakeWecomServer;
  let redis: EmbeddedServer;
  let address: StoreAddress;
  let yishi: TestYishi;

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
    redis = await provideRedis({});
    address = await StoreAddress.open(portOf(redis.uri));
    const stores = { ...testStores(import.meta.url), redisUrl: `redis://127.0.0.1:${address.port}` };
    // A wide answer window: a store failure after an early ack (past the durable claim) would lose the message.
    yishi = await startTestYishi(import.meta.url, {
      stores,
      env: wecomEnv(fake.url, { WECOM_REPLY_WITHIN_MS: '3000', COMMAND_RATE_PER_MINUTE: '1000' }),
    });
    for (const [k, id] of MEMBERS.entries()) {
      expect(
        (await yishi.api('/api/members', { body: { name: `缓存委员${k}`, sector: '无党派', role: 'member', wecomUserId: id } })).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await yishi?.stop();
    await address?.close();
    await redis?.stop();
    await fake?.stop();
  });

  // ~14 s alone, far more on a busy machine (no timing is asserted), hence the wide timeout.
  it(
    'answers 503 while Redis is away, and once it is back every retried message has filed exactly one opinion',
    { timeout: 120_000 },
    async () => {
      const batch = opinions(80, MEMBERS);
      const statuses: number[] = [];
      let accepted = 0;
      const outage = (async () => {
        while (accepted < 20) await sleep(20);
        await address.close();
        await redis.stop();
        // Held until the platform has been told to retry at least once.
        const until = Date.now() + 10_000;
        while (!statuses.includes(503) && Date.now() < until) await sleep(50);
        await sleep(500);
        redis = await provideRedis({});
        await address.open(portOf(redis.uri));
      })();

      await pool(batch, 4, async (opinion) => {
        statuses.push(...(await deliverUntilAccepted(() => yishi.url, opinion)));
        accepted += 1;
      });
      await outage;

      expect(statuses).toContain(503);
      expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
      await eventually(async () => (await yishi.db.collection('opinions').countDocuments()) >= batch.length, 'every opinion filed');
      expect(await filedTimes(yishi.db, batch)).toEqual(batch.map(() => 1));
      expect(await yishi.db.collection('opinions').countDocuments()).toBe(batch.length);
    },
  );
});
