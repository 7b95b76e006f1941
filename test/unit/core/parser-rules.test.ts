import { describe, expect, it } from 'vitest';
import { foldWidth, normalizeInput, stripBotMentions, tokenize } from '../../../src/core/parser.js';
import { BOT_NAMES, command, day, read } from './parser-grammar.js';

const CASES: Array<[string, string, unknown]> = [
  // A missing required argument: the command is known, binding names what is missing.
  ['a required text missing', '反映', command('file', '反映', { missing: 'content' })],
  ['a required number missing', '办结', command('resolve', '办结', { missing: 'number' })],
  ['a required word missing', '报名', command('signup', '报名', { missing: 'event' })],
  [
    'the second required argument missing',
    '换班 张三',
    command('swap', '换班', { rest: '张三', tokens: ['张三'], raws: ['张三'], args: { with: '张三' }, missing: 'when' }),
  ],
  ['the first of three missing', '提醒', command('remind', '提醒', { missing: 'when' })],
  // Quotes: a quoted phrase followed by more words keeps the whole line as typed.
  [
    'a quoted phrase, then more words',
    '反映 "路灯 坏了" 三天了',
    command('file', '反映', {
      rest: '"路灯 坏了" 三天了',
      tokens: ['路灯 坏了', '三天了'],
      raws: ['路灯 坏了', '三天了'],
      args: { content: '"路灯 坏了" 三天了' },
    }),
  ],
  [
    'a quoted word argument, then more words',
    '报名 “9·28 健康产业” 我也去',
    command('signup', '报名', {
      rest: '“9·28 健康产业” 我也去',
      tokens: ['9·28 健康产业', '我也去'],
      raws: ['9·28 健康产业', '我也去'],
      args: { event: '9·28 健康产业' },
    }),
  ],
  [
    'a quote inside free text after a number',
    '办结 123 "已修复" 谢谢',
    command('resolve', '办结', {
      rest: '123 "已修复" 谢谢',
      tokens: ['123', '已修复', '谢谢'],
      raws: ['123', '已修复', '谢谢'],
      args: { number: 'MY-2026-000123', result: '"已修复" 谢谢' },
    }),
  ],
  [
    'one quoted run is the text, without its quotes',
    '反映 「路灯」',
    command('file', '反映', { rest: '「路灯」', tokens: ['路灯'], raws: ['路灯'], args: { content: '路灯' } }),
  ],
  [
    'a quote that never closes is part of the word',
    '反映 “路灯坏了',
    command('file', '反映', { rest: '“路灯坏了', tokens: ['“路灯坏了'], raws: ['“路灯坏了'], args: { content: '“路灯坏了' } }),
  ],
  // Non-breaking spaces separate like spaces.
  [
    'a non-breaking space after the command',
    '反映\u00a0路灯坏了',
    command('file', '反映', { rest: '路灯坏了', tokens: ['路灯坏了'], raws: ['路灯坏了'], args: { content: '路灯坏了' } }),
  ],
  [
    'non-breaking spaces inside the text',
    '反映 路灯\u00a0\u00a0坏了',
    command('file', '反映', { rest: '路灯 坏了', tokens: ['路灯', '坏了'], raws: ['路灯', '坏了'], args: { content: '路灯 坏了' } }),
  ],
  [
    'a non-breaking space before a date',
    '值班\u00a0明天',
    command('duty', '值班', { rest: '明天', tokens: ['明天'], raws: ['明天'], args: day('2026-03-05') }),
  ],
  // A slash inside the text is text; only a leading one is dropped.
  [
    'a slash between words',
    '反映 楼道/电梯 都坏了',
    command('file', '反映', {
      rest: '楼道/电梯 都坏了',
      tokens: ['楼道/电梯', '都坏了'],
      raws: ['楼道/电梯', '都坏了'],
      args: { content: '楼道/电梯 都坏了' },
    }),
  ],
  [
    'a leading slash and one inside',
    '/反映 路灯/坏了',
    command('file', '反映', { rest: '路灯/坏了', tokens: ['路灯/坏了'], raws: ['路灯/坏了'], args: { content: '路灯/坏了' } }),
  ],
  [
    'a date with a slash in free text',
    '反映 3/5 的会议改期了',
    command('file', '反映', {
      rest: '3/5 的会议改期了',
      tokens: ['3/5', '的会议改期了'],
      raws: ['3/5', '的会议改期了'],
      args: { content: '3/5 的会议改期了' },
    }),
  ],
  // Full-width forms: folded for reading, kept as typed in free text.
  [
    'full-width letters',
    '反映 ＡＢＣ 坏了',
    command('file', '反映', { rest: 'ＡＢＣ 坏了', tokens: ['ABC', '坏了'], raws: ['ＡＢＣ', '坏了'], args: { content: 'ＡＢＣ 坏了' } }),
  ],
  [
    'a full-width colon and exclamation',
    '反映：路灯坏了！',
    command('file', '反映', { rest: '路灯坏了！', tokens: ['路灯坏了!'], raws: ['路灯坏了！'], args: { content: '路灯坏了！' } }),
  ],
  [
    'a full-width opinion number',
    '办结 ＭＹ－２０２６－０００１２３ 已修复',
    command('resolve', '办结', {
      rest: 'ＭＹ－２０２６－０００１２３ 已修复',
      tokens: ['MY-2026-000123', '已修复'],
      raws: ['ＭＹ－２０２６－０００１２３', '已修复'],
      args: { number: 'MY-2026-000123', result: '已修复' },
    }),
  ],
  // Command words run together with what follows.
  [
    'a text run into its command',
    '反映路灯坏了',
    command('file', '反映', { rest: '路灯坏了', tokens: ['路灯坏了'], raws: ['路灯坏了'], args: { content: '路灯坏了' } }),
  ],
  [
    'a date run into its command',
    '值班明天',
    command('duty', '值班', { rest: '明天', tokens: ['明天'], raws: ['明天'], args: day('2026-03-05') }),
  ],
  [
    'the longer word wins',
    '反映进度123',
    command('progress', '反映进度', { rest: '123', tokens: ['123'], raws: ['123'], args: { number: 'MY-2026-000123' } }),
  ],
  ['a word that is no date is not split off', '值班表', { kind: 'unknown', word: '值班表', line: '值班表', joinedWord: '值班' }],
  [
    'another command word after a text command',
    '反映值班的人不在',
    { kind: 'unknown', word: '反映值班的人不在', line: '反映值班的人不在', joinedWord: '反映', restWord: '值班' },
  ],
  ['a word argument is never split off', '帮助反映', { kind: 'unknown', word: '帮助反映', line: '帮助反映', joinedWord: '帮助' }],
  ['a command without arguments joins nothing', '我的反映', { kind: 'unknown', word: '我的反映', line: '我的反映' }],
  // Tags.
  [
    'two tags in one token',
    '反映 #a#b 路灯',
    command('file', '反映', { rest: '路灯', tokens: ['路灯'], raws: ['路灯'], tags: ['a', 'b'], args: { content: '路灯' } }),
  ],
  [
    'a tag ending in punctuation',
    '反映 #幸福社区。 路灯',
    command('file', '反映', { rest: '路灯', tokens: ['路灯'], raws: ['路灯'], tags: ['幸福社区'], args: { content: '路灯' } }),
  ],
  [
    'a full-width tag before a comma',
    '反映 ＃幸福社区，路灯坏了',
    command('file', '反映', {
      rest: '路灯坏了',
      tokens: ['路灯坏了'],
      raws: ['路灯坏了'],
      tags: ['幸福社区'],
      args: { content: '路灯坏了' },
    }),
  ],
  [
    'a quoted # is no tag',
    '反映 "#不是标签" 路灯',
    command('file', '反映', {
      rest: '"#不是标签" 路灯',
      tokens: ['#不是标签', '路灯'],
      raws: ['#不是标签', '路灯'],
      args: { content: '"#不是标签" 路灯' },
    }),
  ],
  [
    '## is no tag',
    '反映 ## 路灯',
    command('file', '反映', { rest: '## 路灯', tokens: ['##', '路灯'], raws: ['##', '路灯'], args: { content: '## 路灯' } }),
  ],
  // Mentions.
  [
    'two mentions with punctuation',
    '反映 @张三，@李四。 路灯',
    command('file', '反映', {
      rest: '@张三，@李四。 路灯',
      tokens: ['@张三', '@李四。', '路灯'],
      raws: ['@张三', '@李四。', '路灯'],
      mentions: ['张三', '李四'],
      args: { content: '@张三，@李四。 路灯' },
    }),
  ],
  [
    'an e-mail address is no mention',
    '反映 a@b.com 坏了',
    command('file', '反映', {
      rest: 'a@b.com 坏了',
      tokens: ['a@b.com', '坏了'],
      raws: ['a@b.com', '坏了'],
      args: { content: 'a@b.com 坏了' },
    }),
  ],
  [
    'a quoted @ is no mention',
    '反映 "@张三" 说的',
    command('file', '反映', {
      rest: '"@张三" 说的',
      tokens: ['@张三', '说的'],
      raws: ['@张三', '说的'],
      args: { content: '"@张三" 说的' },
    }),
  ],
  [
    'a member mention, then a date and more',
    '换班 @张三 明天 多谢',
    command('swap', '换班', {
      rest: '@张三 明天 多谢',
      tokens: ['@张三', '明天', '多谢'],
      raws: ['@张三', '明天', '多谢'],
      mentions: ['张三'],
      args: { with: '张三', ...day('2026-03-05') },
    }),
  ],
  // Other arguments.
  [
    'a date and time run together',
    '提醒 明天下午3点',
    command('remind', '提醒', {
      rest: '明天下午3点',
      tokens: ['明天下午3点'],
      raws: ['明天下午3点'],
      args: { ...day('2026-03-05'), at: '15:00' },
    }),
  ],
  [
    'a word argument takes one token',
    '报名 健康 产业',
    command('signup', '报名', { rest: '健康 产业', tokens: ['健康', '产业'], raws: ['健康', '产业'], args: { event: '健康' } }),
  ],
  ['exclamations are no argument', '帮助 ! ?', command('help', '帮助', { rest: '! ?' })],
  // Unknown words and empty lines.
  [
    'a bot name run into a word is no mention of the bot',
    '@议事助手路灯',
    { kind: 'unknown', word: '@议事助手路灯', line: '@议事助手路灯' },
  ],
  ['a sentence: its word without the full stop', '路灯坏了。', { kind: 'unknown', word: '路灯坏了', line: '路灯坏了。' }],
  ['a Latin word ends at punctuation', 'hello!!', { kind: 'unknown', word: 'hello', line: 'hello!!' }],
  ['only dots stay as typed', '...', { kind: 'unknown', word: '...', line: '...' }],
  ['nothing', '', { kind: 'empty' }],
  ['spaces', '   ', { kind: 'empty' }],
  ['only the bot', '@议事助手 ', { kind: 'empty' }],
  ['only a slash', '/', { kind: 'empty' }],
  ['only a full-width slash', '／', { kind: 'empty' }],
];

