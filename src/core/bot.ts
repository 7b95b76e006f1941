import { answering, runFollowUps, type FollowUp } from './after-answer.js';
import type { Clock } from './clock.js';
import type { Coordination } from './coordination.js';
import { resolveActor } from './identity.js';
import type { InboundMessageRepository } from './inbox.js';
import type { MemberDirectory } from './member-directory.js';
import { normalizeInput, parseInput, stripBotMentions, type ParseResult } from './parser.js';
import { CommandRegistry } from './registry.js';
import { hasRole, type Role } from './roles.js';
import type { LoadedConversation } from './conversation.js';
import type { ResidentConversation, ResidentDialogue } from './resident-conversation.js';
import { CommandRunner, toMessages, type Turn } from './runner.js';
import { suggestWord } from './suggest.js';
import { messageOverLimit } from './text-limit.js';
import { withoutTrailing } from './text-scan.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, OutgoingMessage, PlatformDirectory } from '../platforms/types.js';

export interface BotDeps<S> {
  registry: CommandRegistry<S>;
  /** Which platform delivered a message, and so who its sender is. */
  platforms: PlatformDirectory;
  /** Handed to command handlers as `ctx.services`; the bot itself only uses the ports below. */
  services: S;
  /** Who is speaking and who is mentioned. */
  members: MemberDirectory;
  coordination: Coordination;
  inbox: InboundMessageRepository;
  clock: Clock;
  messages: Messages;
  logger: Logger;
  commandRatePerMinute: number;
  /** The residents' conversation: messages from the residents' service go there instead of the command parser. */
  residents?: ResidentConversation;
  /** The residents' conversation mode: the dialogues their conversation starts (their filing), never typed as commands. */
  residentCommands?: CommandRegistry<S>;
}

/**
 * What an adapter adds around one message. `onClaimed`: see {@link Bot.handle}. `onNew`: work
 * the platform does once per message, after the claim and before the answer (a resident's send
 * allowance starts over); never for a duplicate, and again on a try after a failed one.
 */
export interface HandleHooks {
  onClaimed?: () => void;
  onNew?: () => Promise<void>;
}

/**
 * What became of one incoming message. `duplicate` is true for a platform retry: `replies` is
 * then the answer given the first time (empty while the first delivery is still being handled).
 */
export interface HandledMessage {
  replies: OutgoingMessage[];
  duplicate: boolean;
}

/** What {@link Bot.plan} read of a message before anything was stored. */
interface Plan {
  readOnly: boolean;
  found: LoadedConversation | null;
  parsed?: ParseResult;
  /** From the residents' service: answered by the residents' conversation, never parsed as a command. */
  resident?: true;
}

const DEDUP_TTL_MS = 24 * 60 * 60 * 1000;
const STALE_CLAIM_MS = 60_000;

/**
 * The platform-neutral pipeline: dedup → identity → mention rule → rate limit → length limit (the
 * platform's `maxTextLength`) → conversation in progress (dialogue answer, 确认/取消) or parse →
 * role → arguments → dialogue / confirmation / handler. A message from the residents' service
 * (source `resident-service`, 微信客服) takes the same dedup and identity, then goes to the
 * residents' conversation instead of the parser. Every adapter hands its normalised messages here.
 *
 * @example
 * const { replies } = await bot.handle(message);
 */
export class Bot<S = unknown> {
  private readonly runner: CommandRunner<S>;

  /** The same runner over the residents' registry (their conversation mode). */
  private readonly residentRunner: CommandRunner<S>;

  private pending = 0;

  /** Answers given whose inbox record is not marked done yet (that write follows the answer). */
  private readonly answered = new Map<string, OutgoingMessage[]>();

  /** Store work after answers, still running (see {@link later}). */
  private readonly following = new Set<Promise<void>>();

  constructor(private readonly deps: BotDeps<S>) {
    this.runner = new CommandRunner(deps);
    this.residentRunner = new CommandRunner({ ...deps, registry: deps.residentCommands ?? new CommandRegistry<S>([]) });
  }

  /** Messages still being handled. Platforms may ack before the answer is ready, so shutdown waits for these too. */
  get busy(): number {
    return this.pending;
  }

  /**
   * `onClaimed` is called once the message is durably recorded (or known as a retry), so an
   * adapter never acknowledges a message the store has not taken; for a read-only message (see
   * `CommandSpec.readOnly`), once the stores have said who is speaking, so a store that is
   * away still gets the platform to deliver again.
   */
  async handle(message: IncomingMessage, hooks: HandleHooks = {}): Promise<HandledMessage> {
    this.pending += 1;
    try {
      return await this.handleOne(message, hooks);
    } finally {
      this.pending -= 1;
    }
  }

