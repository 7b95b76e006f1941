import { afterAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { findPostgresBinDir } from '../../src/devtools/embedded-postgres.js';
import { provideMongo, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { testStores, withDatabase } from '../support/stores.js';

/**
 * Yishi relies on MongoDB's single-document atomicity (conditional $inc, findOneAndUpdate claims).
 * FerretDB v1 alone breaks it (docs/ferretdb-gaps.md); these tests check that the stores we run
 * on — the harness's store, and FerretDB on PostgreSQL with per-collection write lanes as the
 * benchmarks run it — keep it.
 */
const stores = testStores(import.meta.url);

async function raceConditionalIncrements(connection: Connection, collection: string): Promise<{ n: number; winners: number }> {
  const counters = connection.collection<{ _id: string; n: number }>(collection);
  await counters.insertOne({ _id: 'c', n: 0 });
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      counters.findOneAndUpdate({ _id: 'c', n: { $lt: 3 } }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
    ),
  );
  const stored = await counters.findOne({ _id: 'c' });
  return { n: stored?.n ?? -1, winners: results.filter((doc) => doc !== null).length };
}

describe('single-document atomicity', () => {
  const connections: Connection[] = [];
  const servers: EmbeddedServer[] = [];
  afterAll(async () => {
    await Promise.all(connections.map(async (c) => c.close()));
    for (const server of servers) await server.stop();
  });

  it('lets exactly 3 of 20 concurrent conditional increments through on the harness store', async () => {
    const connection = await connectMongo(stores.mongoUri);
    connections.push(connection);
    expect(await raceConditionalIncrements(connection, 'race')).toEqual({ n: 3, winners: 3 });
    await connection.db?.dropDatabase();
  });

  const postgresReason = findPostgresBinDir() ? undefined : 'PostgreSQL is not installed here';
  it.skipIf(postgresReason !== undefined)(
    `keeps it on FerretDB over PostgreSQL with per-collection write lanes (the benchmarks' store)${postgresReason ? ` — skipped: ${postgresReason}` : ''}`,
    async () => {
      const server = await provideMongo({ ferretBackend: 'postgresql' });
      servers.push(server);
      expect(server.kind).toContain('PostgreSQL');
      const connection = await connectMongo(withDatabase(server.uri, 'atomicity'));
      connections.push(connection);
      const [one, two] = await Promise.all([
        raceConditionalIncrements(connection, 'race_one'),
        raceConditionalIncrements(connection, 'race_two'),
      ]);
      expect(one).toEqual({ n: 3, winners: 3 });
      expect(two).toEqual({ n: 3, winners: 3 });
    },
    120_000,
  );
});
