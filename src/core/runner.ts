import type { Clock } from './clock.js';
import type { Coordination } from './coordination.js';
import { randomUUID } from 'node:crypto';
import type { AnswerReading, AskNext, CommandContext, CommandSpec, ParsedArgs, Reply } from './command.js';
import { Conversations, type ConversationState, type PendingCommand } from './conversation.js';
import { argsToAsk, buildQuestion, problemText, readAnswer, type Question } from './dialogue.js';
import { isYishiError } from './errors.js';
import type { MemberDirectory } from './member-directory.js';
import { lookupMemberByName, memberByPlatformId, resolveMentionedMembers } from './mentions.js';
import { bindArgs, type ParseResult } from './parser.js';
import { rolesFrom, type CommandRegistry } from './registry.js';
import { hasRole, type Actor } from './roles.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, OutgoingMessage, PlatformDirectory } from '../platforms/types.js';

/** Turns a handler's reply into messages. */
export function toMessages(reply: Reply): OutgoingMessage[] {
  if (typeof reply === 'string') return reply ? [{ text: reply, format: 'text' }] : [];
  return Array.isArray(reply) ? reply : [reply];
}

export interface RunnerDeps<S> {
  registry: CommandRegistry<S>;
  /** Which platform delivered a message, and so how its @-mentions name members. */
  platforms: PlatformDirectory;
  /** Handed to every handler as `ctx.services`; core never looks inside. */
  services: S;
  /** Who a mention or a typed name is. */
  members: MemberDirectory;
  coordination: Coordination;
  clock: Clock;
  messages: Messages;
}

/** Who is talking, where, and the request's logger. */
export interface Turn {
  actor: Actor;
  message: IncomingMessage;
  log: Logger;
}

type Parsed = Extract<ParseResult, { kind: 'command' }>;

/**
 * Runs a command once its words are known: role check, argument binding and member lookup, then
 * a guided dialogue, a confirmation, or the handler. Also carries a conversation on.
 */
export class CommandRunner<S> {
  readonly conversations: Conversations;

  constructor(private readonly deps: RunnerDeps<S>) {
    this.conversations = new Conversations(deps.coordination, deps.clock);
  }

  private get t(): Messages {
    return this.deps.messages;
  }

  /** The refusal for a role below the command's lowest role; null when allowed. */
  refusal(command: CommandSpec<S>, actor: Actor): OutgoingMessage[] | null {
    if (hasRole(actor.role, command.minRole)) return null;
    const t = this.t.core;
    const roles = t.roleList(rolesFrom(command.minRole).map((role) => t.roles[role] ?? role));
    const hint = actor.role === 'guest' ? `\n${t.guestHint}` : '';
    return toMessages(`${t.notAllowed(command.name, roles)}${hint}`);
  }

  private context(command: CommandSpec<S>, turn: Turn, pending: PendingCommand): CommandContext<S> {
    const d = this.deps;
    return {
      actor: turn.actor,
      message: turn.message,
      args: pending.args,
      extras: pending.extras,
      t: d.messages,
      clock: d.clock,
      services: d.services,
      coordination: d.coordination,
      log: turn.log.child({ command: command.id }),
    };
  }

  /** A user-facing error becomes its message; anything else is logged and gets an apology. */
  private failure(command: CommandSpec<S>, turn: Turn, error: unknown): OutgoingMessage[] {
    if (isYishiError(error) && error.userMessage) return toMessages(error.userMessage);
    turn.log.error({ err: error, command: command.id }, 'command failed');
    return toMessages(this.t.core.apology);
  }

  /**
   * Runs the handler behind the error boundary. A handler that asks on ({@link AskNext}) keeps the
   * conversation: the next answer runs it again, without a second confirmation.
   */
  private async run(command: CommandSpec<S>, turn: Turn, pending: PendingCommand): Promise<OutgoingMessage[]> {
    let result: Reply | AskNext;
    try {
      result = await command.handler(this.context(command, turn, pending));
    } catch (error) {
      return this.failure(command, turn, error);
    }
    if (!isAskNext(result)) return toMessages(result);
    const { arg, args, text } = result.askNext;
    const next: PendingCommand = { ...pending, args: { ...pending.args, ...args }, confirmed: true };
    const said = text ? toMessages(text) : [];
    if (!arg) {
      await this.conversations.awaitConfirmation(turn.message, next, command.dialogue?.lifetimeMs);
      return said;
    }
    return [...said, ...(await this.ask(command, turn, next, [arg]))];
  }

