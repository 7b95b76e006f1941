import { randomBytes } from 'node:crypto';
import { readToolEnvironment } from '../../src/config.js';
import { provideMongo, provideRedis, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';

/**
 * Real stores for a benchmark: MONGODB_URI / REDIS_URL when set, else a fresh FerretDB and
 * redis-server. FerretDB runs on PostgreSQL when it is installed (BENCH_FERRET_BACKEND=sqlite
 * forces SQLite, the test suite's backend): on SQLite every filter but `{_id}` reads the whole
 * collection, so the numbers would measure FerretDB's SQLite handler rather than Yishi.
 */
export interface BenchStores {
  mongoUri: string;
  redisUrl: string;
  describe: string;
  stop(): Promise<void>;
}

export async function startBenchStores(name: string): Promise<BenchStores> {
  const tools = readToolEnvironment();
  const started: EmbeddedServer[] = [];
  const ferretBackend = process.env.BENCH_FERRET_BACKEND === 'sqlite' ? 'sqlite' : 'postgresql';
  const mongo = await provideMongo({ uri: tools.mongodbUri, ferretBackend });
  started.push(mongo);
  if (mongo.kind.includes('SQLite')) {
    console.warn(
      'warning: FerretDB runs on SQLite here (PostgreSQL not found, or BENCH_FERRET_BACKEND=sqlite). Every filter but a bare {_id} then reads the whole collection, so 10,000 messages take hours; try BENCH_MESSAGES=1000 / BENCH_FANOUT_MESSAGES=1000, install postgresql, or set MONGODB_URI.',
    );
  }
  const redis = await provideRedis({ url: tools.redisUrl });
  started.push(redis);
  const db = `bench_${name}_${randomBytes(3).toString('hex')}`;
  const [head, query] = mongo.uri.split('?', 2) as [string, string | undefined];
  const hosts = head.replace(/^(mongodb(?:\+srv)?:\/\/[^/]+).*$/, '$1');
  return {
    mongoUri: `${hosts}/${db}${query ? `?${query}` : ''}`,
    redisUrl: redis.uri,
    describe: `MongoDB: ${mongo.kind}; Redis: ${redis.kind}`,
    stop: async () => {
      for (const server of started.reverse()) await server.stop();
    },
  };
}