describe('the parser reads each rule exactly', () => {
  it.each(CASES)('%s: %j', (_rule, input, expected) => {
    // Strict: an argument that was not given has no key at all, not one holding undefined.
    expect(read(input)).toStrictEqual(expected);
  });
});

describe('the line helpers', () => {
  it.each([
    ['ＭＹ－２０２６\u3000', 'MY-2026 '],
    ['a\u00a0b', 'a b'],
    ['，：；／＃＠！？', ',:;/#@!?'],
    ['～｛｝', '~{}'],
    ['路灯', '路灯'],
  ])('foldWidth(%j) is %j, one character for one', (text, expected) => {
    expect(foldWidth(text)).toBe(expected);
    expect(foldWidth(text)).toHaveLength(text.length);
  });

  it.each([
    ['\u3000反映，路灯  坏了 ', '反映,路灯 坏了'],
    ['', ''],
  ])('normalizeInput(%j) is %j', (text, expected) => {
    expect(normalizeInput(text)).toBe(expected);
  });

  it.each([
    ['a，b；c d', ['a', 'b', 'c', 'd']],
    ['"a b" c', ['a b', 'c']],
    ['“a b', ['“a', 'b']],
    ['「a」「b」', ['a', 'b']],
    ['"" x', ['x']],
    ['! x ?', ['x']],
  ])('tokenize(%j) is %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([
    ['@议事助手 确认', '确认'],
    ['＠议事助手\u3000好的', '好的'],
    ['@议事助手 /确认', '确认'], // a slash after the mention is the command slash
    ['/确认', '/确认'],
    ['确认 @Yishi', '确认'],
    ['@议事助手们 好', '@议事助手们 好'],
  ])('stripBotMentions(%j) is %j', (text, expected) => {
    expect(stripBotMentions(text, BOT_NAMES)).toBe(expected);
  });
});
