import type { ParsedArgs } from './command.js';
import type { IncomingMessage } from '../platforms/types.js';

/**
 * The resident's dialogue with the bot's runner, in the residents' conversation mode (the
 * residents' registry: their filing is an ordinary `CommandSpec` dialogue). Replies are joined
 * into the one text a resident is sent.
 */
export interface ResidentDialogue {
  /** The dialogue in progress: the argument it asks (undefined while it waits for the confirmation), and whether it timed out. */
  current(): Promise<{ asking: string | undefined; expired: boolean } | null>;
  /** Starts the command's dialogue with `args`; `opening.answer` answers its first question, `opening.say` is said instead of it. */
  start(commandId: string, args: ParsedArgs, opening?: { answer?: string; say?: string }): Promise<string>;
  /** The resident's next answer ('' for a photo, which the dialogue finds on the message). */
  carryOn(answer: string): Promise<string>;
  end(): Promise<void>;
}

/**
 * The conversation residents have on the residents' service (messages with source
 * `resident-service`, 微信客服): plain words, no commands (src/services/residents/resident-talk.ts).
 * The bot hands it every such message after its one dedup, the sender's identity and the length
 * gate, with the resident's dialogue; what a resident may be sent (48 h / 5 messages) is the
 * platform's sender's rule.
 *
 * @example
 * const text = await residents.answer(message, dialogue); // '' when there is nothing to say
 */
export interface ResidentConversation {
  /** The one reply to a resident's message or event (a welcome on `enter_session`); '' for none. Never throws for what a resident said. */
  answer(message: IncomingMessage, dialogue: ResidentDialogue): Promise<string>;
}
