import nodeCron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logger.js';
import type { Coordination } from '../core/coordination.js';
import type { ScheduledJob } from '../core/scheduled-job.js';

export type { ScheduledJob } from '../core/scheduled-job.js';

/** The part of the outbox dispatcher the scheduler drives. */
export interface DueDispatcher {
  dispatchDue(now: Date): Promise<unknown>;
  /** A pass that reads the clock when it starts, shared by requests made while it waits. */
  dispatchSoon?(clock: () => Date): Promise<unknown>;
  stop(timeoutMs: number): Promise<void>;
}

export interface SchedulerDeps {
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  dispatcher: DueDispatcher;
  timeZone: string;
  /** 'cron' runs node-cron tasks; 'manual' runs nothing by itself (tests call {@link Scheduler.tick}). */
  mode: 'cron' | 'manual';
  /** How long stop() waits for running work (default 10 s). */
  stopTimeoutMs?: number;
}

/** Every 30 s, on the half minute. */
const OUTBOX_CRON = '*/30 * * * * *';
const OUTBOX_LOCK_MS = 60_000;
const JOB_LOCK_MS = 10 * 60_000;
/** Notices enqueued in a burst (a reply fanning out) go out together, soon after. */
const QUICK_DISPATCH_DELAY_MS = 50;

/**
 * Runs the timed jobs and the outbox. Each cron tick takes the lock `scheduler:<name>` so one
 * instance does the work; correctness never depends on it (jobs are idempotent and outbox claims
 * are exclusive), so a lost or expired lock costs only duplicate effort.
 */
export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private started = false;
  private stopped = false;
  private quickTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Adds a job; its name must be unique and its cron expression valid. */
  register(job: ScheduledJob): this {
    if (this.jobs.has(job.name) || job.name === 'outbox') throw new Error(`a scheduled job named "${job.name}" is already registered`);
    if (!nodeCron.validate(job.cron)) throw new Error(`scheduled job "${job.name}" has an invalid cron expression: ${job.cron}`);
    this.jobs.set(job.name, job);
    if (this.started && this.deps.mode === 'cron') this.schedule(job.name, job.cron, JOB_LOCK_MS, (now) => job.run(now));
    return this;
  }

  jobNames(): string[] {
    return [...this.jobs.keys()];
  }

  /**
   * Starts the cron tasks (in 'cron' mode) and sends what was missed while Yishi was down: items
   * still useful go out now, expired ones are skipped with a log line.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.deps.mode === 'cron') {
      for (const job of this.jobs.values()) this.schedule(job.name, job.cron, JOB_LOCK_MS, (now) => job.run(now));
      this.schedule('outbox', OUTBOX_CRON, OUTBOX_LOCK_MS, (now) => this.deps.dispatcher.dispatchDue(now));
    }
    this.deps.logger.info({ mode: this.deps.mode, jobs: this.jobNames() }, 'scheduler started; sending outbox items missed while stopped');
    await this.track(this.deps.dispatcher.dispatchDue(this.deps.clock.now())).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'start-up outbox pass failed; the next tick retries');
    });
  }

  /**
   * Runs every job with `now`, then sends what is due. No lock: tests use it to show that two
   * instances doing the same work at once still send each notice once. Throws after the outbox
   * pass if a job failed.
   */
  async tick(now: Date = this.deps.clock.now()): Promise<void> {
    const failures: unknown[] = [];
    for (const job of this.jobs.values()) {
      try {
        await this.track(job.run(now));
      } catch (error) {
        this.deps.logger.error({ err: error, job: job.name }, 'scheduled job failed');
        failures.push(error);
      }
    }
    await this.track(this.deps.dispatcher.dispatchDue(now));
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} scheduled job(s) failed`);
  }

  /** After a notice is enqueued: send soon instead of at the next 30-second tick ('cron' mode only). */
  requestDispatch(): void {
    if (this.deps.mode !== 'cron' || !this.started || this.stopped || this.quickTimer) return;
    this.quickTimer = setTimeout(() => {
      this.quickTimer = undefined;
      if (this.stopped) return;
      const { dispatcher, clock } = this.deps;
      const pass = dispatcher.dispatchSoon ? dispatcher.dispatchSoon(() => clock.now()) : dispatcher.dispatchDue(clock.now());
      this.track(pass).catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'quick outbox pass failed; the next tick retries');
      });
    }, QUICK_DISPATCH_DELAY_MS);
    this.quickTimer.unref();
  }

  /** Stops the cron tasks and waits (bounded) for jobs and outbox passes in progress. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.quickTimer);
    for (const task of this.tasks.splice(0)) await task.destroy();
    const timeoutMs = this.deps.stopTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    await this.deps.dispatcher.stop(Math.min(timeoutMs, 1_000));
    clearTimeout(timer);
  }

  private schedule(name: string, cron: string, lockMs: number, work: (now: Date) => Promise<unknown>): void {
    const log = this.deps.logger.child({ job: name });
    const task = nodeCron.schedule(cron, () => (this.stopped ? undefined : this.track(this.runLocked(name, lockMs, work, log))), {
      name: `yishi:${name}`,
      timezone: this.deps.timeZone,
      noOverlap: true,
      logger: {
        info: (message) => log.debug(message),
        // A long outbox pass outlasting its 30 s tick is normal under load, not a warning.
        warn: (message) =>
          String(message).includes('overlap') ? log.info('the previous tick is still running; this tick is skipped') : log.warn(message),
        error: (message, err) => log.error({ err: err ?? message }, 'cron task error'),
        debug: (message) => log.trace(String(message)),
      },
    });
    this.tasks.push(task);
  }

  private async runLocked(name: string, lockMs: number, work: (now: Date) => Promise<unknown>, log: Logger): Promise<void> {
    try {
      const lock = await this.deps.coordination.acquireLock(`scheduler:${name}`, lockMs);
      if (!lock) return log.debug('another instance holds the lock; skipping this tick');
      try {
        await work(this.deps.clock.now());
      } finally {
        await lock.release().catch(() => undefined);
      }
    } catch (error) {
      log.error({ err: error }, 'scheduled tick failed; the next tick tries again');
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}
