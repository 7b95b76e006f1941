import { acceptsJoinedRest, readArg, type ArgProblem } from './arg-kinds.js';
import type { CommandSpec, ParsedArgs } from './command.js';
import type { CommandRegistry } from './registry.js';
import { blankRanges, CollapsedText, consistsOf, isWhitespace, withoutLeading, withoutTrailing } from './text-scan.js';

/** One argument token: `value` has full-width forms folded; `raw` is what the person typed. */
export interface Token {
  value: string;
  raw: string;
  /** Position of the token in the original line (for slicing free text). */
  start: number;
  quoted: boolean;
  /** The line from this token to its end, as typed (tags removed, spaces collapsed). */
  readonly tail: string;
}

/** The result of reading one line a person typed. */
export type ParseResult =
  | { kind: 'empty' }
  | {
      kind: 'command';
      command: CommandSpec;
      word: string;
      /** The argument text as typed (full-width kept), without tags and bot mentions. */
      rest: string;
      tokens: string[];
      spans: Token[];
      tags: string[];
      /** Names after `@` in the text (other people, not the bot). */
      mentions: string[];
    }
  | {
      kind: 'unknown';
      word: string;
      /** The whole line, as typed, without the bot's mention and leading slash. */
      line: string;
      /** When the line starts with a known word run together with more text: that word. */
      joinedWord?: string;
      /** When that text itself starts with another command word (反映进度): the other command. */
      restWord?: string;
    };

export interface ParseOptions {
  /** The bot's own names; `@议事助手` anywhere in the line is dropped. */
  botNames?: readonly string[];
  /** The injected clock's time, for joined dates and opinion numbers. */
  now?: Date;
}

/**
 * Folds full-width ASCII forms (，：；／－＃＠！？, Ａ-Ｚ, ０-９) and U+3000 to ASCII, one character
 * for one, so positions in the folded text are positions in the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u00a0]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 || code === 0xa0 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Full-width forms folded, whitespace collapsed, trimmed. */
