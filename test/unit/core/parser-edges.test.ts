import { describe, expect, it } from 'vitest';
import { parseInput, stripBotMentions, tokenize } from '../../../src/core/parser.js';
import { CommandRegistry } from '../../../src/core/registry.js';
import { command, day, grammar, read } from './parser-grammar.js';

/** Edges of the parser's rules that the main table does not reach, each pinning the whole outcome. */
const CASES: Array<[string, string, unknown]> = [
  [
    'spaces inside quotes are not part of the argument',
    '反映 “ 路灯坏了 ”',
    command('file', '反映', { rest: '“ 路灯坏了 ”', tokens: ['路灯坏了'], raws: ['路灯坏了'], args: { content: '路灯坏了' } }),
  ],
  [
    'a lone # or @ is a word, no tag or mention',
    '反映 路灯 # @ 坏了',
    command('file', '反映', {
      rest: '路灯 # @ 坏了',
      tokens: ['路灯', '#', '@', '坏了'],
      raws: ['路灯', '#', '@', '坏了'],
      args: { content: '路灯 # @ 坏了' },
    }),
  ],
  [
    'a leading slash, then a text run into its command',
    '/反映路灯坏了',
    command('file', '反映', { rest: '路灯坏了', tokens: ['路灯坏了'], raws: ['路灯坏了'], args: { content: '路灯坏了' } }),
  ],
  [
    'a leading slash, and the bot named at the end',
    '/反映 路灯坏了 @议事助手',
    command('file', '反映', { rest: '路灯坏了', tokens: ['路灯坏了'], raws: ['路灯坏了'], args: { content: '路灯坏了' } }),
  ],
  ['an unknown line, spaces collapsed and trimmed', '路灯  坏了 ', { kind: 'unknown', word: '路灯', line: '路灯 坏了' }],
  [
    'a word of Latin letters and Chinese, typed in other case and run into its text',
    'WIFI报修路由器坏了',
    command('wifi', 'WIFI报修', { rest: '路由器坏了', tokens: ['路由器坏了'], raws: ['路由器坏了'], args: { content: '路由器坏了' } }),
  ],
  [
    'such a word after a text command, in other case',
    '反映WiFi报修',
    { kind: 'unknown', word: '反映WiFi报修', line: '反映WiFi报修', joinedWord: '反映', restWord: 'WiFi报修' },
  ],
  // A date with a time run together: the time is read by the next argument, here the text.
  [
    'a date and time, then text',
    '活动 明天下午3点 在社区开会',
    command('event', '活动', {
      rest: '明天下午3点 在社区开会',
      tokens: ['明天下午3点', '在社区开会'],
      raws: ['明天下午3点', '在社区开会'],
      args: { ...day('2026-03-05'), what: '下午3点 在社区开会' },
    }),
  ],
  [
    'a date and time, nothing after',
    '活动 明天下午3点',
    command('event', '活动', {
      rest: '明天下午3点',
      tokens: ['明天下午3点'],
      raws: ['明天下午3点'],
      args: { ...day('2026-03-05'), what: '下午3点' },
    }),
  ],
  [
    'a choice that is none of the choices names them',
    '定级 123 很难',
    command('grade', '定级', {
      rest: '123 很难',
      tokens: ['123', '很难'],
      raws: ['123', '很难'],
      args: { number: 'MY-2026-000123' },
      invalid: { arg: 'grade', value: '很难', problem: 'choice', choices: ['简易', '一般', '复杂'] },
    }),
  ],
  [
    'a value that does not fit, with no choices to name',
    '活动 后年',
    command('event', '活动', { rest: '后年', tokens: ['后年'], raws: ['后年'], invalid: { arg: 'when', value: '后年', problem: 'date' } }),
  ],
];

describe('the parser at the edges of its rules', () => {
  it.each(CASES)('%s: %j', (_rule, input, expected) => {
    expect(read(input)).toStrictEqual(expected);
  });

  it('drops no @ when it is given no bot names', () => {
    const parsed = parseInput('反映 路灯 @ 坏了', grammar, { now: new Date('2026-03-04T02:00:00Z') });
    expect(parsed).toMatchObject({ kind: 'command', rest: '路灯 @ 坏了', tokens: ['路灯', '@', '坏了'] });
  });

  it('reads 2月29日 run into its command in any year: a month-day without a year is its next occurrence (issue 21)', () => {
    const leap = parseInput('值班2月29日', grammar, { now: new Date('2024-02-10T02:00:00Z') });
    expect(leap).toMatchObject({ kind: 'command', word: '值班', rest: '2月29日' });
    const common = parseInput('值班2月29日', grammar, { now: new Date('2025-02-10T02:00:00Z') });
    expect(common).toMatchObject({ kind: 'command', word: '值班', rest: '2月29日' });
    const never = parseInput('值班2月30日', grammar, { now: new Date('2024-02-10T02:00:00Z') });
    expect(never).toMatchObject({ kind: 'unknown', word: '值班2月30日', joinedWord: '值班' });
  });

  it('reads every line as unknown with no commands at all', () => {
    expect(parseInput('帮助', new CommandRegistry([]))).toStrictEqual({ kind: 'unknown', word: '帮助', line: '帮助' });
  });

  it.each([
    ['"a b', ['"a', 'b']], // a straight quote that never closes
    ['a "', ['a', '"']], // a straight quote at the very end
    ['x 「a b', ['x', '「a', 'b']], // a corner bracket that never closes
    ['路灯 「坏了」', ['路灯', '坏了']], // a quoted run after a plain word
    ['" a b "', ['a b']], // spaces inside the quotes
  ])('tokenize(%j) is %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([
    ['//确认', '//确认'], // every leading slash of an answer is kept
    ['/确认 @议事助手', '/确认'],
    ['/@议事助手 确认', '/ 确认'],
    ['@议事助手，同意/确认', '，同意/确认'], // a slash later in the answer is no leading slash
    ['@议事助手 好的  谢谢', '好的 谢谢'],
  ])('stripBotMentions(%j) is %j', (text, expected) => {
    expect(stripBotMentions(text, ['议事助手', '议事', 'Yishi'])).toBe(expected);
  });

  it('matches a bot name with brackets in it as typed', () => {
    expect(stripBotMentions('@议事助手(测试) 确认', ['议事助手(测试)'])).toBe('确认');
    expect(stripBotMentions('@议事助手测 确认', ['议事助手(测试)'])).toBe('@议事助手测 确认');
  });
});
