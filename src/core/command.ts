import type { Clock } from './clock.js';
import type { Actor, Role } from './roles.js';
import type { IncomingMessage, OutgoingMessage } from '../platforms/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Coordination } from './coordination.js';
import type { Logger } from '../logger.js';

/** What a command handler returns: a sentence, a full message, or several messages. */
export type Reply = string | OutgoingMessage | OutgoingMessage[];

/** Texts a person reads about a command; they live in `src/i18n/`. */
export interface CommandTexts {
  usage: string;
  description: string;
  examples: string[];
}

/**
 * The kinds of argument the parser understands. Commands declare their arguments with these,
 * and help is generated from the declaration.
 */
export type ArgKind =
  | 'text' // the rest of the line (free text)
  | 'word' // one token
  | 'opinion-number' // MY-2026-000123 (also accepts 123 or 2026-123 forms the parser normalises)
  | 'member' // a member, by @-mention or name
  | 'date' // 今天, 明天下午, 这周六, 下下周一, 12月10日, 2026-03-05 … (read by core/date-phrases.ts; see ParsedArgs)
  | 'time' // 下午3点, 15:30, 上午9点半 → 'HH:MM'
  | 'choice'; // one of `choices`

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  required: boolean;
  choices?: readonly string[];
}

/**
 * Arguments after parsing, keyed by ArgSpec.name. Dates are Beijing-time dates `YYYY-MM-DD`: a
 * `date` argument `when` also sets `whenTo` (last day of the range, e.g. Sunday for 本周) and
 * `whenKind` ('day' | 'week' | 'month'), and when they apply `whenPart` ('morning' | 'afternoon' |
 * 'evening', from 上午/下午/晚上) and `whenYear` (the year taken for a date typed without one). `member` arguments hold a member id; `opinion-number`
 * arguments hold the canonical `MY-YYYY-NNNNNN`.
 */
export type ParsedArgs = Record<string, string | undefined>;

/** What the parser found besides positional arguments. */
export interface ParsedExtras {
  /** `#标签` tags, without the `#`. */
  tags: string[];
  /** Member ids resolved from @-mentions and plain names. */
  memberIds: string[];
  /** The whole argument text after the command word, normalised. */
  rest: string;
}

/**
 * Everything a handler may use. Handlers talk to services, never to storage or platforms. `S` is
 * the services bag, opaque to core: `commands/command.ts` binds it to the committee's `Services`.
 *
 * @example
 * handler: async (ctx) => ctx.t.core.help.title
 */
export interface CommandContext<S = unknown> {
  actor: Actor;
  message: IncomingMessage;
  args: ParsedArgs;
  extras: ParsedExtras;
  t: Messages;
  clock: Clock;
  services: S;
  coordination: Coordination;
  log: Logger;
}

/**
 * A chat command: data (names, role, arguments) plus one handler that returns its reply.
 *
 * @example
 * export const helpCommand: CommandSpec = {
 *   id: 'help', name: '帮助', aliases: ['help', '菜单'], minRole: 'resident', args: [],
 *   texts: (t) => t.commands.help, handler: async (ctx) => renderHelp(ctx),
 * };
 */
/**
 * How a guided dialogue asks for one missing argument. With `choices` (or the argument's static
 * `choices`) the question shows a numbered list; the person may answer with the number or the label.
 */
export interface ArgPrompt<S = unknown> {
  /** The question (from `src/i18n/`). `args` holds what the person has answered so far. */
  ask(t: Messages, args: ParsedArgs): string;
  /** The options to choose from; the chosen `value` becomes the argument. */
  choices?(ctx: CommandContext<S>): Promise<Array<{ label: string; value: string }>>;
  /**
   * The argument's own answer reader, instead of reading by its kind: it sees the whole message
   * (`ctx.message`, a photo too) and the list the question showed. See {@link AnswerReading}.
   */
  read?(answer: string, ctx: CommandContext<S>, choices: ReadonlyArray<{ label: string; value: string }>): Promise<AnswerReading>;
  /** Never asked in turn: only when the handler asks for it ({@link AskNext}), e.g. a choice that depends on the result. */
  onlyWhenAsked?: true;
}

/**
 * How an answer was read. `ok: true`: the values to keep (the asked argument among them, and any
 * other argument the same answer gave). `ok: false`: the argument stays asked; `values` are kept
 * all the same (a photo collected), `reply` is said, followed by the question again unless
 * `askAgain` is false; with `end` the dialogue ends instead.
 */
