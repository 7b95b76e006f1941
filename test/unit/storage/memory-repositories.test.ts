import { describe } from 'vitest';
import { addressKey } from '../../../src/platforms/sender-registry.js';
import { MemoryConsoleMessageRepository } from '../../../src/storage/memory/memory-console-message-repository.js';
import { MemoryGroupRepository } from '../../../src/storage/memory/memory-group-repository.js';
import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository.js';
import { MemoryResidentRepository } from '../../../src/storage/memory/memory-resident-repository.js';
import { consoleMessageRepositoryContract } from '../../storage/contracts/console-message-repository-contract.js';
import { groupRepositoryContract } from '../../storage/contracts/group-repository-contract.js';
import { outboxRepositoryContract } from '../../storage/contracts/outbox-repository-contract.js';
import { residentRepositoryContract } from '../../storage/contracts/resident-repository-contract.js';
import { MemoryDictionaryRepository } from '../../../src/storage/memory/memory-dictionary-repository.js';
import { MemoryInboundMessageRepository } from '../../../src/storage/memory/memory-inbound-message-repository.js';
import { MemoryOpinionRepository } from '../../../src/storage/memory/memory-opinion-repository.js';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository.js';
import { MemorySettingsRepository } from '../../../src/storage/memory/memory-settings-repository.js';
import { MemoryShiftRepository } from '../../../src/storage/memory/memory-shift-repository.js';
import { MemoryShiftSwapRepository } from '../../../src/storage/memory/memory-shift-swap-repository.js';
import { dictionaryRepositoryContract } from '../../storage/contracts/dictionary-repository-contract.js';
import { inboundMessageRepositoryContract } from '../../storage/contracts/inbound-message-repository-contract.js';
import { opinionRepositoryContract } from '../../storage/contracts/opinion-repository-contract.js';
import { memberRepositoryContract } from '../../storage/contracts/member-repository-contract.js';
import { settingsRepositoryContract } from '../../storage/contracts/settings-repository-contract.js';
import { shiftRepositoryContract } from '../../storage/contracts/shift-repository-contract.js';
import { shiftSwapRepositoryContract } from '../../storage/contracts/shift-swap-repository-contract.js';

// The same contracts run against the Mongo repositories in test/storage/repository-contracts.test.ts.
describe('the in-memory repositories', () => {
  memberRepositoryContract(async () => new MemoryMemberRepository());
  dictionaryRepositoryContract(async () => new MemoryDictionaryRepository('communities'));
  settingsRepositoryContract(async () => new MemorySettingsRepository());
  inboundMessageRepositoryContract(async () => new MemoryInboundMessageRepository());
  opinionRepositoryContract(async () => new MemoryOpinionRepository());
  outboxRepositoryContract(async () => new MemoryOutboxRepository());
  consoleMessageRepositoryContract(async () => new MemoryConsoleMessageRepository());
  groupRepositoryContract(async () => new MemoryGroupRepository(addressKey));
  residentRepositoryContract(async () => new MemoryResidentRepository());
  shiftRepositoryContract(async () => new MemoryShiftRepository());
  shiftSwapRepositoryContract(async () => new MemoryShiftSwapRepository());
});