  /**
   * Starts a command's dialogue from code rather than a typed line (the residents' filing):
   * `args` known so far; `opening.answer` is read as the answer to the first question (not
   * asked), `opening.say` is said instead of it.
   */
  async begin(
    command: CommandSpec<S>,
    turn: Turn,
    args: ParsedArgs,
    opening: { answer?: string; say?: string } = {},
  ): Promise<OutgoingMessage[]> {
    const refused = this.refusal(command, turn.actor);
    if (refused) return refused;
    const pending: PendingCommand = { commandId: command.id, args, extras: { tags: [], memberIds: [], rest: '' } };
    const toAsk = argsToAsk(command, args);
    const [asking, ...remaining] = toAsk;
    if (!asking) return this.proceed(command, turn, pending, true);
    const state = { kind: 'dialogue' as const, id: randomUUID(), pending, asking, remaining, expiresAt: 0 };
    if (opening.answer !== undefined) return this.answerStep(command, turn, state, opening.answer);
    if (opening.say === undefined) return this.ask(command, turn, pending, toAsk);
    await this.conversations.ask(turn.message, { pending, asking, remaining, id: state.id }, command.dialogue?.lifetimeMs);
    return toMessages(opening.say);
  }

  /** A freshly typed command. */
  async start(parsed: Parsed, turn: Turn): Promise<OutgoingMessage[]> {
    const { command } = parsed;
    const t = this.t.core;
    const refused = this.refusal(command, turn.actor);
    if (refused) return refused;
    const bound = bindArgs(command, parsed, this.deps.clock.now());
    if (bound.invalid) {
      const spec = command.args.find((arg) => arg.name === bound.invalid!.arg)!;
      return toMessages(problemText(this.t, bound.invalid.problem, bound.invalid.value, spec));
    }
    const members = await this.bindMembers(command, bound.args, turn.message);
    if (typeof members === 'string') return toMessages(members);
    const memberIds = await resolveMentionedMembers(this.deps.platforms, this.deps.members, turn.message, parsed.mentions);
    const pending: PendingCommand = {
      commandId: command.id,
      args: bound.args,
      extras: { tags: parsed.tags, memberIds, rest: parsed.rest },
    };
    const missing = command.args.find((spec) => spec.required && pending.args[spec.name] === undefined);
    if (missing) {
      const toAsk = argsToAsk(command, pending.args);
      if (!command.prompts?.[missing.name] || toAsk.length === 0)
        return toMessages(t.missingArgument(command.name, command.texts(this.t).usage));
      return this.ask(command, turn, pending, toAsk);
    }
    return this.proceed(command, turn, pending, false);
  }

  /** Member arguments become member ids; a name nobody has (or several have) gets an answer. */
  private async bindMembers(command: CommandSpec<S>, args: ParsedArgs, message: IncomingMessage): Promise<string | null> {
    const mentioned = [...message.mentions];
    for (const spec of command.args.filter((arg) => arg.kind === 'member')) {
      const typed = args[spec.name];
      if (typed === undefined) {
        const platformUserId = mentioned.shift();
        const member = platformUserId
          ? await memberByPlatformId(this.deps.platforms, this.deps.members, message.platform, platformUserId)
          : null;
        if (member) args[spec.name] = member.id;
        continue;
      }
      const found = await lookupMemberByName(this.deps.members, typed);
      if (found.kind === 'none') return this.t.core.memberNotFound(typed);
      if (found.kind === 'ambiguous') return this.t.core.memberAmbiguous(typed, found.count);
      args[spec.name] = found.member.id;
    }
    return null;
  }

  /** Asks the first of `toAsk` and remembers where the dialogue stands. */
  private async ask(
    command: CommandSpec<S>,
    turn: Turn,
    pending: PendingCommand,
    toAsk: string[],
    id?: string,
  ): Promise<OutgoingMessage[]> {
    const [asking, ...remaining] = toAsk as [string, ...string[]];
    let question: Question | null;
    try {
      question = await buildQuestion(command, asking, this.context(command, turn, pending));
    } catch (error) {
      await this.conversations.end(turn.message);
      return this.failure(command, turn, error);
    }
    if (!question) {
      await this.conversations.end(turn.message);
      return toMessages(this.t.core.dialogue.noChoices);
    }
    await this.conversations.ask(
      turn.message,
      { pending, asking, remaining, ...(question.choices ? { choices: question.choices } : {}), ...(id ? { id } : {}) },
      command.dialogue?.lifetimeMs,
    );
    return toMessages(question.text);
  }

