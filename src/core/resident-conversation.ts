import type { IncomingMessage } from '../platforms/types.js';

/**
 * The conversation residents have on the residents' service (messages with source
 * `resident-service`, 微信客服): plain words, no commands (src/services/residents/resident-talk.ts).
 * The bot hands it every such message after its one dedup, the sender's identity and the length
 * gate; what a resident may be sent (48 h / 5 messages) is the platform's sender's rule.
 *
 * @example
 * const text = await residents.answer(message); // '' when there is nothing to say
 */
export interface ResidentConversation {
  /** The one reply to a resident's message or event (a welcome on `enter_session`); '' for none. Never throws for what a resident said. */
  answer(message: IncomingMessage): Promise<string>;
}
