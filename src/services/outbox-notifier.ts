import { afterAnswer } from '../core/after-answer.js';
import type { Clock } from '../core/clock.js';
import type { OutgoingMessage } from '../platforms/types.js';
import type { OutboxRepository } from './outbox-records.js';
import type { Notifier, NotifyOptions, Recipient } from './notifier.js';

/** The {@link Notifier} that writes to the persistent outbox; the dispatcher sends from there. */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    /** Called after a notice is stored, so a dispatcher can send it without waiting for its tick. */
    private readonly onEnqueued: () => void = () => undefined,
  ) {}

  async notify(recipient: Recipient, message: OutgoingMessage, options: NotifyOptions): Promise<void> {
    const now = this.clock.now();
    const stored = await this.outbox.enqueue({
      idempotencyKey: options.idempotencyKey,
      recipient,
      message,
      dueAt: options.dueAt ?? now,
      ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
      now,
    });
    // After the queue entry, which may itself wait for the answer to go out.
    if (stored) await afterAnswer(async () => this.onEnqueued());
  }
}