  private async handleOne(message: IncomingMessage, { onClaimed, onNew }: HandleHooks): Promise<HandledMessage> {
    const key = `${message.platform}:${message.messageId}`;
    const log = this.deps.logger.child({ platform: message.platform, messageId: message.messageId });
    // Fast first line in Redis/memory; the unique _id in MongoDB is the durable second line.
    const firstSeen = await this.deps.coordination.claimOnce(`inbox:${key}`, DEDUP_TTL_MS);
    const plan = await this.plan(message);
    if (plan.readOnly) {
      // Nothing will be stored: a redelivery simply gets the answer computed again.
      return { replies: await this.respond(message, log, plan, onClaimed), duplicate: !firstSeen };
    }
    // Answered by this instance, its inbox record about to be marked done: the same answer again.
    const early = this.answered.get(key);
    if (early) {
      onClaimed?.();
      return { replies: early, duplicate: true };
    }
    const claim = await this.deps.inbox.claim(key, this.deps.clock.now(), STALE_CLAIM_MS);
    onClaimed?.();
    if (claim.status === 'done') return { replies: claim.replies, duplicate: true };
    if (claim.status === 'processing') return { replies: [], duplicate: true };

    const followUps: FollowUp[] = [];
    let replies: OutgoingMessage[];
    try {
      replies = await answering(followUps, async () => {
        await onNew?.();
        return this.respond(message, log, plan);
      });
    } catch (error) {
      this.later(followUps, log);
      // Not recorded as done: the platform's retry gets another chance.
      await this.deps.inbox.release(key).catch(() => undefined);
      throw error;
    }
    // The stored answer is written after the answer has gone out; until then a redelivery to this
    // instance gets it from memory, and one to another instance is told the message is in hand.
    this.answered.set(key, replies);
    followUps.push(async () => {
      try {
        await this.deps.inbox.finish(key, replies, this.deps.clock.now());
      } finally {
        this.answered.delete(key);
      }
    });
    this.later(followUps, log);
    return { replies, duplicate: false };
  }

  /**
   * Runs the store work deferred while answering (see `afterAnswer`) once the adapter has had the
   * answer: on the next turn of the event loop. Counted in {@link busy}, so shutdown waits for it.
   */
  private later(followUps: FollowUp[], log: Logger): void {
    if (followUps.length === 0) return;
    this.pending += 1;
    const done = new Promise((resolve) => setImmediate(resolve))
      .then(() => runFollowUps(followUps, (error) => log.error({ err: error }, 'store work after the answer failed')))
      .finally(() => {
        this.pending -= 1;
        this.following.delete(done);
      });
    this.following.add(done);
  }

  /** Resolves once the store work after every answer given so far is done (tests' `tick`, before the outbox pass). */
  async afterAnswers(): Promise<void> {
    await Promise.all([...this.following]);
  }

  /**
   * What a message is, read before anything is stored: a conversation in progress, or the parsed
   * line. Read-only when answering it can change nothing: no words for Yishi (a group line without
   * the @, an event), or no conversation in progress and a line that is not a command that writes.
   */
  private async plan(message: IncomingMessage): Promise<Plan> {
    // A resident's every message (a photo, an event) may move their conversation: always recorded.
    if (this.deps.residents && message.source === 'resident-service') return { readOnly: false, found: null, resident: true };
    if ((message.chat.kind === 'group' && !message.mentionedBot) || !message.text.trim()) return { readOnly: true, found: null };
    const found = await this.runner.conversations.load(message);
    if (found) return { readOnly: false, found };
    const parsed = parseInput(message.text, this.deps.registry, { botNames: this.deps.messages.core.botNames, now: this.deps.clock.now() });
    return { readOnly: parsed.kind !== 'command' || parsed.command.readOnly === true, found, parsed };
  }

