import type { CommandSpec, ParsedArgs } from './command.js';
import type { CommandRegistry } from './registry.js';

/** The result of reading one line a person typed. */
export type ParseResult =
  | { kind: 'empty' }
  | { kind: 'command'; command: CommandSpec; word: string; rest: string; tokens: string[]; tags: string[] }
  | { kind: 'unknown'; word: string };

const FULL_WIDTH: Record<string, string> = {
  '，': ',', '：': ':', '；': ';', '／': '/', '－': '-', '＃': '#', '＠': '@', '！': '!', '？': '?', '\u3000': ' ',
};

/** Full-width punctuation and spaces become their ASCII forms; runs of space collapse. */
export function normalizeInput(text: string): string {
  return text
    .replace(/[，：；／－＃＠！？\u3000]/g, (ch) => FULL_WIDTH[ch] ?? ch)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Splits the argument text into tokens, keeping "…", “…” and 「…」 quoted runs whole. */
export function tokenize(rest: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/g;
  for (const match of rest.matchAll(pattern)) tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  return tokens.filter((token) => token.length > 0);
}

/**
 * Finds the command word at the start of the line: separated by a space or punctuation, or run
 * together with its text (`反映路灯坏了`) when one known word is a prefix.
 */
export function parseInput(text: string, registry: CommandRegistry): ParseResult {
  let line = normalizeInput(text).replace(/^\/\s*/, '');
  if (!line) return { kind: 'empty' };
  const first = /^[^\s,:;!?]+/.exec(line)?.[0] ?? line;
  let command = registry.find(first);
  let word = first;
  if (!command) {
    const prefix = registry.words().find((w) => /[^\p{ASCII}]/u.test(w) && line.toLowerCase().startsWith(w));
    if (prefix) {
      command = registry.find(prefix);
      word = line.slice(0, prefix.length);
    }
  }
  if (!command) return { kind: 'unknown', word: first };
  line = line.slice(word.length).replace(/^[\s,:;]+/, '');
  const tags = [...line.matchAll(/#([^\s#,;]+)/g)].map((m) => m[1]!);
  const withoutTags = line.replace(/#[^\s#,;]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { kind: 'command', command, word, rest: withoutTags, tokens: tokenize(withoutTags), tags };
}

/** Binds tokens to a command's declared arguments; `text` takes the rest of the line. */
export function bindArgs(command: CommandSpec, tokens: string[], rest: string): { args: ParsedArgs; missing?: string; invalid?: { value: string; choices: readonly string[] } } {
  const args: ParsedArgs = {};
  let index = 0;
  for (const spec of command.args) {
    if (spec.kind === 'text') {
      const consumed = tokens.slice(0, index).join(' ');
      const remaining = index === 0 ? rest : rest.slice(rest.indexOf(consumed) + consumed.length).trim();
      args[spec.name] = remaining || undefined;
      index = tokens.length;
    } else {
      args[spec.name] = tokens[index];
      index += 1;
    }
    const value = args[spec.name];
    if (value === undefined && spec.required) return { args, missing: spec.name };
    if (value !== undefined && spec.kind === 'choice' && spec.choices && !spec.choices.includes(value)) return { args, invalid: { value, choices: spec.choices } };
  }
  return { args };
}
