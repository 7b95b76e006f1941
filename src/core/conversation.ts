import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import type { ParsedArgs, ParsedExtras } from './command.js';
import type { IncomingMessage } from '../platforms/types.js';
import type { Coordination } from './coordination.js';

/** A command waiting for answers or for 确认: which command, and what is known so far. */
export interface PendingCommand {
  commandId: string;
  args: ParsedArgs;
  extras: ParsedExtras;
  /** Set once the person has confirmed: a step the handler asked for then runs it without a second 确认. */
  confirmed?: true;
}

/** What one person is in the middle of, in one chat. */
export type ConversationState =
  | {
      kind: 'dialogue';
      id: string;
      pending: PendingCommand;
      /** The argument being asked for now; later ones follow in order. */
      asking: string;
      remaining: string[];
      /** The numbered list shown with the question, if any. */
      choices?: Array<{ label: string; value: string }>;
      /** Epoch ms by the injected clock. */
      expiresAt: number;
    }
  | { kind: 'confirm'; id: string; pending: PendingCommand; expiresAt: number };

/** A conversation found in the store, and whether its deadline has passed. */
export interface LoadedConversation {
  state: ConversationState;
  expired: boolean;
}

/** A dialogue times out after 10 minutes of silence; a confirmation after 5. */
export const DIALOGUE_TIMEOUT_MS = 10 * 60_000;
export const CONFIRM_TIMEOUT_MS = 5 * 60_000;
/**
 * The state outlives its deadline by this much, so the next message after a timeout can be told
 * politely that it timed out (once) instead of being read as something new.
 */
const GRACE_MS = 60 * 60_000;

/**
 * Conversation state per (platform, chat, sender) in the coordination store. Deadlines are read
 * from the injected clock and kept in the state, so tests can move time by hand.
 *
 * @example
 * const found = await conversations.load(message);
 * if (found?.expired) await conversations.end(message);
 */
export class Conversations {
  constructor(
    private readonly coordination: Coordination,
    private readonly clock: Clock,
  ) {}

  /** The same person in the same chat on the same platform; a second group member has another key. */
  private key(message: IncomingMessage): string {
    return `conversation:${message.platform}:${message.chat.id}:${message.sender.platformUserId}`;
  }

  async load(message: IncomingMessage): Promise<LoadedConversation | null> {
    const state = await this.coordination.getState<ConversationState>(this.key(message));
    if (!state) return null;
    return { state, expired: this.clock.now().getTime() >= state.expiresAt };
  }

  /**
   * Starts or moves on a dialogue; the deadline restarts with every step. `lifetimeMs`: the
   * command's own (`CommandSpec.dialogue.lifetimeMs`), else {@link DIALOGUE_TIMEOUT_MS}.
   */
  async ask(
    message: IncomingMessage,
    step: Omit<Extract<ConversationState, { kind: 'dialogue' }>, 'kind' | 'id' | 'expiresAt'> & { id?: string },
    lifetimeMs = DIALOGUE_TIMEOUT_MS,
  ): Promise<void> {
    await this.save(message, {
      ...step,
      kind: 'dialogue',
      id: step.id ?? randomUUID(),
      expiresAt: this.clock.now().getTime() + lifetimeMs,
    });
  }

  /** Waits for 确认/取消 on a pending command, for `lifetimeMs` (default {@link CONFIRM_TIMEOUT_MS}). */
  async awaitConfirmation(message: IncomingMessage, pending: PendingCommand, lifetimeMs = CONFIRM_TIMEOUT_MS): Promise<void> {
    await this.save(message, { kind: 'confirm', id: randomUUID(), pending, expiresAt: this.clock.now().getTime() + lifetimeMs });
  }

  /**
   * True for exactly one caller per state: two quick 确认 (or two instances) never run the same
   * command twice.
   */
  async claim(state: ConversationState): Promise<boolean> {
    const lifetime = Math.max(DIALOGUE_TIMEOUT_MS, state.expiresAt - this.clock.now().getTime());
    return this.coordination.claimOnce(`conversation-done:${state.id}`, GRACE_MS + lifetime);
  }

  async end(message: IncomingMessage): Promise<void> {
    await this.coordination.deleteState(this.key(message));
  }

  private async save(message: IncomingMessage, state: ConversationState): Promise<void> {
    const ttl = Math.max(1, state.expiresAt - this.clock.now().getTime()) + GRACE_MS;
    await this.coordination.setState(this.key(message), state, ttl);
  }
}