  /** `onStoresAnswered`: called once the stores have said who is speaking (a store that is away throws before). */
  private async respond(message: IncomingMessage, log: Logger, plan: Plan, onStoresAnswered?: () => void): Promise<OutgoingMessage[]> {
    const t = this.deps.messages;
    if (plan.resident && this.deps.residents) return this.respondToResident(this.deps.residents, message, log);
    if (message.chat.kind === 'group' && !message.mentionedBot) return [];
    if (!message.text && !message.event) return [];
    const actor = await resolveActor(this.deps.platforms, this.deps.members, message);
    onStoresAnswered?.();

    const bucket = await this.deps.coordination.takeToken(
      `commands:${message.platform}:${message.sender.platformUserId}`,
      this.deps.commandRatePerMinute,
      60_000,
      this.deps.clock.now().getTime(),
    );
    if (!bucket.allowed) return toMessages(t.core.rateLimited(Math.max(1, Math.ceil(bucket.retryAfterMs / 1000))));

    if (!message.text.trim()) return []; // events carry no words to answer
    // The one length gate, before anything reads the words (dialogue, parser, commands).
    const tooLong = messageOverLimit(message);
    if (tooLong) {
      log.info(tooLong, 'message longer than its platform allows: answered without reading it');
      return toMessages(t.input.tooLong(tooLong.length, tooLong.limit));
    }
    const turn: Turn = { actor, message, log };
    const answer = stripBotMentions(message.text, t.core.botNames);
    const folded = withoutTrailing(normalizeInput(answer).replace(/^\/+\s*/, ''), '.。!');
    const { found } = plan;
    const parse = () =>
      plan.parsed ?? parseInput(message.text, this.deps.registry, { botNames: t.core.botNames, now: this.deps.clock.now() });
    let notice: OutgoingMessage[] = [];
    if (found && !found.expired) {
      // Waiting for 确认, a new command drops the change that waited (said so) and runs instead.
      const word = folded.toLowerCase();
      const answers = [...t.core.words.confirm, ...t.core.words.cancel];
      const parsed = found.state.kind === 'confirm' && !answers.includes(word) ? parse() : null;
      if (parsed?.kind !== 'command') return this.runner.carryOn(found.state, turn, answer, folded);
      await this.runner.conversations.end(message);
      const name = this.deps.registry.byId(found.state.pending.commandId)?.name ?? '';
      return [...toMessages(t.core.confirm.replaced(name)), ...(await this.runner.start(parsed, turn))];
    }
    if (found) {
      await this.runner.conversations.end(message);
      const name = this.deps.registry.byId(found.state.pending.commandId)?.name ?? '';
      notice = toMessages(found.state.kind === 'confirm' ? t.core.confirm.expired(name) : t.core.dialogue.expired(name));
    }
    const parsed = parse();
    if (parsed.kind === 'command') return [...notice, ...(await this.runner.start(parsed, turn))];
    if (notice.length > 0 || parsed.kind === 'empty') return notice;
    const word = folded.toLowerCase();
    if (t.core.words.confirm.includes(word)) return toMessages(t.core.confirm.nothingPending);
    if (t.core.words.leave.includes(word)) return toMessages(t.core.confirm.nothingToCancel);
    return toMessages(this.unknown(parsed, actor.role));
  }

  /**
   * A resident on the residents' service: who they are, the length gate in residents' words, then
   * their conversation (no commands, no command rate: they have their own filing limit and the
   * platform's send allowance). The reply is one message, the answer to what they just said.
   */
  private async respondToResident(residents: ResidentConversation, message: IncomingMessage, log: Logger): Promise<OutgoingMessage[]> {
    const actor = await resolveActor(this.deps.platforms, this.deps.members, message);
    const tooLong = messageOverLimit(message);
    if (tooLong) {
      log.info(tooLong, 'resident message longer than the platform allows: answered without reading it');
      return [{ text: this.deps.messages.input.residentTooLong(tooLong.length, tooLong.limit), format: 'text', residentNotice: 'reply' }];
    }
    const text = await residents.answer(message, this.residentDialogue({ actor, message, log }));
    return text ? [{ text, format: 'text', residentNotice: 'reply' }] : [];
  }

  /** The resident's dialogue through the residents' runner, its replies joined into one text. */
  private residentDialogue(turn: Turn): ResidentDialogue {
    const runner = this.residentRunner;
    const { message } = turn;
    const joined = (replies: OutgoingMessage[]) => replies.map((reply) => reply.text).join('\n');
    return {
      current: async () => {
        const found = await runner.conversations.load(message);
        if (!found) return null;
        return { asking: found.state.kind === 'dialogue' ? found.state.asking : undefined, expired: found.expired };
      },
      start: async (commandId, args, opening) => {
        const command = this.deps.residentCommands?.byId(commandId);
        if (!command) throw new Error(`no residents' command ${commandId}`);
        return joined(await runner.begin(command, turn, args, opening));
      },
      carryOn: async (answer) => {
        const found = await runner.conversations.load(message);
        if (!found) return '';
        return joined(await runner.carryOn(found.state, turn, answer, normalizeInput(answer)));
      },
      end: () => runner.conversations.end(message),
    };
  }

  /** A typo gets the closest command; a sentence in a chat with Yishi gets a kind pointer. */
  private unknown(parsed: Extract<ParseResult, { kind: 'unknown' }>, role: Role): string {
    const t = this.deps.messages.core;
    const words = this.deps.registry.wordsFor(role);
    const joined =
      parsed.joinedWord && words.includes(parsed.joinedWord)
        ? `${parsed.joinedWord} ${parsed.line.slice(parsed.joinedWord.length).trim()}`
        : undefined;
    if (parsed.joinedWord && parsed.restWord && words.includes(parsed.joinedWord) && words.includes(parsed.restWord)) {
      return t.ambiguousJoin(parsed.joinedWord, parsed.line.slice(parsed.joinedWord.length).trim(), parsed.restWord);
    }
    const suggestion = joined ?? suggestWord(parsed.word, words);
    if (suggestion) return t.unknownCommand(parsed.word, suggestion);
    // A greeting (你好) gets a plain pointer; a sentence may well be something to report.
    const file = this.deps.registry.find(t.fileCommandWord);
    const sentence = [...parsed.line].length > 4;
    return t.notACommand(parsed.line, sentence && file && hasRole(role, file.minRole) ? file.name : undefined);
  }
}
