import type { Clock } from './clock.js';
import type { CommandContext, Reply } from './command.js';
import { isYishiError } from './errors.js';
import { resolveActor } from './identity.js';
import { bindArgs, parseInput } from './parser.js';
import type { CommandRegistry } from './registry.js';
import { hasRole } from './roles.js';
import { suggestWord } from './suggest.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, OutgoingMessage } from '../platforms/types.js';
import type { Services } from '../services/services.js';
import type { Coordination } from '../storage/coordination.js';
import type { InboundMessageRepository } from '../storage/mongo/inbound-message-repository.js';

export interface BotDeps {
  registry: CommandRegistry;
  services: Services;
  coordination: Coordination;
  inbox: InboundMessageRepository;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  commandRatePerMinute: number;
}

/**
 * What became of one incoming message. `duplicate` is true for a platform retry: `replies` is
 * then the answer given the first time (empty while the first delivery is still being handled).
 */
export interface HandledMessage {
  replies: OutgoingMessage[];
  duplicate: boolean;
}

const DEDUP_TTL_MS = 24 * 60 * 60 * 1000;
const STALE_CLAIM_MS = 60_000;

function toMessages(reply: Reply): OutgoingMessage[] {
  if (typeof reply === 'string') return reply ? [{ text: reply, format: 'text' }] : [];
  return Array.isArray(reply) ? reply : [reply];
}

/**
 * The platform-neutral pipeline: dedup → identity → mention rule → rate limit → parse → role →
 * handler. Every adapter hands its normalised messages here.
 *
 * @example
 * const { replies } = await bot.handle(message);
 */
export class Bot {
  constructor(private readonly deps: BotDeps) {}

  async handle(message: IncomingMessage): Promise<HandledMessage> {
    const key = `${message.platform}:${message.messageId}`;
    const log = this.deps.logger.child({ platform: message.platform, messageId: message.messageId });
    // Fast first line in Redis/memory; the unique _id in MongoDB is the durable second line.
    await this.deps.coordination.claimOnce(`inbox:${key}`, DEDUP_TTL_MS);
    const claim = await this.deps.inbox.claim(key, this.deps.clock.now(), STALE_CLAIM_MS);
    if (claim.status === 'done') return { replies: claim.replies, duplicate: true };
    if (claim.status === 'processing') return { replies: [], duplicate: true };

    let replies: OutgoingMessage[];
    try {
      replies = await this.respond(message, log);
    } catch (error) {
      // Not recorded as done: the platform's retry gets another chance.
      await this.deps.inbox.release(key).catch(() => undefined);
      throw error;
    }
    await this.deps.inbox.finish(key, replies, this.deps.clock.now());
    return { replies, duplicate: false };
  }

  private async respond(message: IncomingMessage, log: Logger): Promise<OutgoingMessage[]> {
    const t = this.deps.messages;
    if (message.chat.kind === 'group' && !message.mentionedBot) return [];
    if (!message.text && !message.event) return [];
    const actor = await resolveActor(this.deps.services.members, message);

    const bucket = await this.deps.coordination.takeToken(`commands:${message.platform}:${message.sender.platformUserId}`, this.deps.commandRatePerMinute, 60_000, this.deps.clock.now().getTime());
    if (!bucket.allowed) return toMessages(t.core.rateLimited(Math.max(1, Math.ceil(bucket.retryAfterMs / 1000))));

    const parsed = parseInput(message.text, this.deps.registry);
    if (parsed.kind === 'empty') return [];
    if (parsed.kind === 'unknown') return toMessages(t.core.unknownCommand(parsed.word, suggestWord(parsed.word, this.deps.registry.words())));

    const { command } = parsed;
    if (!hasRole(actor.role, command.minRole)) return toMessages(t.core.notAllowed(command.name, t.core.roles[command.minRole] ?? command.minRole));
    const bound = bindArgs(command, parsed.tokens, parsed.rest);
    if (bound.missing) return toMessages(t.core.missingArgument(command.name, command.texts(t).usage));
    if (bound.invalid) return toMessages(t.core.invalidChoice(bound.invalid.value, bound.invalid.choices.join('、')));

    const context: CommandContext = {
      actor,
      message,
      args: bound.args,
      extras: { tags: parsed.tags, memberIds: [], rest: parsed.rest },
      t,
      clock: this.deps.clock,
      services: this.deps.services,
      coordination: this.deps.coordination,
      log,
    };
    try {
      return toMessages(await command.handler(context));
    } catch (error) {
      if (isYishiError(error) && error.userMessage) return toMessages(error.userMessage);
      log.error({ err: error, command: command.id }, 'command failed');
      return toMessages(t.core.apology);
    }
  }
}
