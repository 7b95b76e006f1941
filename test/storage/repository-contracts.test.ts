import { platformAddressIdentity } from '../../src/platforms/address-identity.js';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildIndexes, connectMongo } from '../../src/storage/mongo/connection.js';
import { MongoConsoleMessageRepository } from '../../src/storage/mongo/console-message-repository.js';
import { MongoGroupRepository } from '../../src/storage/mongo/group-repository.js';
import { MongoOutboxRepository } from '../../src/storage/mongo/outbox-repository.js';
import { MongoResidentRepository } from '../../src/storage/mongo/resident-repository.js';
import { MongoInboundMessageRepository } from '../../src/storage/mongo/inbound-message-repository.js';
import { MongoDictionaryRepository } from '../../src/storage/mongo/keyword-dictionary.js';
import { MongoMemberRepository } from '../../src/storage/mongo/member-repository.js';
import { MongoOpinionRepository } from '../../src/storage/mongo/opinion-repository.js';
import { MongoSettingsRepository } from '../../src/storage/mongo/settings-repository.js';
import { MongoShiftRepository } from '../../src/storage/mongo/shift-repository.js';
import { MongoShiftSwapRepository } from '../../src/storage/mongo/shift-swap-repository.js';
import { MongoProgrammeRepository } from '../../src/storage/mongo/programme-repository.js';
import { MongoEventRepository } from '../../src/storage/mongo/event-repository.js';
import { MongoActivityRepository } from '../../src/storage/mongo/activity-repository.js';
import { MongoOpinionFacts } from '../../src/storage/mongo/activity-opinion-facts.js';
import { MongoProposalRepository } from '../../src/storage/mongo/proposal-repository.js';
import { MongoOutcomeRepository } from '../../src/storage/mongo/outcome-repository.js';
import { MongoSocialReportRepository } from '../../src/storage/mongo/social-report-repository.js';
import { createKfStores } from '../../src/storage/mongo/kf-stores.js';
import { testStores } from '../support/stores.js';
import { consoleMessageRepositoryContract } from './contracts/console-message-repository-contract.js';
import { groupRepositoryContract } from './contracts/group-repository-contract.js';
import { outboxRepositoryContract } from './contracts/outbox-repository-contract.js';
import { residentRepositoryContract } from './contracts/resident-repository-contract.js';
import { dictionaryRepositoryContract } from './contracts/dictionary-repository-contract.js';
import { inboundMessageRepositoryContract } from './contracts/inbound-message-repository-contract.js';
import { memberRepositoryContract } from './contracts/member-repository-contract.js';
import { opinionRepositoryContract } from './contracts/opinion-repository-contract.js';
import { settingsRepositoryContract } from './contracts/settings-repository-contract.js';
import { shiftRepositoryContract } from './contracts/shift-repository-contract.js';
import { shiftSwapRepositoryContract } from './contracts/shift-swap-repository-contract.js';
import { programmeRepositoryContract } from './contracts/programme-repository-contract.js';
import { eventRepositoryContract } from './contracts/event-repository-contract.js';
import { activityRepositoryContract } from './contracts/activity-repository-contract.js';
import { opinionFactsContract } from './contracts/opinion-facts-contract.js';
import { proposalRepositoryContract } from './contracts/proposal-repository-contract.js';
import { outcomeRepositoryContract } from './contracts/outcome-repository-contract.js';
import { socialReportRepositoryContract } from './contracts/social-report-repository-contract.js';
import { kfStoresContract } from './contracts/kf-stores-contract.js';

const stores = testStores(import.meta.url);

// The same contracts run against the in-memory repositories in test/unit/storage/memory-repositories.test.ts.
describe('the MongoDB repositories', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectMongo(stores.mongoUri);
    new MongoMemberRepository(connection);
    new MongoDictionaryRepository(connection, 'Community', 'communities');
    new MongoSettingsRepository(connection);
    new MongoInboundMessageRepository(connection);
    new MongoOpinionRepository(connection);
    new MongoOutboxRepository(connection);
    new MongoConsoleMessageRepository(connection);
    new MongoGroupRepository(connection, platformAddressIdentity);
    new MongoResidentRepository(connection);
    new MongoShiftRepository(connection);
    new MongoShiftSwapRepository(connection);
    new MongoProgrammeRepository(connection);
    new MongoEventRepository(connection);
    new MongoActivityRepository(connection);
    new MongoProposalRepository(connection);
    createKfStores(connection);
    await buildIndexes(connection);
  });
  afterAll(async () => {
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  /** Each test starts from an empty collection; the indexes stay, as in production. */
  const emptied = async <T>(collections: string | string[], make: () => T, counters = false): Promise<T> => {
    for (const collection of [collections].flat()) await connection.db!.collection(collection).deleteMany({});
    if (counters) await connection.db!.collection('counters').deleteMany({});
    return make();
  };

  memberRepositoryContract(() => emptied('members', () => new MongoMemberRepository(connection)));
  dictionaryRepositoryContract(() => emptied('communities', () => new MongoDictionaryRepository(connection, 'Community', 'communities')));
  settingsRepositoryContract(() => emptied('settings', () => new MongoSettingsRepository(connection)));
  inboundMessageRepositoryContract(() => emptied('inbound_messages', () => new MongoInboundMessageRepository(connection)));
  opinionRepositoryContract(() => emptied('opinions', () => new MongoOpinionRepository(connection), true));
  outboxRepositoryContract(() => emptied(['outbox', 'outbox_live', 'outbox_claims'], () => new MongoOutboxRepository(connection)));
  consoleMessageRepositoryContract(() => emptied('console_messages', () => new MongoConsoleMessageRepository(connection)));
  groupRepositoryContract(() => emptied('groups', () => new MongoGroupRepository(connection, platformAddressIdentity)));
  residentRepositoryContract(() => emptied('residents', () => new MongoResidentRepository(connection)));
  shiftRepositoryContract(() => emptied('shifts', () => new MongoShiftRepository(connection)));
  shiftSwapRepositoryContract(() => emptied('shift_swaps', () => new MongoShiftSwapRepository(connection)));
  programmeRepositoryContract(() => emptied('programmes', () => new MongoProgrammeRepository(connection)));
  eventRepositoryContract(() => emptied(['events', 'event_signups', 'event_attendance'], () => new MongoEventRepository(connection)));
  activityRepositoryContract(() => emptied('activities', () => new MongoActivityRepository(connection)));
  opinionFactsContract(() =>
    emptied('opinions', () => ({ opinions: new MongoOpinionRepository(connection), facts: new MongoOpinionFacts(connection) }), true),
  );
  proposalRepositoryContract(() => emptied('proposals', () => new MongoProposalRepository(connection), true));
  socialReportRepositoryContract(() => emptied('social_reports', () => new MongoSocialReportRepository(connection), true));
  outcomeRepositoryContract(() => emptied('outcomes', () => new MongoOutcomeRepository(connection), true));
  kfStoresContract(() =>
    emptied(['kf_cursors', 'kf_customers', 'kf_held_notices', 'kf_contact_ways', 'kf_photos'], () => createKfStores(connection)),
  );
});
