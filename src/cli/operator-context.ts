import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { buildRoster } from '../composition/services.js';
import { buildRepositories, connectCoordination } from '../composition/stores.js';
import { readToolEnvironment } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { CalendarService } from '../services/calendar/calendar-service.js';
import { OutboxNotifier } from '../services/outbox-notifier.js';
import { PrivacyGate } from '../services/privacy/privacy-gate.js';
import { ActivityLedger } from '../services/records/activity-ledger.js';
import { AnnualReports } from '../services/records/annual-report/annual-reports.js';
import { RecordsService } from '../services/records/records-service.js';
import { PointsService } from '../services/points/points-service.js';
import type { RosterService } from '../services/roster/roster-service.js';
import type { Coordination } from '../core/coordination.js';
import type { MongoCommunityRepository } from '../storage/mongo/community-repository.js';
import { buildIndexes, connectMongo } from '../storage/mongo/connection.js';
import type { MongoEventRepository } from '../storage/mongo/event-repository.js';
import type { MongoMemberRepository } from '../storage/mongo/member-repository.js';
import type { MongoOpinionRepository } from '../storage/mongo/opinion-repository.js';
import { MongoOutboxMaintenance } from '../storage/mongo/outbox-maintenance.js';
import type { MongoSettingsRepository } from '../storage/mongo/settings-repository.js';
import type { MongoShiftRepository } from '../storage/mongo/shift-repository.js';

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
  /** 工作日历: the office's own days off and days at work, over the official calendar. */
  calendar: CalendarService;
  /** 述职表 and the office's summary (Word files), from the same records and points as the server's. */
  annualReports(): AnnualReports;
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
  // The server's repositories, made only as the CLI reads them: their models' indexes are the ones built below.
  const repositories = buildRepositories(mongo, systemClock);
  const { members, communities, settings, shifts, opinions, events, residents } = repositories;
  const outbox = new MongoOutboxMaintenance(mongo);
  void [repositories.shiftSwaps, repositories.outbox]; // the roster's: made now so their indexes are built too
  // The unique indexes guard imports into a database the server has not started on yet.
  await buildIndexes(mongo);
  let coordination: Coordination | undefined;
  const notifier = new OutboxNotifier(repositories.outbox, systemClock);
  const calendar = new CalendarService({ settings, clock: systemClock, messages: t, notifier });
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
    outbox,
    privacy: new PrivacyGate({ residents, messages: t }),
    calendar,
    annualReports: () => {
      const records = new RecordsService({ ...repositories, clock: systemClock, messages: t });
      return new AnnualReports({
        ...repositories,
        records,
        points: new PointsService({ records, members, settings, clock: systemClock }),
        privacy: new PrivacyGate({ residents, messages: t }),
        clock: systemClock,
        messages: t,
      });
    },
    roster: async () => {
      coordination ??= await connectCoordination(tools.redisUrl);
      // The server's roster service: the same reminder time and activity ledger (only generate() runs here).
      return buildRoster({
        repositories,
        notifier,
        calendar,
        ledger: new ActivityLedger(repositories.activities),
        coordination,
        clock: systemClock,
        messages: t,
        reminderTime: tools.dutyReminderTime,
      });
    },
    close: async () => {
      await coordination?.close();
      await mongo.close();
    },
  };
}
