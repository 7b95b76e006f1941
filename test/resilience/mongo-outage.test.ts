import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provideMongo, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { VECTOR_A, wecomEnv } from '../platforms/wecom/wecom-client.js';
import { testStores } from '../support/stores.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { StoreAddress, portOf } from './relay.js';
import { deliver, deliverUntilAccepted, eventually, filedTimes, opinions, pool } from './support.js';

const MEMBERS = ['mongo-a', 'mongo-b'];

/**
 * MongoDB is this file's own FerretDB (data kept in a directory across the restart), reached
 * through a fixed address that refuses connections while it is stopped. With MONGODB_URI set
 * (a real MongoDB), this file is skipped: it cannot stop someone else's server.
 */
describe.skipIf(Boolean(process.env.MONGODB_URI))('MongoDB stopped and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yishi-mongo-outage-'));
  let fake: FakeWecomServer;
  let mongo: EmbeddedServer;
  let address: StoreAddress;
  let yishi: TestYishi;

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
    mongo = await provideMongo({ dataDir });
    address = await StoreAddress.open(portOf(mongo.uri));
    const own = testStores(import.meta.url);
    const stores = {
      ...own,
      mongoBaseUri: `mongodb://127.0.0.1:${address.port}/`,
      mongoUri: `mongodb://127.0.0.1:${address.port}/${own.dbName}`,
    };
    // The default answer window (300 ms): nothing is acked before MongoDB has recorded the message.
    yishi = await startTestYishi(import.meta.url, { stores, env: wecomEnv(fake.url, { COMMAND_RATE_PER_MINUTE: '1000' }) });
    for (const [k, id] of MEMBERS.entries()) {
      expect(
        (await yishi.api('/api/members', { body: { name: `库委员${k}`, sector: '无党派', role: 'member', wecomUserId: id } })).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await yishi?.stop();
    await address?.close();
    await mongo?.stop();
    await fake?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Up to 2 minutes: after the restart the connection may need its monitor watchdog (20 s) to come back.
  it(
    'answers non-2xx while MongoDB is stopped, so WeCom retries, and files each retried message once after the restart',
    { timeout: 120_000 },
    async () => {
      const before = opinions(10, MEMBERS);
      await pool(before, 2, async (opinion) => void (await deliverUntilAccepted(() => yishi.url, opinion)));

      await address.close();
      await mongo.stop();
      const during = opinions(10, MEMBERS);
      const statuses: number[] = [];
      await pool(during, 10, async (opinion) => void statuses.push(await deliver(yishi.url, opinion)));
      // 503 when the driver has given up, 0 when WeCom's own 5 s would have run out first: both make it retry.
      expect(statuses.filter((status) => status >= 200 && status < 300)).toEqual([]);

      mongo = await provideMongo({ dataDir });
      await address.open(portOf(mongo.uri));
      await pool(during, 4, async (opinion) => void (await deliverUntilAccepted(() => yishi.url, opinion)));

      const all = [...before, ...during];
      await eventually(async () => (await yishi.db.collection('opinions').countDocuments()) >= all.length, 'every opinion filed');
      expect(await filedTimes(yishi.db, all)).toEqual(all.map(() => 1));
    },
  );
});
