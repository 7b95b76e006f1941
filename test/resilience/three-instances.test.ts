import { spawn, type ChildProcess } from 'node:child_process';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPostgresBinDir } from '../../src/devtools/embedded-postgres.js';
import { provideMongo, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';
import { findFreePort } from '../../src/devtools/free-port.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { VECTOR_A, wecomEnv } from '../platforms/wecom/wecom-client.js';
import { ensureServerBuilt } from '../support/build.js';
import { testStores, withDatabase } from '../support/stores.js';
import { deliverUntilAccepted, eventually, filedTimes, opinions, pool } from './support.js';

const stores = testStores(import.meta.url);
const ADMIN_TOKEN = 'three-instances-admin-token-0123';
const MEMBERS = Array.from({ length: 20 }, (_, k) => `multi-${k}`);
const MESSAGES = 1000;
/** Where the three instances keep their data: the run's store, or this file's own FerretDB on PostgreSQL (see beforeAll). */
let mongoUri = stores.mongoUri;

/** One Yishi process, as `npm start` runs it, on the shared MongoDB and Redis. */
async function startInstance(fakeUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      ...wecomEnv(fakeUrl),
      MONGODB_URI: mongoUri,
      REDIS_URL: stores.redisUrl,
      ADMIN_TOKEN,
      PORT: String(port),
      LOG_LEVEL: 'error',
      COMMAND_RATE_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Start-up (then the indexes) took over 30 s under tsx on a loaded 2-core box; a generous bound.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, child };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance on ${port} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('three Yishi processes on one Redis and one MongoDB', () => {
  let fake: FakeWecomServer;
  let instances: Array<{ url: string; child: ChildProcess }> = [];
  let db: Connection;
  let ownStore: EmbeddedServer | undefined;

  beforeAll(async () => {
    // 1,000 messages cost ~12,000 writes, one at a time per database on FerretDB/SQLite (the proxy's lane;
    // an update there reads the whole table): over 2 minutes alone. FerretDB on PostgreSQL filters in
    // PostgreSQL and writes tables side by side, so when PostgreSQL is installed this file runs on one of its
    // own (the subject here is three instances coordinating, not a store). A MONGODB_URI is used as given.
    if (inject('mongoKind') !== 'MONGODB_URI' && findPostgresBinDir()) {
      ownStore = await provideMongo({ ferretBackend: 'postgresql' });
      mongoUri = withDatabase(ownStore.uri, stores.dbName);
    }
    // Started as `npm start` runs it: the compiled dist/src/main.js (built here unless newer than src/; CI builds
    // before the tests). Under tsx each process first transpiled src/, seconds of both cores per instance.
    ensureServerBuilt();
    fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
    instances = await Promise.all([0, 1, 2].map(() => startInstance(fake.url)));
    db = await connectMongo(mongoUri);
    for (const [k, id] of MEMBERS.entries()) {
      const response = await fetch(`${instances[k % 3]!.url}/api/members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `多实例委员${k}`, sector: '无党派', role: 'member', wecomUserId: id }),
      });
      expect(response.status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all(
      instances.map(
        ({ child }) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
          ),
      ),
    );
    await db?.close();
    await fake?.stop();
    await ownStore?.stop();
  });

  it('files exactly 1,000 opinions from 1,000 messages each delivered twice to random instances', async () => {
    const batch = opinions(MESSAGES, MEMBERS);
    // Both copies of every message, shuffled, so copies often race each other on different instances.
    const deliveries = [...batch, ...batch].map((opinion) => ({ opinion, order: Math.random() })).sort((a, b) => a.order - b.order);
    const pick = () => instances[Math.floor(Math.random() * instances.length)]!.url;
    await pool(deliveries, 6, async ({ opinion }) => void (await deliverUntilAccepted(pick, opinion)));

    await eventually(async () => (await db.collection('opinions').countDocuments()) >= MESSAGES, 'all opinions filed', 120_000);
    expect(await filedTimes(db, batch)).toEqual(batch.map(() => 1));
    expect(await db.collection('opinions').countDocuments()).toBe(MESSAGES);
    expect(await db.collection('inbound_messages').countDocuments()).toBe(MESSAGES);
  }, 300_000);
});