export type AnswerReading =
  | { ok: true; values: ParsedArgs }
  | { ok: false; reply: string; values?: ParsedArgs; askAgain?: false; /** The dialogue ends here (nothing kept). */ end?: true };

/**
 * What a handler returns to go on with the dialogue instead of ending it: ask the argument `arg`
 * (its prompt is usually `onlyWhenAsked`) with `args` added, or, without `arg`, wait for the
 * confirmation again. `text` is said first. When the answer comes, the handler runs again, without
 * a second confirmation.
 */
export interface AskNext {
  askNext: { arg?: string; args?: ParsedArgs; text?: string };
}

/** What the person types at the confirmation, as a command's own dialogue reads it. */
export type ConfirmationAnswer = 'yes' | 'restart' | 'leave' | undefined;

/**
 * How a command's dialogue talks with people who never type commands (the residents): named
 * options instead of the members' defaults. Each one left out keeps the default.
 */
export interface DialogueOptions {
  /** How long the conversation waits for the next answer (and for the confirmation): default 10 and 5 minutes. */
  lifetimeMs?: number;
  /** `plain`: questions without the command hints (“回复‘取消’可随时退出”, “请回复编号或名称”). */
  hints?: 'plain';
  /** Words that end the dialogue, read for the argument being asked (`undefined` at the confirmation), and what is said then. */
  leave?: { is(t: Messages, answer: string, asking: string | undefined): boolean; reply(t: Messages): string };
  /** The confirmation in the person's own words: yes, start over (asked from the first argument again), or leave. */
  confirmation?: { read(t: Messages, answer: string): ConfirmationAnswer; restarted(t: Messages): string; remind(t: Messages): string };
}

/** What a confirmation shows: the change, and who will be told of it (empty: nobody). */
export interface ConfirmPreview {
  change: string;
  told: readonly string[];
}

export interface CommandSpec<S = unknown> {
  /** Stable English id, used in logs and i18n keys. */
  id: string;
  /** The Chinese command word people type. */
  name: string;
  /** Other words that run it (English and Chinese). */
  aliases: string[];
  minRole: Role;
  args: ArgSpec[];
  /**
   * Set on a command that changes nothing stored (帮助, 值班, 进度, 待办…): the bot then answers it
   * without the durable inbox (no claim, no stored answer) — a platform's redelivery gets the answer
   * computed again, and the fast dedup line (Redis or memory) tells it that it is a copy. Leave it
   * unset on anything that writes: such a command keeps the durable inbox and its stored answer.
   * A dialogue answer or a 确认 always takes the durable path, whatever the command.
   */
  readOnly?: true;
  /**
   * Question forms that stand for the command inside a line that starts with no command word.
   * `anywhere`: wherever they stand (`下周三谁值班`, `请问明天下午谁值班？`), the rest of the line
   * becomes the arguments, and a rest that does not read gets the command's own answer about it.
   * `after`: only at the end, and only when what comes before reads as the arguments (`下周三值班`).
   */
  askedAs?: { anywhere?: readonly string[]; after?: readonly string[] };
  /**
   * Every command that changes what someone else will see (a state, an assignment, a grade, an
   * outcome, a deletion, the roster) declares this: the runner then shows the preview and runs
   * the handler only on 确认 (or 是/确定; CONFIRM_WORDS) from the same person in the same chat.
   * `test/unit/core/confirmation-rule.test.ts` lists which commands must.
   */
  confirm?: { preview(ctx: CommandContext<S>): Promise<ConfirmPreview> };
  /**
   * Guided dialogue: when a *required* argument is missing, Yishi asks, one question at a time
   * in declaration order, for every missing argument that has a prompt here (required or not).
   * A missing required argument without a prompt gets the usage line instead.
   */
  prompts?: Record<string, ArgPrompt<S>>;
  /** Last step of a guided dialogue: a summary the person answers with 确认 or 取消. */
  confirmDialogue?(ctx: CommandContext<S>): Promise<string>;
  /** The dialogue's own lifetime, words and hints (see {@link DialogueOptions}); members' commands leave it out. */
  dialogue?: DialogueOptions;
  texts(t: Messages): CommandTexts;
  /** The reply; a command with a dialogue may go on asking instead ({@link AskNext}). */
  handler(ctx: CommandContext<S>): Promise<Reply | AskNext>;
}
