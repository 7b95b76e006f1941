import type { TestProject } from 'vitest/node';
import { readToolEnvironment } from '../../src/config.js';
import { provideMongo, provideRedis, type EmbeddedServer } from '../../src/devtools/embedded-stores.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoKind: string;
    redisUrl: string;
  }
}

/**
 * Provisions real stores once per run: MONGODB_URI → FerretDB on SQLite → mongodb-memory-server,
 * and REDIS_URL → a redis-server on a free port. Each test file then takes its own database name
 * and key prefix (see stores.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tools = readToolEnvironment();
  const started: EmbeddedServer[] = [];
  try {
    const mongo = await provideMongo({ uri: tools.mongodbUri });
    started.push(mongo);
    const redis = await provideRedis({ url: tools.redisUrl });
    started.push(redis);
    project.provide('mongoUri', mongo.uri);
    project.provide('mongoKind', mongo.kind);
    project.provide('redisUrl', redis.uri);
    console.log(`[test stores] MongoDB: ${mongo.kind}; Redis: ${redis.kind}`);
  } catch (error) {
    await Promise.all(started.map((server) => server.stop()));
    throw new Error(`The test stores could not be provisioned. ${(error as Error).message}`);
  }
  return async () => {
    await Promise.all(started.map((server) => server.stop()));
  };
}
