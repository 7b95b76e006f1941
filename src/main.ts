import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withHotReadCaches } from './composition/hot-reads.js';
import { pathToFileURL } from 'node:url';
import type Koa from 'koa';
import { buildHttp, buildRouters, openAdminTokens } from './composition/http.js';
import { buildScheduler } from './composition/jobs.js';
import { buildBot, buildPlatformRegistry, buildPlatformSignIn, buildPlatforms } from './composition/platforms.js';
import type { PlatformContext } from './platforms/platform-context.js';
import type { Platform } from './platforms/types.js';
import { buildServices } from './composition/services.js';
import { connectCoordination, openSessionStore, openStores, type Repositories } from './composition/stores.js';
import { createHmac } from 'node:crypto';
import { ConfigError, enabledPlatforms, loadConfig, type Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import { Metrics } from './http/metrics.js';
import { messagesFor } from './i18n/messages.js';
import { createLogger, type Logger } from './logger.js';
import { DispatchSignal } from './scheduler/dispatch-signal.js';

/** A running Yishi: where it listens and how to stop it. */
export interface RunningYishi {
  url: string;
  /** The repositories it runs on (tests read what was stored through them). */
  repositories: Repositories;
  /** The Koa app (its routers are in `app.middleware`; the route-walking test reads them). */
  app: Koa;
  port: number;
  server: Server;
  logger: Logger;
  /** Stops accepting, lets in-flight requests finish (bounded), stops jobs, closes the stores. */
  stop(): Promise<void>;
  /** Runs every scheduled job with `now` (default: the clock's now), then sends the due outbox items; first waits for the store work after answers already given. */
  tick(now?: Date): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logDestination?: NodeJS.WritableStream;
  /** Extra words for the first log line (dev mode says which embedded stores it started). */
  startupNote?: Record<string, unknown>;
  /** Prefix of every Redis key (tests give each file its own). */
  redisKeyPrefix?: string;
  /** 'cron' (default) runs jobs and the outbox on node-cron; 'manual' leaves it to `tick()` (tests). */
  scheduler?: 'cron' | 'manual';
  /** More platforms, preferred before the console (a test's fake platform). */
  platforms?: ReadonlyArray<Platform<PlatformContext>>;
  /**
   * Run on these repositories (e.g. `buildMemoryRepositories(clock)`) instead of MongoDB: no
   * database connection is made and MONGODB_URI is not used. Tests and demos only.
   */
  repositories?: Repositories;
}

/** The composition root: config → stores → services → platforms → app → scheduler → listen. */
export async function startYishi(config: Config, options: StartOptions = {}): Promise<RunningYishi> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const clock = options.clock ?? systemClock;
  const messages = messagesFor(config.locale);
  const coordination = await connectCoordination(config.redisUrl, options.redisKeyPrefix);
  logger.info(
    {
      mode: config.redisUrl ? 'multi-instance' : 'single-instance',
      coordination: coordination.kind,
      stores: options.repositories ? 'memory' : 'mongodb',
      platforms: enabledPlatforms(config),
      ...options.startupNote,
    },
    config.redisUrl
      ? 'Yishi starting with Redis coordination (several instances may share these stores)'
      : 'Yishi starting in single-instance mode: REDIS_URL is not set, so locks, dedup and rate limits are kept in this process; run only one instance',
  );
  const stores = await openStores({ uri: config.mongodbUri, clock, logger, memory: options.repositories });
  const repositories = withHotReadCaches(stores.repositories, coordination, clock);
  const adminTokens = await openAdminTokens(repositories, config, logger);

  // Exists before the notifier that raises it and the scheduler that hears it.
  const dispatchSignal = new DispatchSignal();
  let listenUrl = `http://127.0.0.1:${config.port}`;
  const committee = buildServices({
    workbench: {
      store: openSessionStore(coordination, repositories),
      // Cookies are signed with a key of this deployment (from its first admin token), so another deployment's are refused.
      cookieKey: createHmac('sha256', config.adminToken).update('yishi-workbench-cookie').digest('hex'),
      publicUrl: () => config.publicUrl ?? listenUrl,
    },
    repositories,
    coordination,
    clock,
    messages,
    logger,
    settings: config,
    onEnqueued: () => dispatchSignal.raise(),
  });
  const shared = { config, repositories, committee, coordination, clock, messages, logger };
  const platformRegistry = buildPlatformRegistry(options.platforms);
  const bot = buildBot({ ...shared, platforms: platformRegistry });
  const platforms = buildPlatforms({ ...shared, bot, platforms: platformRegistry, requestDispatch: () => dispatchSignal.raise() });
  platforms.start();

  const metrics = new Metrics({ defaultMetrics: true, connections: () => platforms.statuses() });
  const scheduler = buildScheduler({
    ...shared,
    senders: platforms.senders,
    platforms: platformRegistry,
    photoKeeper: platforms.photoKeeper,
    dispatchSignal,
    metrics,
    mode: options.scheduler ?? 'cron',
  });
  const stoppables = [() => adminTokens.stop(), ...platforms.stoppables, () => scheduler.stop(), () => committee.stopBoardFeed()];
  const routers = buildRouters({
    config,
    clock,
    messages,
    repositories,
    committee,
    platformRouters: platforms.routers,
    qrCodes: platforms.qrCodes,
    platformSignIn: buildPlatformSignIn(shared),
    publicUrl: () => config.publicUrl ?? listenUrl,
  });
  const http = buildHttp({
    config,
    logger,
    metrics,
    clock,
    coordination,
    store: stores.probe,
    repositories,
    adminToken: () => adminTokens.current(),
    routers,
    sessions: committee.workbench,
    connections: () => platforms.statuses(),
  });
  const { app } = http;

  const server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  listenUrl = url;
  logger.info({ url, port }, `Yishi listening on ${url}`);
  await scheduler.start();
  // The board's read model loads on the first list (a process that never shows the board never reads
  // every opinion); this starts its periodic re-read, which runs once it is loaded.
  committee.boardReads.warm();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      http.beginShutdown();
      logger.info({ inFlight: http.inFlight() }, 'shutting down: no new connections; waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + config.shutdownTimeoutMs;
      // bot.busy: messages acked early (WeCom after ~300 ms, DingTalk at once) whose handling is still running.
      while ((http.inFlight() > 0 || bot.busy > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (http.inFlight() > 0 || bot.busy > 0)
        logger.warn({ inFlight: http.inFlight(), busy: bot.busy }, 'shutdown timeout reached; closing remaining connections');
      server.closeAllConnections();
      await closed;
      for (const stopOne of stoppables) await stopOne();
      await stores.close();
      await coordination.close();
      logger.info('Yishi stopped');
    })());

  return {
    url,
    port,
    app,
    server,
    logger,
    repositories,
    stop,
    tick: async (now) => {
      // A notice queued while answering gets its queue entry after the answer: wait for it.
      await bot.afterAnswers();
      await scheduler.tick(now);
    },
  };
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
