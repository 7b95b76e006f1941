import type { Connection } from 'mongoose';
import type { Clock } from '../core/clock.js';
import type { StoreProbe } from '../http/health-routes.js';
import type { Logger } from '../logger.js';
import type { Coordination } from '../core/coordination.js';
import { platformAddressIdentity } from '../platforms/address-identity.js';
import type { Repositories } from './repositories.js';
import { MemoryCoordination } from '../storage/memory/memory-coordination.js';
import { MongoActivityRepository } from '../storage/mongo/activity-repository.js';
import { MongoOpinionFacts } from '../storage/mongo/activity-opinion-facts.js';
import { MongoCategoryRepository } from '../storage/mongo/category-repository.js';
import { MongoCommunityRepository } from '../storage/mongo/community-repository.js';
import { buildIndexes, connectMongo, pingMongo, watchMongoMonitor } from '../storage/mongo/connection.js';
import { MongoConsoleMessageRepository } from '../storage/mongo/console-message-repository.js';
import { MongoErasureLog } from '../storage/mongo/erasure-log.js';
import { MongoEventRepository } from '../storage/mongo/event-repository.js';
import { MongoGroupRepository } from '../storage/mongo/group-repository.js';
import { MongoInboundMessageRepository } from '../storage/mongo/inbound-message-repository.js';
import { createKfStores } from '../storage/mongo/kf-stores.js';
import { MongoMemberRepository } from '../storage/mongo/member-repository.js';
import { MongoOpinionRepository } from '../storage/mongo/opinion-repository.js';
import { MongoOutboxRepository } from '../storage/mongo/outbox-repository.js';
import { MongoOutboxMaintenance } from '../storage/mongo/outbox-maintenance.js';
import { MongoProgrammeRepository } from '../storage/mongo/programme-repository.js';
import { MongoProposalRepository } from '../storage/mongo/proposal-repository.js';
import { MongoOutcomeRepository } from '../storage/mongo/outcome-repository.js';
import { MongoSocialReportRepository } from '../storage/mongo/social-report-repository.js';
import { MongoResidentRepository } from '../storage/mongo/resident-repository.js';
import { MongoSettingsRepository } from '../storage/mongo/settings-repository.js';
import { MongoShiftRepository } from '../storage/mongo/shift-repository.js';
import { MongoShiftSwapRepository } from '../storage/mongo/shift-swap-repository.js';
import { RedisCoordination } from '../storage/redis/redis-coordination.js';
import { RedisSessionStore } from '../storage/redis/redis-session-store.js';
import { MongoSessionRepository } from '../storage/mongo/session-repository.js';
import type { SessionStore } from '../services/workbench/session-records.js';

/** Redis when REDIS_URL is set (several instances share locks, dedup and rate limits); else in this process. */
export async function connectCoordination(redisUrl: string | undefined, keyPrefix?: string): Promise<Coordination> {
  return redisUrl ? RedisCoordination.connect(redisUrl, keyPrefix) : new MemoryCoordination();
}

/** Connects MongoDB and reopens the connection when the driver's monitor gets stuck; `stopWatch` ends that. */
export async function connectWatchedMongo(uri: string, logger: Logger): Promise<{ mongo: Connection; stopWatch: () => void }> {
  const mongo = await connectMongo(uri);
  const stopWatch = watchMongoMonitor(mongo, {
    uri,
    onReopen: (error) =>
      error
        ? logger.error({ err: error }, 'MongoDB monitor was stuck; reopening the connection failed')
        : logger.warn('MongoDB monitor was stuck; the connection was reopened'),
  });
  return { mongo, stopWatch };
}

/** An object whose members are made on first read: a repository registers its mongoose model when made. */
function madeOnFirstUse<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made = new Map<string, unknown>();
  const result = {};
  for (const [key, make] of Object.entries(makers)) {
    const get = () => (made.has(key) ? made.get(key) : made.set(key, make()).get(key));
    Object.defineProperty(result, key, { enumerable: true, get });
  }
  return result as { readonly [K in keyof T]: ReturnType<T[K]> };
}

