import type { Clock } from '../core/clock.js';
import { platformAddressIdentity } from '../platforms/address-identity.js';
import { MemoryActivityRepository } from '../storage/memory/memory-activity-repository.js';
import { MemoryConsoleMessageRepository } from '../storage/memory/memory-console-message-repository.js';
import { MemoryDictionaryRepository } from '../storage/memory/memory-dictionary-repository.js';
import { MemoryErasureLog } from '../storage/memory/memory-erasure-log.js';
import { MemoryEventRepository } from '../storage/memory/memory-event-repository.js';
import { MemoryGroupRepository } from '../storage/memory/memory-group-repository.js';
import { MemoryInboundMessageRepository } from '../storage/memory/memory-inbound-message-repository.js';
import { createMemoryKfStores } from '../storage/memory/memory-kf-stores.js';
import { MemoryMemberRepository } from '../storage/memory/memory-member-repository.js';
import { MemoryOpinionFacts } from '../storage/memory/memory-opinion-facts.js';
import { MemoryOpinionRepository } from '../storage/memory/memory-opinion-repository.js';
import { MemoryOutboxRepository } from '../storage/memory/memory-outbox-repository.js';
import { MemoryProgrammeRepository } from '../storage/memory/memory-programme-repository.js';
import { MemoryProposalRepository } from '../storage/memory/memory-proposal-repository.js';
import { MemoryOutcomeRepository } from '../storage/memory/memory-outcome-repository.js';
import { MemorySocialReportRepository } from '../storage/memory/memory-social-report-repository.js';
import { MemoryResidentRepository } from '../storage/memory/memory-resident-repository.js';
import { MemorySessionStore } from '../storage/memory/memory-session-store.js';
import { MemorySettingsRepository } from '../storage/memory/memory-settings-repository.js';
import { MemoryShiftRepository } from '../storage/memory/memory-shift-repository.js';
import { MemoryShiftSwapRepository } from '../storage/memory/memory-shift-swap-repository.js';
import type { Repositories } from './repositories.js';

/**
 * Every repository held in this process, the same shape as `buildRepositories` on MongoDB and
 * held to the same contract tests (test/storage/contracts/). For tests and demos: one process,
 * nothing kept after it ends. `startYishi(config, { repositories })` runs on them.
 */
export function buildMemoryRepositories(_clock?: Clock): Repositories {
  const opinions = new MemoryOpinionRepository();
  const outbox = new MemoryOutboxRepository();
  return {
    members: new MemoryMemberRepository(),
    inbox: new MemoryInboundMessageRepository(),
    outbox,
    outboxMaintenance: outbox,
    residents: new MemoryResidentRepository(),
    opinions,
    communities: new MemoryDictionaryRepository('communities'),
    categories: new MemoryDictionaryRepository('categories'),
    settings: new MemorySettingsRepository(),
    shifts: new MemoryShiftRepository(),
    shiftSwaps: new MemoryShiftSwapRepository(),
    consoleMessages: new MemoryConsoleMessageRepository(),
    events: new MemoryEventRepository(),
    programmes: new MemoryProgrammeRepository(),
    groups: new MemoryGroupRepository(platformAddressIdentity),
    kf: createMemoryKfStores(),
    activities: new MemoryActivityRepository(),
    opinionFacts: new MemoryOpinionFacts(opinions),
    proposals: new MemoryProposalRepository(),
    socialReports: new MemorySocialReportRepository(),
    outcomes: new MemoryOutcomeRepository(),
    erasures: new MemoryErasureLog(),
    sessions: new MemorySessionStore(),
  };
}
