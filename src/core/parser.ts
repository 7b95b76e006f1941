import { acceptsJoinedRest, readArg, type ArgProblem } from './arg-kinds.js';
import type { CommandSpec, ParsedArgs } from './command.js';
import type { CommandRegistry } from './registry.js';

/** One argument token: `value` has full-width forms folded; `raw` is what the person typed. */
export interface Token {
  value: string;
  raw: string;
  /** Position of the token in the original line (for slicing free text). */
  start: number;
  quoted: boolean;
  /** The line from this token to its end, as typed (tags removed, spaces collapsed). */
  tail: string;
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
const blank = (text: string, start: number, end: number) => text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
const TRAILING_PUNCTUATION = /[,.;:!?。、]+$/;
const WORD_END = /[\s,:;!?。、~]/;

/** Blanks the bot's @-mentions and a leading `/`, keeping every other position. */
function stripBotAndSlash(folded: string, original: string, botNames: readonly string[]): { folded: string; original: string } {
  let f = folded;
  let o = original;
  if (botNames.length > 0) {
    const pattern = new RegExp(`@(?:${botNames.map(escapeRegExp).join('|')})(?=[\\s,:;!?]|$)`, 'giu');
    for (const match of folded.matchAll(pattern)) {
      f = blank(f, match.index, match.index + match[0].length);
      o = blank(o, match.index, match.index + match[0].length);
    }
  }
  const slash = /^\s*\/+/.exec(f);
  if (slash) {
    f = blank(f, 0, slash[0].length);
    o = blank(o, 0, slash[0].length);
  }
  return { folded: f, original: o };
}

/** The line as typed, without the bot's @-mentions, spaces collapsed (for dialogue answers). */
export function stripBotMentions(text: string, botNames: readonly string[]): string {
  const cleaned = stripBotAndSlash(foldWidth(text), text, botNames);
  // Only the mention is dropped here; a leading slash may be part of an answer.
  const slash = /^\s*\/+/.exec(foldWidth(text))?.[0].length ?? 0;
  return (text.slice(0, slash) + cleaned.original.slice(slash)).replace(/\s+/g, ' ').trim();
}

/**
 * Splits argument text into tokens at spaces, commas and semicolons (full-width ones folded),
 * keeping "…", “…” and 「…」 quoted runs whole.
 */
export function tokenizeSpans(folded: string, original: string, from = 0): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|「([^」]*)」|([^\s,;]+)/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const quoted = match[4] === undefined;
    const innerStart = quoted ? match.index + 1 : match.index;
    const innerEnd = quoted ? match.index + match[0].length - 1 : match.index + match[0].length;
    const value = folded.slice(innerStart, innerEnd);
    if (!quoted && /^[!?.。…~]+$/.test(value.trim())) continue;
    if (value.trim())
      tokens.push({ value: value.trim(), raw: original.slice(innerStart, innerEnd).trim(), start: match.index, quoted, tail: '' });
  }
  return tokens;
}

/** Tokens of a plain line (for tests and simple callers). */
export function tokenize(rest: string): string[] {
  return tokenizeSpans(foldWidth(rest), rest).map((token) => token.value);
}

function findCommand(line: string, start: number, registry: CommandRegistry, now: Date) {
  let end = start;
  while (end < line.length && !WORD_END.test(line[end]!)) end++;
  if (end === start) end = start + 1; // a lone `?` (help) is a word too
  const first = line.slice(start, end);
  const exact = registry.find(first);
  if (exact) return { command: exact, word: first, end, first };
  const lower = line.slice(start).toLowerCase();
  // Longest known (Chinese) word first: 反映路灯坏了 → 反映 + 路灯坏了.
  const joined = registry.words().find((w) => /[^\p{ASCII}]/u.test(w) && lower.startsWith(w) && first.length > w.length);
  if (joined) {
    const command = registry.find(joined)!;
    const rest = line.slice(start + joined.length).trim();
    // 反映进度 is more likely a slip for 进度 than an opinion saying "进度": ambiguous, so not split.
    const restWord = registry.words().find((w) => /[^\p{ASCII}]/u.test(w) && rest.toLowerCase().startsWith(w));
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
  if (!found.command) {
    const line = cleaned.original.slice(start).replace(/\s+/g, ' ').trim();
    return {
      kind: 'unknown',
      word: found.first.replace(TRAILING_PUNCTUATION, '') || found.first,
      line,
      ...(found.joinedWord ? { joinedWord: found.joinedWord } : {}),
      ...(found.restWord ? { restWord: found.restWord } : {}),
    };
  }
  let folded = cleaned.folded;
  let original = cleaned.original;
  const afterWord = /^[\s,:;。、~-]*/.exec(folded.slice(found.end))![0].length + found.end;

  const tags: string[] = [];
  const mentions: string[] = [];
  const spans: Token[] = [];
  for (const token of tokenizeSpans(folded, original, afterWord)) {
    if (!token.quoted && /^#[^#\s]/.test(token.value)) {
      for (const tag of token.value.split('#')) if (tag.replace(TRAILING_PUNCTUATION, '')) tags.push(tag.replace(TRAILING_PUNCTUATION, ''));
      folded = blank(folded, token.start, token.start + token.value.length);
      original = blank(original, token.start, token.start + token.value.length);
      continue;
    }
    if (!token.quoted && /^@[^@\s]/.test(token.value)) mentions.push(token.value.slice(1).replace(TRAILING_PUNCTUATION, ''));
    spans.push(token);
  }
  const collapse = (from: number) =>
    original
      .slice(from)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[,;，；]+\s*/, '');
  for (const span of spans) span.tail = collapse(span.start);
  const rest = collapse(afterWord);
  return { kind: 'command', command: found.command, word: found.word, rest, tokens: spans.map((t) => t.value), spans, tags, mentions };
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