export type { Repositories } from './repositories.js';

/** The Mongo repositories as their classes (the operator CLI uses their Mongo-only parts). */
export type MongoRepositories = ReturnType<typeof buildRepositories>;

/**
 * Every repository on one MongoDB connection (the server and the operator CLI build the same set).
 * Each is made when first read, so a CLI run registers, and builds the indexes of, only the models it uses.
 */
export function buildRepositories(mongo: Connection, clock: Clock) {
  return madeOnFirstUse({
    members: () => new MongoMemberRepository(mongo),
    inbox: () => new MongoInboundMessageRepository(mongo),
    outbox: () => new MongoOutboxRepository(mongo, clock),
    outboxMaintenance: () => new MongoOutboxMaintenance(mongo),
    residents: () => new MongoResidentRepository(mongo),
    opinions: () => new MongoOpinionRepository(mongo),
    communities: () => new MongoCommunityRepository(mongo),
    categories: () => new MongoCategoryRepository(mongo),
    settings: () => new MongoSettingsRepository(mongo),
    shifts: () => new MongoShiftRepository(mongo),
    shiftSwaps: () => new MongoShiftSwapRepository(mongo),
    consoleMessages: () => new MongoConsoleMessageRepository(mongo),
    events: () => new MongoEventRepository(mongo),
    programmes: () => new MongoProgrammeRepository(mongo),
    groups: () => new MongoGroupRepository(mongo, platformAddressIdentity),
    /** 居民服务号 (微信客服): cursors, send allowances, held notices, QR links, photos. */
    kf: () => createKfStores(mongo),
    /** 履职档案: the append-only activity ledger. */
    activities: () => new MongoActivityRepository(mongo),
    /** A read-only view of opinions for the records' rates. */
    opinionFacts: () => new MongoOpinionFacts(mongo),
    proposals: () => new MongoProposalRepository(mongo),
    /** 社情民意信息. */
    socialReports: () => new MongoSocialReportRepository(mongo),
    /** 协商成果 and their 督办. */
    outcomes: () => new MongoOutcomeRepository(mongo),
    /** Who erased whose personal data, when and why. */
    erasures: () => new MongoErasureLog(mongo),
    /** Workbench sessions in single-instance mode (Redis keeps them when there is one). */
    sessions: () => new MongoSessionRepository(mongo),
  });
}

/** Every repository made and its indexes built: the server's start-up. */
export async function openRepositories(mongo: Connection, clock: Clock): Promise<Repositories> {
  const repositories = buildRepositories(mongo, clock);
  void Object.values(repositories); // reading each one makes it, so its model's indexes are built below
  await buildIndexes(mongo);
  return repositories;
}

/** The server's data store: its repositories, what `/readyz` pings, and how to close it. */
export interface OpenStores {
  repositories: Repositories;
  probe: StoreProbe;
  close(): Promise<void>;
}

/**
 * MongoDB at `uri` (watched, indexes built), or — when `memory` is given — those in-memory
 * repositories and no database at all (tests and demos; nothing survives the process).
 */
export async function openStores(options: { uri: string; clock: Clock; logger: Logger; memory?: Repositories }): Promise<OpenStores> {
  if (options.memory)
    return { repositories: options.memory, probe: { kind: 'memory', ping: async () => undefined }, close: async () => undefined };
  const { mongo, stopWatch } = await connectWatchedMongo(options.uri, options.logger);
  const repositories = await openRepositories(mongo, options.clock);
  return {
    repositories,
    probe: { kind: 'mongodb', ping: () => pingMongo(mongo) },
    close: async () => {
      stopWatch();
      await mongo.close();
    },
  };
}

/**
 * Workbench sessions: in Redis when there is one (shared by every instance), else in the record
 * store (MongoDB, or memory in tests) — single-instance mode.
 */
export function openSessionStore(coordination: Coordination, repositories: Repositories): SessionStore {
  return coordination instanceof RedisCoordination ? new RedisSessionStore(coordination.redis, coordination.prefix) : repositories.sessions;
}
