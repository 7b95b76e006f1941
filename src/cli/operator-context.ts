import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { readToolEnvironment } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { OutboxNotifier } from '../services/outbox-notifier.js';
import { RosterService } from '../services/roster/roster-service.js';
import type { Coordination } from '../core/coordination.js';
import { MemoryCoordination } from '../storage/memory/memory-coordination.js';
import { MongoCommunityRepository } from '../storage/mongo/community-repository.js';
import { buildIndexes, connectMongo } from '../storage/mongo/connection.js';
import { MongoEventRepository } from '../storage/mongo/event-repository.js';
import { MongoMemberRepository } from '../storage/mongo/member-repository.js';
import { PrivacyGate } from '../services/privacy/privacy-gate.js';
import { MongoResidentRepository } from '../storage/mongo/resident-repository.js';
import { MongoOpinionRepository } from '../storage/mongo/opinion-repository.js';
import { MongoOutboxMaintenance } from '../storage/mongo/outbox-maintenance.js';
import { MongoOutboxRepository } from '../storage/mongo/outbox-repository.js';
import { MongoSettingsRepository } from '../storage/mongo/settings-repository.js';
import { MongoShiftRepository } from '../storage/mongo/shift-repository.js';
import { MongoShiftSwapRepository } from '../storage/mongo/shift-swap-repository.js';
import { RedisCoordination } from '../storage/redis/redis-coordination.js';

/** A message for the operator; the CLI prints it and exits 1 (2 for a usage mistake). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * What the operator CLI works with: the same repositories and services the server uses, on the
 * same MongoDB. The CLI is its own small composition root (src/main.ts builds the server's);
 * it wires only what its commands need.
 */
export interface OperatorContext {
  t: Messages;
  clock: Clock;
  cwd: string;
  mongo: Connection;
  members: MongoMemberRepository;
  communities: MongoCommunityRepository;
  settings: MongoSettingsRepository;
  shifts: MongoShiftRepository;
  opinions: MongoOpinionRepository;
  events: MongoEventRepository;
  outbox: MongoOutboxMaintenance;
  /** What exports may show of opinions (contact details and residents' names masked). */
  privacy: PrivacyGate;
  /** The roster service, with Redis locks when REDIS_URL is set (shared with running instances). */
  roster(): Promise<RosterService>;
  close(): Promise<void>;
}

/** MONGODB_URI, else the database of a running `npm run dev` in this folder. */
function databaseUri(cwd: string, fromEnv: string | undefined): string | undefined {
  if (fromEnv) return fromEnv;
  const devFile = join(cwd, '.data', 'mongodb-uri');
  return existsSync(devFile) ? readFileSync(devFile, 'utf8').trim() || undefined : undefined;
}

export async function openOperatorContext(cwd: string): Promise<OperatorContext> {
  const tools = readToolEnvironment();
  const t = messagesFor(tools.locale);
  const uri = databaseUri(cwd, tools.mongodbUri);
  if (!uri) throw new CliError(t.operations.cli.noDatabase);
  const mongo = await connectMongo(uri);
  const members = new MongoMemberRepository(mongo);
  const communities = new MongoCommunityRepository(mongo);
  const settings = new MongoSettingsRepository(mongo);
  const shifts = new MongoShiftRepository(mongo);
  const swaps = new MongoShiftSwapRepository(mongo);
  const opinions = new MongoOpinionRepository(mongo);
  const events = new MongoEventRepository(mongo);
  const outboxRepository = new MongoOutboxRepository(mongo);
  // The unique indexes guard imports into a database the server has not started on yet.
  await buildIndexes(mongo);
  let coordination: Coordination | undefined;
  return {
    t,
    clock: systemClock,
    cwd,
    mongo,
    members,
    communities,
    settings,
    shifts,
    opinions,
    events,
    outbox: new MongoOutboxMaintenance(mongo),
    privacy: new PrivacyGate({ residents: new MongoResidentRepository(mongo), messages: t }),
    roster: async () => {
      coordination ??= tools.redisUrl ? await RedisCoordination.connect(tools.redisUrl) : new MemoryCoordination();
      const notifier = new OutboxNotifier(outboxRepository, systemClock);
      // Only generate() runs here; the daily reminder (and its time) is the server's work.
      return new RosterService({ shifts, swaps, members, notifier, coordination, clock: systemClock, t, reminderTime: '08:00' });
    },
    close: async () => {
      await coordination?.close();
      await mongo.close();
    },
  };
}
