/**
 * "A notice was just enqueued": raised by the notifier, heard by the scheduler, which then sends
 * soon instead of at its next tick. It exists before either, so neither needs the other to be
 * built first; a raise with nobody listening yet (start-up) is left to the start-up outbox pass.
 */
export class DispatchSignal {
  private readonly listeners = new Set<() => void>();

  raise(): void {
    for (const listener of this.listeners) listener();
  }

  listen(listener: () => void): void {
    this.listeners.add(listener);
  }
}
