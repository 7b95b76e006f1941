/**
 * Time as the rest of the code sees it. Production uses {@link systemClock}; tests pass a
 * controllable clock so that deadlines, reminders and rate limits can be driven by hand.
 *
 * @example
 * const clock = systemClock;
 * const due = clock.now().getTime() + 60_000;
 */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to; for tests and benchmarks. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | number | string = Date.now()) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | number | string): void {
    this.current = new Date(to).getTime();
  }
}
