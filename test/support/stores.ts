import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { inject } from 'vitest';
import { findPostgresBinDir } from '../../src/devtools/embedded-postgres.js';
import { provideMongo } from '../../src/devtools/embedded-stores.js';

/** A database name and key prefix of this test file's own, on the run's real stores. */
export interface TestStores {
  mongoBaseUri: string;
  /** A MongoDB URI whose path is this file's own database. */
  mongoUri: string;
  dbName: string;
  redisUrl: string;
  redisPrefix: string;
}

export function testStores(fileUrl: string): TestStores {
  const name = basename(fileUrl)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]/gi, '_')
    .slice(0, 30);
  const unique = randomBytes(4).toString('hex');
  const dbName = `t_${name}_${unique}`;
  const base = inject('mongoUri');
  return {
    mongoBaseUri: base,
    mongoUri: withDatabase(base, dbName),
    dbName,
    redisUrl: inject('redisUrl'),
    redisPrefix: `t:${name}:${unique}:`,
  };
}

/** Puts `dbName` into a MongoDB URI's path, keeping hosts and query options. */
export function withDatabase(uri: string, dbName: string): string {
  const [head, query] = uri.split('?', 2) as [string, string | undefined];
  const schemeEnd = head.indexOf('://') + 3;
  const slash = head.indexOf('/', schemeEnd);
  const hosts = slash === -1 ? head : head.slice(0, slash);
  return `${hosts}/${dbName}${query ? `?${query}` : ''}`;
}

/**
 * This file's stores with MongoDB on a FerretDB over a throw-away PostgreSQL of its own, when
 * PostgreSQL is installed and no MONGODB_URI is given (else the run's store, as {@link testStores}).
 * For files whose subject is not the store but which send hundreds of messages: FerretDB on SQLite
 * decodes the whole collection for every filtered read and write, on PostgreSQL equality filters
 * run in PostgreSQL (docs/ferretdb-gaps.md).
 */
export async function ownPostgresStores(fileUrl: string): Promise<{ stores: TestStores; stop(): Promise<void> }> {
  const stores = testStores(fileUrl);
  if (inject('mongoKind') === 'MONGODB_URI' || !findPostgresBinDir()) return { stores, stop: async () => undefined };
  const server = await provideMongo({ ferretBackend: 'postgresql' });
  return {
    stores: { ...stores, mongoBaseUri: server.uri, mongoUri: withDatabase(server.uri, stores.dbName) },
    stop: () => server.stop(),
  };
}
