import type { Connection } from 'mongoose';
import { loadConfig, type Config } from '../../src/config.js';
import { systemClock, type Clock } from '../../src/core/clock.js';
import { startYishi, type RunningYishi } from '../../src/main.js';
import type { PlatformContext } from '../../src/platforms/platform-context.js';
import type { Platform } from '../../src/platforms/types.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { testStores, type TestStores } from './stores.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestYishi {
  running: RunningYishi;
  config: Config;
  /** The clock the instance runs on (the one passed in, else the wall clock). */
  clock: Clock;
  stores: TestStores;
  /** A separate connection to the same database, for assertions about what was stored. */
  db: Connection;
  url: string;
  /** Calls the admin API with the bearer token. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on parsed JSON of many shapes; `toMatchObject` checks them
  api(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /** Runs the scheduled jobs at `now` (default: the clock's now) and sends what is due (use `scheduler: 'manual'`). */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real composition root (`startYishi`) on this file's own database and Redis prefix,
 * listening on a free port. `env` adds or overrides environment keys (platform keys, fake-server
 * base URLs); `redis: false` runs single-instance mode.
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
  const stores = options.stores ?? testStores(fileUrl);
  const config = loadConfig({
    MONGODB_URI: stores.mongoUri,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...(options.redis === false ? {} : { REDIS_URL: stores.redisUrl }),
    ...options.env,
  });
  const running = await startYishi(config, {
    clock: options.clock,
    redisKeyPrefix: stores.redisPrefix,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.platforms ? { platforms: options.platforms } : {}),
  });
  const db = await connectMongo(stores.mongoUri);
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
    url: running.url,
    api,
    tick: (now) => running.tick(now),
    stop: async () => {
      await running.stop();
      await db.close();
    },
  };
}
