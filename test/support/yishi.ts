import type { Connection } from 'mongoose';
import { inject } from 'vitest';
import { buildMemoryRepositories } from '../../src/composition/memory-stores.js';
import type { Repositories } from '../../src/composition/repositories.js';
import { loadConfig, type Config } from '../../src/config.js';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { startYishi, type RunningYishi } from '../../src/main.js';
import type { PlatformContext } from '../../src/platforms/platform-context.js';
import type { Platform } from '../../src/platforms/types.js';
import type { OutboxItem } from '../../src/services/outbox-records.js';
import { MemoryOutboxRepository } from '../../src/storage/memory/memory-outbox-repository.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { testStores, type TestStores } from './stores.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the `app` project: every Yishi a test starts runs on in-memory stores. */
    memoryStores: boolean;
  }
}

/** A MONGODB_URI for the config schema when the stores are in memory: never connected to. */
const UNUSED_MONGODB_URI = 'mongodb://127.0.0.1:9/unused-in-memory';

export interface TestYishi {
  running: RunningYishi;
  config: Config;
  /** The clock the instance runs on (the one passed in, else the wall clock). */
  clock: Clock;
  stores: TestStores;
  /**
   * A separate connection to the same database, for assertions about what was stored (real
   * stores only; on in-memory stores read through `repositories`).
   */
  db: Connection;
  /** The repositories the instance runs on (either store). */
  repositories: Repositories;
  url: string;
  /** Calls the admin API with the bearer token. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on parsed JSON of many shapes; `toMatchObject` checks them
  api(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /** Runs the scheduled jobs at `now` (default: the clock's now) and sends what is due (use `scheduler: 'manual'`). */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

/** True in the `app` project (vitest.config.ts), whose tests run on in-memory stores. */
export function onMemoryStores(): boolean {
  return inject('memoryStores') === true;
}

/** Stands in for `db` on in-memory stores: any use says where to read instead. */
function noDatabase(fileUrl: string): Connection {
  return new Proxy({} as Connection, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === 'close') return async () => undefined;
      throw new Error(
        `${fileUrl} runs on in-memory stores (the app project), which have no database: read through \`repositories\` or the API, or run it in the stores project`,
      );
    },
  });
}

/**
 * Starts the real composition root (`startYishi`), listening on a free port. In the `stores`
 * project it runs on this file's own database and Redis prefix; in the `app` project on
 * in-memory repositories and coordination (no FerretDB, no Redis). `env` adds or overrides
 * environment keys (platform keys, fake-server base URLs); `redis: false` runs single-instance mode.
 */
export async function startTestYishi(
  fileUrl: string,
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    redis?: boolean;
    stores?: TestStores;
    /** 'manual': no cron timers; the test drives time with `tick()`. */
    scheduler?: 'cron' | 'manual';
    /** Where the JSON logs go (set env LOG_LEVEL too, the default is silent). */
    logDestination?: NodeJS.WritableStream;
    /** Platforms added to the built-in ones (preferred before the console), e.g. a test's fake platform. */
    platforms?: ReadonlyArray<Platform<PlatformContext>>;
  } = {},
): Promise<TestYishi> {
  const memory = onMemoryStores();
  if (memory && options.stores) throw new Error(`${fileUrl} shares stores between instances: run it in the stores project`);
  const stores = memory ? memoryTestStores() : (options.stores ?? testStores(fileUrl));
  const config = loadConfig({
    MONGODB_URI: memory ? UNUSED_MONGODB_URI : stores.mongoUri,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...(options.redis === false || memory ? {} : { REDIS_URL: stores.redisUrl }),
    ...options.env,
  });
  const running = await startYishi(config, {
    clock: options.clock,
    redisKeyPrefix: stores.redisPrefix,
    ...(memory ? { repositories: buildMemoryRepositories(options.clock) } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.platforms ? { platforms: options.platforms } : {}),
  });
  const db = memory ? noDatabase(fileUrl) : await connectMongo(stores.mongoUri);
  const api: TestYishi['api'] = async (path, init = {}) => {
    const response = await fetch(`${running.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  };
  return {
    running,
    config,
    clock: options.clock ?? systemClock,
    stores,
    db,
    repositories: running.repositories,
    url: running.url,
    api,
    tick: (now) => running.tick(now),
    stop: async () => {
      await running.stop();
      await db.close();
    },
  };
}

/** No database and no Redis: names only, so code that logs or prints them still has something. */
function memoryTestStores(): TestStores {
  return { mongoBaseUri: UNUSED_MONGODB_URI, mongoUri: UNUSED_MONGODB_URI, dbName: 'memory', redisUrl: '', redisPrefix: '' };
}

/** A stored outbox item as tests look at it, on either store. */
export type StoredNotice = Pick<OutboxItem, 'idempotencyKey' | 'recipient' | 'message' | 'state'>;

/** Every item in the outbox (any state), oldest first, on either store. */
export async function storedOutbox(t: TestYishi): Promise<StoredNotice[]> {
  const outbox = t.repositories.outbox;
  if (outbox instanceof MemoryOutboxRepository) return outbox.items();
  return (await t.db.collection('outbox').find({}).sort({ _id: 1 }).toArray()) as unknown as StoredNotice[];
}
