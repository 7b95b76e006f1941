import type { Clock } from '../../core/clock.js';
import type { ConsoleMessageRepository } from '../../services/console-message-records.js';
import { SendError, type Address, type OutgoingMessage, type Sender, type SendOptions } from '../types.js';

/**
 * Delivers notices to console addresses by keeping them in `console_messages`, where
 * `GET /console/inbox` (and so `npm run chat`) reads them.
 *
 * @example
 * senders.register('console', new ConsoleSender(consoleMessages, clock));
 */
export class ConsoleSender implements Sender {
  constructor(
    private readonly messages: ConsoleMessageRepository,
    private readonly clock: Clock,
  ) {}

  async send(to: Address, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    if (to.platform !== 'console') throw new SendError(`the console sender cannot deliver to ${to.platform}`, 'wrong_platform', false);
    await this.messages.append(
      {
        kind: to.kind,
        to: to.id,
        text: message.text,
        format: message.format,
        ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
      },
      this.clock.now(),
    );
  }
}
