import { describe } from 'vitest';
import { MemoryDictionaryRepository } from '../../../src/storage/memory/memory-dictionary-repository.js';
import { MemoryInboundMessageRepository } from '../../../src/storage/memory/memory-inbound-message-repository.js';
import { MemoryOpinionRepository } from '../../../src/storage/memory/memory-opinion-repository.js';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository.js';
import { MemorySettingsRepository } from '../../../src/storage/memory/memory-settings-repository.js';
import { MemoryShiftRepository } from '../../../src/storage/memory/memory-shift-repository.js';
import { MemoryShiftSwapRepository } from '../../../src/storage/memory/memory-shift-swap-repository.js';
import { MemoryProgrammeRepository } from '../../../src/storage/memory/memory-programme-repository.js';
import { MemoryEventRepository } from '../../../src/storage/memory/memory-event-repository.js';
import { MemoryActivityRepository } from '../../../src/storage/memory/memory-activity-repository.js';
import { MemoryOpinionFacts } from '../../../src/storage/memory/memory-opinion-facts.js';
import { MemoryProposalRepository } from '../../../src/storage/memory/memory-proposal-repository.js';
import { createMemoryKfStores } from '../../../src/storage/memory/memory-kf-stores.js';
import { dictionaryRepositoryContract } from '../../storage/contracts/dictionary-repository-contract.js';
import { inboundMessageRepositoryContract } from '../../storage/contracts/inbound-message-repository-contract.js';
import { opinionRepositoryContract } from '../../storage/contracts/opinion-repository-contract.js';
import { memberRepositoryContract } from '../../storage/contracts/member-repository-contract.js';
import { settingsRepositoryContract } from '../../storage/contracts/settings-repository-contract.js';
import { shiftRepositoryContract } from '../../storage/contracts/shift-repository-contract.js';
import { shiftSwapRepositoryContract } from '../../storage/contracts/shift-swap-repository-contract.js';
import { programmeRepositoryContract } from '../../storage/contracts/programme-repository-contract.js';
import { eventRepositoryContract } from '../../storage/contracts/event-repository-contract.js';
import { activityRepositoryContract } from '../../storage/contracts/activity-repository-contract.js';
import { opinionFactsContract } from '../../storage/contracts/opinion-facts-contract.js';
import { proposalRepositoryContract } from '../../storage/contracts/proposal-repository-contract.js';
import { kfStoresContract } from '../../storage/contracts/kf-stores-contract.js';

// The same contracts run against the Mongo repositories in test/storage/repository-contracts.test.ts.
describe('the in-memory repositories', () => {
  memberRepositoryContract(async () => new MemoryMemberRepository());
  dictionaryRepositoryContract(async () => new MemoryDictionaryRepository('communities'));
  settingsRepositoryContract(async () => new MemorySettingsRepository());
  inboundMessageRepositoryContract(async () => new MemoryInboundMessageRepository());
  opinionRepositoryContract(async () => new MemoryOpinionRepository());
  shiftRepositoryContract(async () => new MemoryShiftRepository());
  shiftSwapRepositoryContract(async () => new MemoryShiftSwapRepository());
  programmeRepositoryContract(async () => new MemoryProgrammeRepository());
  eventRepositoryContract(async () => new MemoryEventRepository());
  activityRepositoryContract(async () => new MemoryActivityRepository());
  opinionFactsContract(async () => {
    const opinions = new MemoryOpinionRepository();
    return { opinions, facts: new MemoryOpinionFacts(opinions) };
  });
  proposalRepositoryContract(async () => new MemoryProposalRepository());
  kfStoresContract(async () => createMemoryKfStores());
});
