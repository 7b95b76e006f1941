import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type Router from '@koa/router';
import { createApp } from './app.js';
import { ConfigError, enabledPlatforms, loadConfig, type Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import { Metrics } from './http/metrics.js';
import { createLogger, type Logger } from './logger.js';
import type { Coordination } from './storage/coordination.js';
import { MemoryCoordination } from './storage/memory/memory-coordination.js';
import { buildIndexes, connectMongo } from './storage/mongo/connection.js';
import { MongoMemberRepository } from './storage/mongo/member-repository.js';
import { RedisCoordination } from './storage/redis/redis-coordination.js';
import { MongoInboundMessageRepository } from './storage/mongo/inbound-message-repository.js';
import { Bot } from './core/bot.js';
import { messagesFor } from './i18n/messages.js';
import type { Services } from './services/services.js';
import { buildRegistry } from '../commands/index.js';
import { MongoOutboxRepository } from './storage/mongo/outbox-repository.js';
import { OutboxNotifier } from './services/outbox-notifier.js';
import { MongoResidentRepository } from './storage/mongo/resident-repository.js';

/** A running Yishi: where it listens and how to stop it. */
export interface RunningYishi {
  url: string;
  port: number;
  server: Server;
  logger: Logger;
  /** Stops accepting, lets in-flight requests finish (bounded), stops jobs, closes the stores. */
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logDestination?: NodeJS.WritableStream;
  /** Extra words for the first log line (dev mode says which embedded stores it started). */
  startupNote?: Record<string, unknown>;
  /** Prefix of every Redis key (tests give each file its own). */
  redisKeyPrefix?: string;
}

/** The composition root: config → stores → app → scheduler → listen. */
export async function startYishi(config: Config, options: StartOptions = {}): Promise<RunningYishi> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const clock = options.clock ?? systemClock;
  const coordination: Coordination = config.redisUrl ? await RedisCoordination.connect(config.redisUrl, options.redisKeyPrefix) : new MemoryCoordination();
  logger.info(
    {
      mode: config.redisUrl ? 'multi-instance' : 'single-instance',
      coordination: coordination.kind,
      platforms: enabledPlatforms(config),
      ...options.startupNote,
    },
    config.redisUrl
      ? 'Yishi starting with Redis coordination (several instances may share these stores)'
      : 'Yishi starting in single-instance mode: REDIS_URL is not set, so locks, dedup and rate limits are kept in this process; run only one instance',
  );

  const mongo = await connectMongo(config.mongodbUri);
  const members = new MongoMemberRepository(mongo);
  const inbox = new MongoInboundMessageRepository(mongo);
  const outbox = new MongoOutboxRepository(mongo);
  const residents = new MongoResidentRepository(mongo);
  await buildIndexes(mongo);

  const notifier = new OutboxNotifier(outbox, clock);
  const services: Services = { members, residents, notifier };
  const messages = messagesFor(config.locale);
  const bot = new Bot({
    registry: buildRegistry(),
    services,
    coordination,
    inbox,
    clock,
    messages,
    logger,
    commandRatePerMinute: config.commandRatePerMinute,
  });

  const metrics = new Metrics({ defaultMetrics: true });
  const routers: Router[] = [];
  void bot; // mounted by the platform adapters as they are added below
  const stoppables: Array<() => Promise<void> | void> = [];

  let shuttingDown = false;
  let inFlight = 0;
  const app = createApp({ config, logger, metrics, clock, coordination, mongo, members, routers, isShuttingDown: () => shuttingDown });
  app.middleware.unshift(async (_ctx, next) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });

  const server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, port }, `Yishi listening on ${url}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      logger.info({ inFlight }, 'shutting down: no new connections; waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + config.shutdownTimeoutMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight > 0) logger.warn({ inFlight }, 'shutdown timeout reached; closing remaining connections');
      server.closeAllConnections();
      await closed;
      for (const stopOne of stoppables) await stopOne();
      await mongo.close();
      await coordination.close();
      logger.info('Yishi stopped');
    })());

  return { url, port, server, logger, stop };
}

/** Runs Yishi as a process: exits 1 with a clear message on bad config, 0 after a graceful stop. */
export async function runProcess(config: Config, options: StartOptions = {}): Promise<RunningYishi> {
  const running = await startYishi(config, options);
  const onSignal = (signal: NodeJS.Signals) => {
    running.logger.info({ signal }, 'signal received');
    running.stop().then(
      () => process.exit(0),
      (error) => {
        running.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return running;
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
}

if (isEntryPoint()) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  runProcess(config).catch((error: unknown) => {
    console.error(`Yishi could not start: ${(error as Error).message}`);
    process.exit(1);
  });
}
