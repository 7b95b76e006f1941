import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { bindArgs, parseInput } from '../../../src/core/parser.js';
import { CommandRegistry } from '../../../src/core/registry.js';
import { suggestWord } from '../../../src/core/suggest.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { fixture, NOW } from './parser-grammar.js';

const BOT_NAMES = zhCN.core.botNames;

const grammar = new CommandRegistry([
  ...buildRegistry().commands.filter((command) => command.id === 'help'),
  fixture('file', '反映', ['file'], [{ name: 'content', kind: 'text', required: true }]),
  fixture('progress', '反映进度', ['progress'], [{ name: 'number', kind: 'opinion-number', required: false }]),
  fixture('duty', '值班', ['duty'], [{ name: 'when', kind: 'date', required: false }]),
  fixture(
    'resolve',
    '办结',
    ['close'],
    [
      { name: 'number', kind: 'opinion-number', required: true },
      { name: 'result', kind: 'text', required: false },
    ],
  ),
  fixture(
    'swap',
    '换班',
    ['swap'],
    [
      { name: 'with', kind: 'member', required: true },
      { name: 'when', kind: 'date', required: true },
    ],
  ),
  fixture('signup', '报名', ['signup'], [{ name: 'event', kind: 'word', required: true }]),
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
  fixture('mine', '我的', [], []),
]);

type Expected =
  | { command: string; args?: Record<string, string>; tags?: string[]; mentions?: string[]; invalid?: string }
  | { unknown: string; suggestion?: string }
  | { empty: true };

const D = (when: string) => ({ when, whenTo: when, whenKind: 'day' });
/** A day typed without a year: the reader says which year it took. */
const DY = (when: string) => ({ ...D(when), whenYear: when.slice(0, 4) });

