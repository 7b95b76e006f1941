import type { Config } from '../config.js';
import type { Clock } from '../core/clock.js';
import type { Metrics } from '../http/metrics.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { platformAddressIdentity } from '../platforms/address-identity.js';
import type { SenderRegistry } from '../platforms/sender-registry.js';
import type { DispatchSignal } from '../scheduler/dispatch-signal.js';
import { scheduledJobs } from '../scheduler/jobs.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { PlatformDirectory } from '../platforms/types.js';
import { OutboxDispatcher } from '../services/outbox-dispatcher.js';
import type { PhotoKeeper } from '../services/residents/photo-keeper.js';
import type { Coordination } from '../core/coordination.js';
import type { CommitteeServices } from './services.js';
import type { Repositories } from './stores.js';

export interface JobsDeps {
  config: Config;
  repositories: Repositories;
  committee: CommitteeServices;
  senders: SenderRegistry;
  /** Where a member is reached: the platforms in order of preference. */
  platforms: PlatformDirectory;
  photoKeeper: PhotoKeeper | undefined;
  /** Raised by the notifier after each enqueue; the scheduler then sends soon. */
  dispatchSignal: DispatchSignal;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  metrics: Metrics;
  /** 'cron' runs jobs and the outbox on node-cron; 'manual' leaves it to `tick()` (tests). */
  mode: 'cron' | 'manual';
}

/** The outbox dispatcher and the scheduler, with every job of src/scheduler/jobs.ts registered. */
export function buildScheduler(deps: JobsDeps): Scheduler {
  const { config, repositories: repos, committee, coordination, clock, messages, logger } = deps;
  const dispatcher = new OutboxDispatcher({
    outbox: repos.outbox,
    senders: deps.senders,
    addresses: platformAddressIdentity,
    platforms: deps.platforms,
    members: repos.members,
    residents: repos.residents,
    groups: repos.groups,
    notifier: committee.notifier,
    messages,
    logger: logger.child({ component: 'outbox' }),
    onDepth: (waiting) => deps.metrics.outboxDepth.set(waiting),
  });
  const scheduler = new Scheduler({
    coordination,
    clock,
    dispatcher,
    logger: logger.child({ component: 'scheduler' }),
    timeZone: config.timeZone,
    mode: deps.mode,
    stopTimeoutMs: config.shutdownTimeoutMs,
  });
  const { opinions } = committee;
  const jobs = scheduledJobs({
    outbox: repos.outbox,
    inbox: repos.inbox,
    roster: committee.roster,
    opinions,
    residents: {
      undelivered: { held: repos.kf.held, notifier: committee.notifier, messages },
      retention: {
        residents: repos.residents,
        retentionDays: config.residentContactRetentionDays,
        logger: committee.residentLog,
        opinionsOf: async (residentId) => (await opinions.list({ filerId: residentId }, { skip: 0, limit: 1000 })).items,
      },
      photoKeeper: deps.photoKeeper,
    },
    digest: committee.digest,
    calendar: committee.calendar,
    outcomes: committee.outcomes,
    times: { dutyReminder: config.dutyReminderTime, weeklyDigest: config.weeklyDigestTime },
    logger,
  });
  for (const job of jobs) scheduler.register(job);
  deps.dispatchSignal.listen(() => scheduler.requestDispatch());
  return scheduler;
}
