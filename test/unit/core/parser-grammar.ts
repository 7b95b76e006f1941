/** The grammar and reader the parser's rule tables share: data only, shaped like the commands other areas declare. */
import type { CommandSpec } from '../../../src/core/command.js';
import { bindArgs, parseInput } from '../../../src/core/parser.js';
import { CommandRegistry } from '../../../src/core/registry.js';

// Wednesday 2026-03-04, 10:00 in Beijing.
export const NOW = new Date('2026-03-04T02:00:00Z');
export const BOT_NAMES = ['议事助手', '议事', 'Yishi'];

/** A command spec of data only (no texts, no handler), for grammar tables. */
export function fixture(id: string, name: string, aliases: string[], args: CommandSpec['args']): CommandSpec {
  return {
    id,
    name,
    aliases,
    minRole: 'resident',
    args,
    texts: () => ({ usage: name, description: name, examples: [] }),
    handler: async () => '',
  };
}

/** A grammar of data only, shaped like the commands other areas declare. */
export const grammar = new CommandRegistry([
  fixture('help', '帮助', ['help', '?'], [{ name: 'topic', kind: 'word', required: false }]),
  fixture('file', '反映', ['file'], [{ name: 'content', kind: 'text', required: true }]),
  fixture('progress', '反映进度', [], [{ name: 'number', kind: 'opinion-number', required: false }]),
  fixture('duty', '值班', ['duty'], [{ name: 'when', kind: 'date', required: false }]),
  fixture(
    'resolve',
    '办结',
    [],
    [
      { name: 'number', kind: 'opinion-number', required: true },
      { name: 'result', kind: 'text', required: false },
    ],
  ),
  fixture(
    'swap',
    '换班',
    [],
    [
      { name: 'with', kind: 'member', required: true },
      { name: 'when', kind: 'date', required: true },
    ],
  ),
  fixture('signup', '报名', [], [{ name: 'event', kind: 'word', required: true }]),
  fixture(
    'remind',
    '提醒',
    [],
    [
      { name: 'when', kind: 'date', required: true },
      { name: 'at', kind: 'time', required: false },
      { name: 'note', kind: 'text', required: false },
    ],
  ),
  fixture(
    'grade',
    '定级',
    [],
    [
      { name: 'number', kind: 'opinion-number', required: true },
      { name: 'grade', kind: 'choice', required: true, choices: ['简易', '一般', '复杂'] },
    ],
  ),
  fixture(
    'event',
    '活动',
    [],
    [
      { name: 'when', kind: 'date', required: true },
      { name: 'what', kind: 'text', required: false },
    ],
  ),
  // A word that mixes Latin letters and Chinese: joined to its text, compared without case.
  fixture('wifi', 'WiFi报修', [], [{ name: 'content', kind: 'text', required: true }]),
  fixture('mine', '我的', [], []),
]);

/** Everything a line reads as, in one value, so each case pins the whole outcome. */
export function read(input: string): unknown {
  const parsed = parseInput(input, grammar, { botNames: BOT_NAMES, now: NOW });
  if (parsed.kind !== 'command') return parsed;
  const bound = bindArgs(parsed.command, parsed, NOW);
  return {
    command: parsed.command.id,
    word: parsed.word,
    rest: parsed.rest,
    tokens: parsed.tokens,
    raws: parsed.spans.map((span) => span.raw),
    tags: parsed.tags,
    mentions: parsed.mentions,
    args: bound.args,
    ...(bound.missing ? { missing: bound.missing } : {}),
    ...(bound.invalid ? { invalid: bound.invalid } : {}),
  };
}

/** A command's reading with nothing unusual: the given fields over empty defaults. */
export const command = (id: string, word: string, fields: Record<string, unknown>) => ({
  command: id,
  word,
  rest: '',
  tokens: [],
  raws: [],
  tags: [],
  mentions: [],
  args: {},
  ...fields,
});
export const day = (date: string) => ({ when: date, whenTo: date, whenKind: 'day' });
