import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type Router from '@koa/router';
import type Koa from 'koa';
import { createApp } from './app.js';
import { ConfigError, enabledPlatforms, loadConfig, type Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import { Metrics } from './http/metrics.js';
import { createLogger, type Logger } from './logger.js';
import type { Coordination } from './core/coordination.js';
import { MemoryCoordination } from './storage/memory/memory-coordination.js';
import { buildIndexes, connectMongo, watchMongoMonitor } from './storage/mongo/connection.js';
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
import { MongoOpinionRepository } from './storage/mongo/opinion-repository.js';
import { MongoCommunityRepository } from './storage/mongo/community-repository.js';
import { MongoCategoryRepository } from './storage/mongo/category-repository.js';
import { MongoSettingsRepository } from './storage/mongo/settings-repository.js';
import { OpinionService, overdueBoardJob, overdueLadderJob } from './services/opinions/opinion-service.js';
import { adminApiRouter } from './http/api/admin-api.js';
import { photosRouter } from './http/api/photos-routes.js';
import { createWecom } from './platforms/wecom/wecom.js';
import { MongoShiftRepository } from './storage/mongo/shift-repository.js';
import { MongoShiftSwapRepository } from './storage/mongo/shift-swap-repository.js';
import { RosterService } from './services/roster/roster-service.js';
import { MemberService } from './services/members/member-service.js';
import { rosterRouter } from './http/api/roster-routes.js';
import { createDingtalk } from './platforms/dingtalk/dingtalk.js';
import { MongoConsoleMessageRepository } from './storage/mongo/console-message-repository.js';
import { consoleRoutes } from './platforms/console/console-routes.js';
import { ConsoleSender } from './platforms/console/console-sender.js';
import { SenderRegistry } from './platforms/sender-registry.js';
import { MongoGroupRepository } from './storage/mongo/group-repository.js';
import { groupsRouter } from './http/api/groups-routes.js';
import { OutboxDispatcher } from './services/outbox-dispatcher.js';
import { Scheduler } from './scheduler/scheduler.js';
import { inboxPruningJob } from './scheduler/inbox-housekeeping.js';
import { outboxHousekeepingJob } from './scheduler/outbox-housekeeping.js';
import { rosterJobs } from './scheduler/roster-jobs.js';
import { MongoEventRepository } from './storage/mongo/event-repository.js';
import { MongoProgrammeRepository } from './storage/mongo/programme-repository.js';
import { buildEventServices } from './services/events/event-services.js';
import { meetingResolverOf } from './services/events/event-attendance.js';
import { eventsRoutes } from './http/api/events-routes.js';
import { createKfStores } from './storage/mongo/kf-stores.js';
import { createWecomKf } from './platforms/wecom/kf.js';
import { ResidentDesk } from './services/residents/resident-desk.js';
import { ResidentTalk } from './services/residents/resident-talk.js';
import { ResidentFilingLimit } from './services/residents/filing-limit.js';
import { CommunityQrCodes } from './services/residents/qr-codes.js';
import { contactRetentionJob, undeliveredNoticesJob } from './services/residents/resident-jobs.js';
import { PhotoKeeper, photoDownloadsJob } from './services/residents/photo-keeper.js';
import { GroupDirectory } from './services/groups/group-directory.js';
import { qrRouter } from './http/api/qr-routes.js';
import { MongoActivityRepository } from './storage/mongo/activity-repository.js';
import { MongoOpinionFacts } from './storage/mongo/activity-opinion-facts.js';
import { MongoProposalRepository } from './storage/mongo/proposal-repository.js';
import { ActivityLedger } from './services/records/activity-ledger.js';
import { RecordsService } from './services/records/records-service.js';
import { RecordsExports } from './services/records/exports.js';
import { ProposalService } from './services/proposals/proposal-service.js';
import { PrivacyGate } from './services/privacy/privacy-gate.js';
import { DigestService } from './services/digest/digest-service.js';
import { digestJobs } from './scheduler/digest-jobs.js';
import { recordsRouter } from './http/api/records-routes.js';
import { AdminTokenKeeper } from './http/admin-token-rotation.js';

/** A running Yishi: where it listens and how to stop it. */
export interface RunningYishi {
  url: string;
  /** The Koa app (its routers are in `app.middleware`; the route-walking test reads them). */
  app: Koa;
  port: number;
  server: Server;
  logger: Logger;
  /** Stops accepting, lets in-flight requests finish (bounded), stops jobs, closes the stores. */
  stop(): Promise<void>;
  /** Runs every scheduled job with `now` (default: the clock's now), then sends the due outbox items. */
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
}

/** The composition root: config → stores → app → scheduler → listen. */
export async function startYishi(config: Config, options: StartOptions = {}): Promise<RunningYishi> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const clock = options.clock ?? systemClock;
  const coordination: Coordination = config.redisUrl
    ? await RedisCoordination.connect(config.redisUrl, options.redisKeyPrefix)
    : new MemoryCoordination();
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
  const stopMongoWatch = watchMongoMonitor(mongo, {
    uri: config.mongodbUri,
    onReopen: (error) =>
      error
        ? logger.error({ err: error }, 'MongoDB monitor was stuck; reopening the connection failed')
        : logger.warn('MongoDB monitor was stuck; the connection was reopened'),
  });
  const members = new MongoMemberRepository(mongo);
  const inbox = new MongoInboundMessageRepository(mongo);
  const outbox = new MongoOutboxRepository(mongo, clock);
  const residents = new MongoResidentRepository(mongo);
  const opinionRepo = new MongoOpinionRepository(mongo);
  const communities = new MongoCommunityRepository(mongo);
  const categories = new MongoCategoryRepository(mongo);
  const settings = new MongoSettingsRepository(mongo);
  const shifts = new MongoShiftRepository(mongo);
  const shiftSwaps = new MongoShiftSwapRepository(mongo);
  const consoleMessages = new MongoConsoleMessageRepository(mongo);
  const eventRepo = new MongoEventRepository(mongo);
  const programmeRepo = new MongoProgrammeRepository(mongo);
  const groups = new MongoGroupRepository(mongo);
  const kfStores = createKfStores(mongo); // 居民服务号 (微信客服): cursors, send allowances, held notices, QR links, photos
  // 履职档案: the append-only activity ledger, proposals, and a read-only view of opinions for the rates.
  const activities = new MongoActivityRepository(mongo);
  const opinionFacts = new MongoOpinionFacts(mongo);
  const proposalRepo = new MongoProposalRepository(mongo);
  const ledger = new ActivityLedger(activities);
  await buildIndexes(mongo);
  // Admin token: ADMIN_TOKEN until `yishi token rotate` stores a new one (hashed) in settings.
  // Every admin route asks `adminToken()` per request, so a rotation takes effect within a refresh.
  const adminTokens = new AdminTokenKeeper(settings, config.adminToken);
  await adminTokens.refresh();
  adminTokens.start((error) => logger.warn({ err: error }, 'could not re-read the rotated admin token'));
  const adminToken = () => adminTokens.current();

  const messages = messagesFor(config.locale);
  // The scheduler exists further down; until then an enqueue waits for the start-up pass.
  const quickDispatch = { request: () => undefined as void };
  const notifier = new OutboxNotifier(outbox, clock, () => quickDispatch.request());
  // 轮值接待: the duty roster (its notices are written in the configured locale).
  const roster = new RosterService({
    shifts,
    swaps: shiftSwaps,
    members,
    notifier,
    coordination,
    clock,
    t: messages,
    reminderTime: config.dutyReminderTime,
    ledger,
  });
  // Who is a member: one rule (deactivation) for 删除成员 and DELETE /api/members/:id.
  const memberAdmin = new MemberService({
    members,
    upcomingShifts: async (memberId, now) => (await roster.upcomingFor(memberId, now, 50)).length,
    clock,
    messages,
  });
  // What of an opinion and its filer each audience may see: every notice, view, draft and export asks it.
  const privacy = new PrivacyGate({ residents, messages });
  // 民意闭环: the opinion loop; residents' opinions go to the member on duty when the roster knows one.
  const opinions = new OpinionService({
    opinions: opinionRepo,
    members,
    residents,
    communities,
    categories,
    settings,
    notifier,
    coordination,
    clock,
    messages,
    findOnDuty: (now) => roster.findOnDuty(now),
    ledger,
    privacy,
  });
  // 界别协商议事月: events, sign-up, check-in; reminders go through the outbox.
  const events = buildEventServices({
    events: eventRepo,
    programmes: programmeRepo,
    members,
    notifier,
    outbox,
    clock,
    messages,
    opinions: () => meetingResolverOf(opinions),
    ledger,
  });
  // 履职档案、统计、提案: records and rates read the ledger; staff submitting a proposal writes to it.
  const records = new RecordsService({ activities, opinionFacts, members, clock, messages });
  const proposals = new ProposalService({
    proposals: proposalRepo,
    members,
    ledger,
    notifier,
    clock,
    messages,
    proposalSource: (actor, word) => opinions.proposalSource(actor, word),
    recordProposalDraft: (actor, opinion, number) => opinions.recordProposalDraft(actor, opinion, number),
  });
  const services: Services = {
    members,
    memberAdmin,
    residents,
    notifier,
    roster,
    opinions,
    events,
    records,
    proposals,
    groups: new GroupDirectory({ groups, messages }),
  };
  const bot = new Bot({
    registry: buildRegistry(),
    services,
    members,
    coordination,
    inbox,
    clock,
    messages,
    logger,
    commandRatePerMinute: config.commandRatePerMinute,
  });

  const metrics = new Metrics({ defaultMetrics: true });
  const routers: Router[] = [];
  routers.push(rosterRouter({ roster, bodyLimitBytes: config.bodyLimitBytes }));
  routers.push(eventsRoutes({ config, events }));
  const stoppables: Array<() => Promise<void> | void> = [];
  stoppables.push(() => adminTokens.stop());
  // Admin API under /api (members, communities, categories, opinions, settings, openapi.json).
  routers.push(
    adminApiRouter({ config, clock, members, memberAdmin, communities, categories, opinions, bodyLimitBytes: config.bodyLimitBytes }),
  );

  // DingTalk: callback route always, Stream client in stream mode; `dingtalk.senders` serve the outbox.
  const dingtalk = config.dingtalk
    ? createDingtalk({ config: config.dingtalk, bodyLimitBytes: config.bodyLimitBytes, bot, notifier, coordination, clock, logger })
    : undefined;
  if (dingtalk) {
    routers.push(dingtalk.router);
    stoppables.push(() => dingtalk.stop());
    dingtalk.start();
  }

  // Console: the local chat simulator (`npm run chat`, tests); `consoleSender` serves the outbox.
  routers.push(consoleRoutes({ bodyLimitBytes: config.bodyLimitBytes, bot, members, consoleMessages, clock, messages }));
  const consoleSender = new ConsoleSender(consoleMessages, clock);

  // WeCom: /wecom/app and /wecom/bot when configured; `wecom.senders` serve the outbox.
  // 居民服务号 (微信客服): a kf event syncs pages into the residents' desk (a conversation, not
  // commands); the kf sender keeps WeCom's 48 h / 5 messages rule and holds what may not go yet.
  const residentLog = logger.child({ component: 'residents' });
  const residentTalk = new ResidentTalk({
    opinions,
    communities,
    residents,
    photos: kfStores.photos,
    coordination,
    clock,
    messages,
    logger: residentLog,
    filingLimit: new ResidentFilingLimit({ opinions, residents, clock, perHour: config.residentOpinionsPerHour }),
  });
  let residentDesk: ResidentDesk | undefined;
  const kf = createWecomKf({
    config,
    cursors: kfStores.cursors,
    windows: kfStores.customers,
    held: kfStores.held,
    coordination,
    clock,
    logger,
    messages,
    handle: (page) => residentDesk!.handlePage(page),
  });
  if (kf) stoppables.push(() => kf.stop(config.shutdownTimeoutMs));
  if (kf)
    residentDesk = new ResidentDesk({
      inbox,
      customers: kfStores.customers,
      channel: kf.sender,
      talk: residentTalk,
      notifier,
      clock,
      messages,
      logger: residentLog,
    });
  const qrCodes = new CommunityQrCodes({
    communities,
    ways: kfStores.contactWays,
    makeLink: kf ? (id, scene) => kf.client.addContactWay(id, scene) : undefined,
    openKfId: kf?.openKfId,
    clock,
    messages,
  });
  routers.push(qrRouter({ qrCodes }));
  // Residents' photos: downloaded while WeCom keeps them (3 days), shown to staff through the API.
  const photoKeeper = kf
    ? new PhotoKeeper({
        photos: kfStores.photos,
        download: (mediaId, maxBytes) => kf.client.downloadMedia(mediaId, maxBytes),
        logger: residentLog,
      })
    : undefined;
  routers.push(photosRouter({ clock, opinions, photos: kfStores.photos }));

  const wecom = createWecom({ config, bot, coordination, clock, logger, messages, ...(kf ? { onKfEvent: kf.onEvent } : {}) });
  routers.push(...wecom.routers);

  // Outbox and scheduler. Each platform's senders serve its Address['platform'] keys. Timed work
  // of other areas: `scheduler.register({ name, cron, run: (now) => … })` below.
  const senders = new SenderRegistry().register('console', consoleSender).registerAll(wecom.senders);
  if (dingtalk) senders.registerAll(dingtalk.senders);
  if (kf) senders.register('wecom-kf', kf.sender);
  const dispatcher = new OutboxDispatcher({
    outbox,
    senders,
    members,
    residents,
    groups,
    notifier,
    messages,
    logger: logger.child({ component: 'outbox' }),
    onDepth: (waiting) => metrics.outboxDepth.set(waiting),
  });
  const scheduler = new Scheduler({
    coordination,
    clock,
    dispatcher,
    logger: logger.child({ component: 'scheduler' }),
    timeZone: config.timeZone,
    mode: options.scheduler ?? 'cron',
    stopTimeoutMs: config.shutdownTimeoutMs,
  });
  scheduler.register(outboxHousekeepingJob(outbox));
  scheduler.register(inboxPruningJob(inbox, logger.child({ component: 'inbox' })));
  for (const job of rosterJobs(roster, config.dutyReminderTime)) scheduler.register(job);
  // 民意闭环: the overdue ladder (every 10 min) and the weekly 逾期看板.
  scheduler.register(overdueLadderJob(opinions)).register(overdueBoardJob(opinions, config.weeklyDigestTime));
  // 居民服务号: staff hear of notices held 48 h; residents' contact details go after the retention period.
  scheduler.register(undeliveredNoticesJob({ held: kfStores.held, notifier, messages }));
  if (photoKeeper) scheduler.register(photoDownloadsJob(photoKeeper));
  scheduler.register(
    contactRetentionJob({
      residents,
      retentionDays: config.residentContactRetentionDays,
      logger: residentLog,
      opinionsOf: async (residentId) => (await opinions.list({ filerId: residentId }, { skip: 0, limit: 1000 })).items,
    }),
  );
  // 履职档案: the Monday digest (with its chart) and the monthly member cards.
  const digest = new DigestService({
    records,
    activities,
    opinionFacts,
    notifier,
    clock,
    messages,
    digestTime: config.weeklyDigestTime,
    chartFont: config.chartFontFile,
  });
  for (const job of digestJobs(digest, config.weeklyDigestTime)) scheduler.register(job);
  quickDispatch.request = () => scheduler.requestDispatch();
  stoppables.push(() => scheduler.stop());
  routers.push(groupsRouter({ groups, bodyLimitBytes: config.bodyLimitBytes }));
  // Exports of opinions, records and rates (CSV with BOM, XLSX) under /api/export.
  routers.push(recordsRouter({ clock, exports: new RecordsExports(records, messages, privacy) }));

  let shuttingDown = false;
  let inFlight = 0;
  const app = createApp({
    config,
    logger,
    metrics,
    clock,
    coordination,
    mongo,
    members,
    adminToken,
    routers,
    isShuttingDown: () => shuttingDown,
  });
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
  await scheduler.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      logger.info({ inFlight }, 'shutting down: no new connections; waiting for requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + config.shutdownTimeoutMs;
      // bot.busy: messages acked early (WeCom after ~300 ms, DingTalk at once) whose handling is still running.
      while ((inFlight > 0 || bot.busy > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight > 0 || bot.busy > 0)
        logger.warn({ inFlight, busy: bot.busy }, 'shutdown timeout reached; closing remaining connections');
      server.closeAllConnections();
      await closed;
      for (const stopOne of stoppables) await stopOne();
      stopMongoWatch();
      await mongo.close();
      await coordination.close();
      logger.info('Yishi stopped');
    })());

  return { url, port, app, server, logger, stop, tick: (now) => scheduler.tick(now) };
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