  /** All arguments known: confirm first when the command asks for it, else run it. */
  private async proceed(command: CommandSpec<S>, turn: Turn, pending: PendingCommand, fromDialogue: boolean): Promise<OutgoingMessage[]> {
    const ctx = this.context(command, turn, pending);
    const t = this.t.core.confirm;
    let summary: (() => Promise<string>) | undefined;
    if (pending.confirmed) summary = undefined;
    else if (fromDialogue && command.confirmDialogue) summary = () => command.confirmDialogue!(ctx);
    else if (command.confirm) {
      const { preview } = command.confirm;
      summary = async () => {
        const { change, told } = await preview(ctx);
        return t.preview(change, told);
      };
    }
    if (!summary) return this.run(command, turn, pending);
    let text: string;
    try {
      text = await summary();
    } catch (error) {
      return this.failure(command, turn, error);
    }
    await this.conversations.awaitConfirmation(turn.message, pending, command.dialogue?.lifetimeMs);
    // A summary that already tells the person to reply 确认 is not told twice; a command that reads
    // the confirmation in its own words says them in its summary.
    const saysHow = command.dialogue?.confirmation !== undefined || text.includes(`“${this.t.core.words.confirm[0]}”`);
    return toMessages(saysHow ? text : `${text}\n${t.ask(this.t.core.words.confirm[0]!)}`);
  }

  /** The next message of someone in a dialogue or with a pending confirmation (not expired). */
  async carryOn(state: ConversationState, turn: Turn, answer: string, folded: string): Promise<OutgoingMessage[]> {
    const t = this.t.core;
    const command = this.deps.registry.byId(state.pending.commandId);
    if (!command) {
      await this.conversations.end(turn.message);
      return toMessages(t.apology);
    }
    const word = folded.toLowerCase();
    const leave = command.dialogue?.leave;
    const leaving = leave ? leave.is(this.t, answer, state.kind === 'dialogue' ? state.asking : undefined) : undefined;
    if (state.kind === 'confirm') {
      const own = command.dialogue?.confirmation;
      const read = leaving ? 'leave' : own ? own.read(this.t, answer) : undefined;
      if (read === 'leave' || (!leave && t.words.cancel.includes(word))) {
        await this.conversations.end(turn.message);
        return toMessages(leave ? leave.reply(this.t) : t.confirm.cancelled);
      }
      if (own && read === 'restart') {
        const pending: PendingCommand = { commandId: command.id, args: {}, extras: state.pending.extras };
        return [...toMessages(own.restarted(this.t)), ...(await this.ask(command, turn, pending, argsToAsk(command, {})))];
      }
      if (own ? read !== 'yes' : !t.words.confirm.includes(word))
        return toMessages(own ? own.remind(this.t) : t.confirm.notConfirmed(answer, command.name, t.words.confirm[0]!));
      await this.conversations.end(turn.message);
      if (!(await this.conversations.claim(state))) return [];
      return this.refusal(command, turn.actor) ?? this.run(command, turn, state.pending);
    }
    if (leave ? leaving : t.words.leave.includes(word)) {
      await this.conversations.end(turn.message);
      return toMessages(leave ? leave.reply(this.t) : t.dialogue.cancelled(command.name));
    }
    return this.answerStep(command, turn, state, answer);
  }

  /** Reads the answer to the argument being asked, then asks the next one, confirms, or runs the command. */
  private async answerStep(
    command: CommandSpec<S>,
    turn: Turn,
    state: Extract<ConversationState, { kind: 'dialogue' }>,
    answer: string,
  ): Promise<OutgoingMessage[]> {
    const spec = command.args.find((arg) => arg.name === state.asking)!;
    const prompt = command.prompts?.[state.asking];
    let reading: AnswerReading;
    if (prompt?.read) {
      // The command's own reader is command code: behind the same boundary as its handler.
      try {
        reading = await prompt.read(answer, this.context(command, turn, state.pending), state.choices ?? []);
      } catch (error) {
        return this.failure(command, turn, error);
      }
    } else reading = await readAnswer(spec, answer, state, { t: this.t, now: this.deps.clock.now(), members: this.deps.members });
    if (!reading.ok) {
      if (reading.end) {
        await this.conversations.end(turn.message);
        return toMessages(reading.reply);
      }
      const pending: PendingCommand = { ...state.pending, args: { ...state.pending.args, ...reading.values } };
      if (reading.askAgain === false) {
        const { asking, remaining, choices, id } = state;
        await this.conversations.ask(
          turn.message,
          { pending, asking, remaining, id, ...(choices ? { choices } : {}) },
          command.dialogue?.lifetimeMs,
        );
        return toMessages(reading.reply);
      }
      const again = await this.ask(command, turn, pending, [state.asking, ...state.remaining], state.id);
      return [...toMessages(reading.reply), ...again];
    }
    const pending: PendingCommand = { ...state.pending, args: { ...state.pending.args, ...reading.values } };
    const next = state.remaining.filter((name) => pending.args[name] === undefined);
    if (next.length > 0) return this.ask(command, turn, pending, next);
    await this.conversations.end(turn.message);
    if (!(await this.conversations.claim(state))) return [];
    return this.refusal(command, turn.actor) ?? this.proceed(command, turn, pending, true);
  }
}

function isAskNext(result: Reply | AskNext): result is AskNext {
  return typeof result === 'object' && !Array.isArray(result) && 'askNext' in result;
}