export function normalizeInput(text: string): string {
  return foldWidth(text).replace(/\s+/g, ' ').trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TRAILING_PUNCTUATION = ',.;:!?。、';
/** A token made only of these is an exclamation, not an argument (`帮助！`). */
const EXCLAMATION = '!?.。…~';
/** Characters a command word ends at (besides whitespace). */
const WORD_END = ',:;!?。、~';
/** Characters skipped between the command word and its first argument (besides whitespace). */
const AFTER_WORD = /[\s,:;。、~-]*/y;
/** Where free text may not start: a separator left in front of it once tags are taken out. */
const LEADING_SEPARATORS = ',;，；';

const isTokenSeparator = (code: number) => code === 0x2c || code === 0x3b || isWhitespace(code);
const isWordEnd = (code: number) => isWhitespace(code) || WORD_END.includes(String.fromCharCode(code));

/** `#幸福社区` or `@张三`: the mark, then something that is neither the mark nor a space. */
const startsWithMark = (value: string, mark: '#' | '@') =>
  value.length > 1 && value[0] === mark && value[1] !== mark && !isWhitespace(value.charCodeAt(1));

/** The tags of one `#a#b` token, without trailing punctuation, added to `tags`. */
function readTags(token: string, tags: string[]): void {
  for (let from = 0; from <= token.length;) {
    const next = token.indexOf('#', from);
    const end = next < 0 ? token.length : next;
    const name = withoutTrailing(token.slice(from, end), TRAILING_PUNCTUATION);
    if (name) tags.push(name);
    from = end + 1;
  }
}

/** Blanks the bot's @-mentions and a leading `/`, keeping every other position. */
function stripBotAndSlash(folded: string, original: string, botNames: readonly string[]): { folded: string; original: string } {
  const ranges: Array<[number, number]> = [];
  if (botNames.length > 0) {
    const pattern = new RegExp(`@(?:${botNames.map(escapeRegExp).join('|')})(?=[\\s,:;!?]|$)`, 'giu');
    for (const match of folded.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  const f = blankRanges(folded, ranges);
  const slash = /^\s*\/+/.exec(f);
  if (!slash) return { folded: f, original: blankRanges(original, ranges) };
  // The slash is at the start, before any mention that is not itself at the start.
  const withSlash: Array<[number, number]> = [[0, slash[0].length], ...ranges.filter(([start]) => start >= slash[0].length)];
  return { folded: blankRanges(f, [[0, slash[0].length]]), original: blankRanges(original, withSlash) };
}

/** The line as typed, without the bot's @-mentions, spaces collapsed (for dialogue answers). */
export function stripBotMentions(text: string, botNames: readonly string[]): string {
  const cleaned = stripBotAndSlash(foldWidth(text), text, botNames);
  // Only the mention is dropped here; a leading slash may be part of an answer.
  const slash = /^\s*\/+/.exec(foldWidth(text))?.[0].length ?? 0;
  return (text.slice(0, slash) + cleaned.original.slice(slash)).replace(/\s+/g, ' ').trim();
}

/**
 * A token of a parsed line. Its tail is cut from the line's one collapsed copy when asked for,
 * so a line of many tokens costs one copy, not one per token.
 */
class LineToken implements Token {
  line: CollapsedText | undefined;

  constructor(
    readonly value: string,
    readonly raw: string,
    readonly start: number,
    readonly quoted: boolean,
  ) {}

  get tail(): string {
    return this.line ? withoutLeading(this.line.from(this.start), LEADING_SEPARATORS) : '';
  }
}

const QUOTE = 0x22;
const CURLY_QUOTE = 0x201c;
const CORNER_BRACKET = 0x300c;

/**
 * Splits argument text into tokens at spaces, commas and semicolons (full-width ones folded),
 * keeping "…", “…” and 「…」 quoted runs whole. One pass: a quote that never closes is read as
 * the start of a plain word, without looking for its end again at every later quote. Each token's
 * tail is known once parseInput gives it the line.
 */
function readTokens(folded: string, original: string, from: number): LineToken[] {
  const tokens: LineToken[] = [];
  const lastQuote = folded.lastIndexOf('"');
  const lastCurly = folded.lastIndexOf('”');
  const lastCorner = folded.lastIndexOf('」');
  for (let at = from; at < folded.length;) {
    const code = folded.charCodeAt(at);
    if (isTokenSeparator(code)) {
      at += 1;
      continue;
    }
    const closing = code === QUOTE ? '"' : code === CURLY_QUOTE ? '”' : code === CORNER_BRACKET ? '」' : undefined;
    const lastClosing = code === QUOTE ? lastQuote : code === CURLY_QUOTE ? lastCurly : lastCorner;
    const quoted = closing !== undefined && lastClosing > at;
    let innerStart = at;
    let innerEnd: number;
    let next: number;
    if (quoted) {
      innerStart = at + 1;
      innerEnd = folded.indexOf(closing, innerStart);
      next = innerEnd + 1;
    } else {
      innerEnd = at + 1;
      while (innerEnd < folded.length && !isTokenSeparator(folded.charCodeAt(innerEnd))) innerEnd += 1;
      next = innerEnd;
    }
    const value = folded.slice(innerStart, innerEnd).trim();
    if (value && !(!quoted && consistsOf(value, EXCLAMATION)))
      tokens.push(new LineToken(value, original.slice(innerStart, innerEnd).trim(), at, quoted));
    at = next;
  }
  return tokens;
}

/** Tokens of a plain line (for tests and simple callers). */
export function tokenize(rest: string): string[] {
  return readTokens(foldWidth(rest), rest, 0).map((token) => token.value);
}

function findCommand(line: string, start: number, registry: CommandRegistry, now: Date) {
  let end = start;
  while (end < line.length && !isWordEnd(line.charCodeAt(end))) end++;
  if (end === start) end = start + 1; // a lone `?` (help) is a word too
  const first = line.slice(start, end);
  const exact = registry.find(first);
  if (exact) return { command: exact, word: first, end, first };
  const words = registry.words();
  // Only as much of the line as the longest word (and one more, for context-dependent case).
  const prefixLength = (words[0]?.length ?? 0) + 1;
  const lower = line.slice(start, start + prefixLength).toLowerCase();
  // Longest known (Chinese) word first: 反映路灯坏了 → 反映 + 路灯坏了.
  const joined = words.find((w) => /[^\p{ASCII}]/u.test(w) && lower.startsWith(w) && first.length > w.length);
  if (joined) {
    const command = registry.find(joined)!;
    const rest = line.slice(start + joined.length).trim();
    const restLower = rest.slice(0, prefixLength).toLowerCase();
    // 反映进度 is more likely a slip for 进度 than an opinion saying "进度": ambiguous, so not split.
    const restWord = words.find((w) => /[^\p{ASCII}]/u.test(w) && restLower.startsWith(w));
    if (restWord && command.args[0]?.kind === 'text')
      return { command: undefined, word: undefined, end, first, joinedWord: joined, restWord: registry.find(restWord)!.name };
    if (acceptsJoinedRest(command.args, rest, now))
      return { command, word: line.slice(start, start + joined.length), end: start + joined.length, first };
    return command.args.length > 0
      ? { command: undefined, word: undefined, end, first, joinedWord: joined }
      : { command: undefined, word: undefined, end, first };
  }
  return { command: undefined, word: undefined, end, first };
}

/**
 * Reads one line: normalises it, finds the command word (separated by a space or punctuation,
 * or run together with its text when that is unambiguous), then tags, mentions and tokens.
 * Pure: it reads only its inputs.
 *
 * @example
 * parseInput('／反映：路灯坏了 #幸福社区', registry); // command 反映, rest '路灯坏了', tags ['幸福社区']
 */
export function parseInput(text: string, registry: CommandRegistry, options: ParseOptions = {}): ParseResult {
  const now = options.now ?? new Date();
  const cleaned = stripBotAndSlash(foldWidth(text), text, options.botNames ?? []);
  const start = cleaned.folded.search(/\S/);
  if (start < 0) return { kind: 'empty' };
  const found = findCommand(cleaned.folded, start, registry, now);
  const question = found.command ? null : readQuestion(cleaned, registry, now);
  if (question) return question;
  if (!found.command) {
    const line = cleaned.original.slice(start).replace(/\s+/g, ' ').trim();
    return {
      kind: 'unknown',
      word: withoutTrailing(found.first, TRAILING_PUNCTUATION) || found.first,
      line,
      ...(found.joinedWord ? { joinedWord: found.joinedWord } : {}),
      ...(found.restWord ? { restWord: found.restWord } : {}),
    };
  }
  AFTER_WORD.lastIndex = found.end;
  const afterWord = found.end + AFTER_WORD.exec(cleaned.folded)![0].length;
  return commandLine(cleaned, found.command, found.word, afterWord);
}

/** The line read as `command` with its arguments from `afterWord` on: tags, mentions, tokens. */
function commandLine(cleaned: { folded: string; original: string }, command: CommandSpec, word: string, afterWord: number): ParseResult {
  const tags: string[] = [];
  const mentions: string[] = [];
  const spans: LineToken[] = [];
  const tagRanges: Array<[number, number]> = [];
  for (const token of readTokens(cleaned.folded, cleaned.original, afterWord)) {
    if (!token.quoted && startsWithMark(token.value, '#')) {
      readTags(token.value, tags);
      tagRanges.push([token.start, token.start + token.value.length]);
      continue;
    }
    if (!token.quoted && startsWithMark(token.value, '@')) mentions.push(withoutTrailing(token.value.slice(1), TRAILING_PUNCTUATION));
    spans.push(token);
  }
  // Free text is the line as typed from the first argument on, tags taken out, spaces collapsed.
  const line = new CollapsedText(blankRanges(cleaned.original, tagRanges), afterWord);
  for (const span of spans) span.line = line;
  const rest = withoutLeading(line.body.trimStart(), LEADING_SEPARATORS);
  return { kind: 'command', command, word, rest, tokens: spans.map((t) => t.value), spans, tags, mentions };
}

/** Ranges in order, overlapping ones joined (as blankRanges needs them). */
function sortedRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const joined: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined;
}

/** Longer than any question a person asks in one line (`请问下下周一上午是谁值班呀？`). */
const MAX_QUESTION_LENGTH = 40;
/** Said around a question and not part of it: 请问 … 吗？ */
const QUESTION_OPENING = /^\s*(?:请问一下|请问|问一下|想问一下|想问)/;
const QUESTION_CLOSING = /(?:吗|呢|呀|啊|啦|嘛)?[\s?!.~。…]*$/;

/**
 * A line that starts with no command word but asks a command's question (`下周三谁值班`,
 * `下周三值班`): the question form and the words around a question are blanked, the rest of the
 * line becomes the arguments. Null when no form fits.
 */
function readQuestion(cleaned: { folded: string; original: string }, registry: CommandRegistry, now: Date): ParseResult | null {
  const folded = cleaned.folded;
  if (folded.length > MAX_QUESTION_LENGTH) return null;
  const opening = QUESTION_OPENING.exec(folded);
  const closing = QUESTION_CLOSING.exec(folded)!;
  const around: Array<[number, number]> = [[closing.index, folded.length]];
  if (opening) around.unshift([0, opening[0].length]);
  const body = blankRanges(folded, sortedRanges(around));
  for (const form of registry.questionForms()) {
    const at = form.where === 'anywhere' ? body.indexOf(form.phrase) : body.trimEnd().lastIndexOf(form.phrase);
    if (at < 0 || (form.where === 'after' && at + form.phrase.length !== body.trimEnd().length)) continue;
    const ranges = sortedRanges([...around, [at, at + form.phrase.length]]);
    const blanked = { folded: blankRanges(folded, ranges), original: blankRanges(cleaned.original, ranges) };
    const start = blanked.folded.search(/\S/);
    const parsed = commandLine(blanked, form.command, form.phrase, start < 0 ? folded.length : start);
    if (form.where === 'anywhere') return parsed;
    if (parsed.kind === 'command' && parsed.spans.length > 0 && parsed.spans.length <= form.command.args.length) {
      const bound = bindArgs(form.command, parsed, now);
      if (!bound.invalid) return parsed;
    }
  }
  return null;
}

/** What binding found wrong. */
export interface BindProblem {
  arg: string;
  value: string;
  problem: ArgProblem;
  choices?: readonly string[];
}

/** Free text from a token on: as typed, without enclosing quotes when it is one quoted run. */
function textFrom(spans: Token[], index: number): string | undefined {
  const first = spans[index];
  if (!first) return undefined;
  if (index === spans.length - 1 && first.quoted) return first.raw || undefined;
  return first.tail || undefined;
}

/**
 * Binds tokens to a command's declared arguments, in order; `text` takes the rest of the line.
 * Reports the first missing required argument or the first value that does not fit.
 */
export function bindArgs(
  command: CommandSpec,
  parsed: { spans: Token[] },
  now: Date,
): { args: ParsedArgs; missing?: string; invalid?: BindProblem } {
  const args: ParsedArgs = {};
  const spans = [...parsed.spans];
  let index = 0;
  for (const spec of command.args) {
    if (spec.kind === 'text') {
      const value = textFrom(spans, index);
      if (value !== undefined) args[spec.name] = value;
      index = spans.length;
    } else if (spans[index]) {
      const token = spans[index]!;
      const reading = readArg(spec, token.value, now);
      if (!reading.ok)
        return {
          args,
          invalid: { arg: spec.name, value: token.raw, problem: reading.problem, ...(spec.choices ? { choices: spec.choices } : {}) },
        };
      Object.assign(args, reading.values);
      if (reading.leftover) {
        const tail = `${reading.leftover} ${spans[index + 1]?.tail ?? ''}`.trim();
        spans.splice(index + 1, 0, { value: reading.leftover, raw: reading.leftover, start: token.start, quoted: false, tail });
      }
      index += 1;
    }
    if (args[spec.name] === undefined && spec.required) return { args, missing: spec.name };
  }
  return { args };
}