// [what a person types, what Yishi should read]
const CASES: Array<[string, Expected]> = [
  // 反映: separators, full-width forms, slash, bot mention, missing space
  ['反映 路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映，路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映：路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映:路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映；楼道灯不亮', { command: 'file', args: { content: '楼道灯不亮' } }],
  ['／反映 路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['/反映 路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映\u3000路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['@议事助手 反映 路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['＠议事助手\u3000反映，楼道灯不亮', { command: 'file', args: { content: '楼道灯不亮' } }],
  ['反映 路灯坏了 @议事助手', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映 "3号楼电梯坏了"', { command: 'file', args: { content: '3号楼电梯坏了' } }],
  ['反映 “小区门口积水”', { command: 'file', args: { content: '小区门口积水' } }],
  ['反映 「垃圾没人清」', { command: 'file', args: { content: '垃圾没人清' } }],
  ['反映 路灯坏了 #幸福社区', { command: 'file', args: { content: '路灯坏了' }, tags: ['幸福社区'] }],
  ['反映 #幸福社区 #市政 路灯坏了', { command: 'file', args: { content: '路灯坏了' }, tags: ['幸福社区', '市政'] }],
  ['反映 ＃幸福社区，路灯坏了', { command: 'file', args: { content: '路灯坏了' }, tags: ['幸福社区'] }],
  ['反映 3#楼电梯坏了', { command: 'file', args: { content: '3#楼电梯坏了' }, tags: [] }],
  ['反映 路灯坏了，很危险！', { command: 'file', args: { content: '路灯坏了，很危险！' } }],
  ['反映 Wi-Fi 信号差，APP 打不开', { command: 'file', args: { content: 'Wi-Fi 信号差，APP 打不开' } }],
  ['FILE 路灯坏了', { command: 'file', args: { content: '路灯坏了' } }],
  ['反映 @张三 家门口路灯坏了', { command: 'file', args: { content: '@张三 家门口路灯坏了' }, mentions: ['张三'] }],
  ['反映 a@b.com 的邮件没人回', { command: 'file', args: { content: 'a@b.com 的邮件没人回' }, mentions: [] }],
  ['反映', { command: 'file', args: {} }],
  ['反映。', { command: 'file', args: {} }],
  ['反映反映', { unknown: '反映反映', suggestion: '反映' }],
  ['反映值班的人不在', { unknown: '反映值班的人不在', suggestion: '值班' }],
  ['反映进度 123', { command: 'progress', args: { number: 'MY-2026-000123' } }],
  ['反映进度123', { command: 'progress', args: { number: 'MY-2026-000123' } }],
  ['反映进度', { command: 'progress', args: {} }],
  // 值班: dates
  ['值班', { command: 'duty', args: {} }],
  ['值班 今天', { command: 'duty', args: D('2026-03-04') }],
  ['值班明天', { command: 'duty', args: D('2026-03-05') }],
  ['值班，明天', { command: 'duty', args: D('2026-03-05') }],
  ['值班 下周三', { command: 'duty', args: D('2026-03-11') }],
  ['值班 3月5日', { command: 'duty', args: DY('2026-03-05') }],
  ['值班 ３月５日', { command: 'duty', args: DY('2026-03-05') }],
  ['值班 2026-03-05', { command: 'duty', args: D('2026-03-05') }],
  ['值班 2026－03－05', { command: 'duty', args: D('2026-03-05') }],
  ['值班 本周', { command: 'duty', args: { when: '2026-03-02', whenTo: '2026-03-08', whenKind: 'week' } }],
  ['值班 下周', { command: 'duty', args: { when: '2026-03-09', whenTo: '2026-03-15', whenKind: 'week' } }],
  ['DUTY 明天', { command: 'duty', args: D('2026-03-05') }],
  ['值班 后年', { command: 'duty', invalid: 'date' }],
  ['值班表', { unknown: '值班表', suggestion: '值班 表' }],
  ['值斑 明天', { unknown: '值斑', suggestion: '值班' }],
  // 办结: opinion numbers and free text
  ['办结 MY-2026-000123 路灯已修复', { command: 'resolve', args: { number: 'MY-2026-000123', result: '路灯已修复' } }],
  ['办结 my-2026-123 已修好', { command: 'resolve', args: { number: 'MY-2026-000123', result: '已修好' } }],
  ['办结 2026-123 已修好', { command: 'resolve', args: { number: 'MY-2026-000123', result: '已修好' } }],
  ['办结 123 已经修好了，居民满意', { command: 'resolve', args: { number: 'MY-2026-000123', result: '已经修好了，居民满意' } }],
  ['办结 ＭＹ－２０２６－０００１２３ 已修复', { command: 'resolve', args: { number: 'MY-2026-000123', result: '已修复' } }],
  ['办结：MY-2026-000123，路灯已修复', { command: 'resolve', args: { number: 'MY-2026-000123', result: '路灯已修复' } }],
  ['办结123', { command: 'resolve', args: { number: 'MY-2026-000123' } }],
  ['办结 MY2026000123', { command: 'resolve', args: { number: 'MY-2026-000123' } }],
  ['close 第45号 已处理', { command: 'resolve', args: { number: 'MY-2026-000045', result: '已处理' } }],
  ['办结 路灯修好了', { command: 'resolve', invalid: 'opinion-number' }],
  ['办洁 123', { unknown: '办洁', suggestion: '办结' }],
  // 换班, 报名, 提醒, 定级: members, words, times, choices
  ['换班 @张三 明天', { command: 'swap', args: { with: '张三', ...D('2026-03-05') }, mentions: ['张三'] }],
  ['换班 张三 下周三', { command: 'swap', args: { with: '张三', ...D('2026-03-11') } }],
  ['换班，@李四，3月5日', { command: 'swap', args: { with: '李四', ...DY('2026-03-05') }, mentions: ['李四'] }],
  ['换班张三 明天', { unknown: '换班张三', suggestion: '换班 张三 明天' }],
  ['报名 健康产业协商会', { command: 'signup', args: { event: '健康产业协商会' } }],
  ['报名，健康产业协商会', { command: 'signup', args: { event: '健康产业协商会' } }],
  ['报名 “9·28 健康产业”', { command: 'signup', args: { event: '9·28 健康产业' } }],
  ['提醒 明天下午3点 交材料', { command: 'remind', args: { ...D('2026-03-05'), at: '15:00', note: '交材料' } }],
  ['提醒 明天 15:30 开会', { command: 'remind', args: { ...D('2026-03-05'), at: '15:30', note: '开会' } }],
  ['提醒 3月5日 上午9点半 去社区', { command: 'remind', args: { ...DY('2026-03-05'), at: '09:30', note: '去社区' } }],
  ['提醒 明天 下午三点', { command: 'remind', args: { ...D('2026-03-05'), at: '15:00' } }],
  ['提醒 明天 25:00', { command: 'remind', invalid: 'time' }],
  ['定级 123 复杂', { command: 'grade', args: { number: 'MY-2026-000123', grade: '复杂' } }],
  ['定级 123 很难', { command: 'grade', invalid: 'choice' }],
  ['我的', { command: 'mine', args: {} }],
  ['我的反映', { unknown: '我的反映' }],
  // 帮助 (the real command)
  ['帮助', { command: 'help', args: {} }],
  ['帮助 反映', { command: 'help', args: { topic: '反映' } }],
  ['帮助，值班', { command: 'help', args: { topic: '值班' } }],
  ['帮助！', { command: 'help', args: {} }],
  ['?', { command: 'help', args: {} }],
  ['？', { command: 'help', args: {} }],
  ['Help', { command: 'help', args: {} }],
  ['菜单', { command: 'help', args: {} }],
  ['/ 帮助', { command: 'help', args: {} }],
  ['／／帮助', { command: 'help', args: {} }],
  ['帮助反映', { unknown: '帮助反映', suggestion: '帮助 反映' }],
  ['帮主', { unknown: '帮主', suggestion: '帮助' }],
  ['帮', { unknown: '帮', suggestion: '帮助' }],
  ['hepl', { unknown: 'hepl', suggestion: 'help' }],
  ['反应 路灯坏了', { unknown: '反应', suggestion: '反映' }],
  ['路灯坏了', { unknown: '路灯坏了' }],
  ['hello', { unknown: 'hello' }],
  ['', { empty: true }],
  ['\u3000 ', { empty: true }],
  ['@议事助手', { empty: true }],
];

/** What the bot would suggest for an unknown word: the joined split, else the nearest word. */
function suggestionFor(result: Extract<ReturnType<typeof parseInput>, { kind: 'unknown' }>): string | undefined {
  if (result.restWord) return result.restWord;
  if (result.joinedWord) return `${result.joinedWord} ${result.line.slice(result.joinedWord.length).trim()}`;
  return suggestWord(result.word, grammar.wordsFor('admin'));
}

describe('the parser reads lines as people really type them', () => {
  it('has a table of at least 60 real-world inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('%j', (input, expected) => {
    const result = parseInput(input, grammar, { botNames: BOT_NAMES, now: NOW });
    if ('empty' in expected) {
      expect(result.kind).toBe('empty');
      return;
    }
    if ('unknown' in expected) {
      expect(result.kind).toBe('unknown');
      if (result.kind !== 'unknown') return;
      expect(result.word).toBe(expected.unknown);
      expect(suggestionFor(result)).toBe(expected.suggestion);
      return;
    }
    expect(result.kind).toBe('command');
    if (result.kind !== 'command') return;
    expect(result.command.id).toBe(expected.command);
    const bound = bindArgs(result.command, result, NOW);
    if (expected.invalid) {
      expect(bound.invalid?.problem).toBe(expected.invalid);
      return;
    }
    expect(bound.invalid).toBeUndefined();
    expect(bound.args).toEqual(expected.args ?? {});
    if (expected.tags) expect(result.tags).toEqual(expected.tags);
    if (expected.mentions) expect(result.mentions).toEqual(expected.mentions);
  });
});
