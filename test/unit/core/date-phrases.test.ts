import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { bindArgs, parseInput } from '../../../src/core/parser.js';
import { readDatePhrase, type DatePhrase } from '../../../src/core/date-phrases.js';

// A fixed "today" for every row: Wednesday 2 December 2026, 10:00 in Beijing.
const TODAY = new Date('2026-12-02T02:00:00Z');

type Expected = Partial<DatePhrase> | null;
const on = (date: string, extra: Partial<DatePhrase> = {}): Expected => ({ from: date, to: date, kind: 'day', ...extra });
const weekOf = (from: string, to: string): Expected => ({ from, to, kind: 'week' });
const monthOf = (from: string, to: string): Expected => ({ from, to, kind: 'month' });
const am = { part: 'morning' } as const;
const pm = { part: 'afternoon' } as const;
const eve = { part: 'evening' } as const;

/** What people actually type after 值班 (or before 谁值班), read on Wednesday 2026-12-02. */
const PHRASES: Array<[string, Expected]> = [
  ['今天', on('2026-12-02')],
  ['今日', on('2026-12-02')],
  ['明天', on('2026-12-03')],
  ['明日', on('2026-12-03')],
  ['明儿', on('2026-12-03')],
  ['后天', on('2026-12-04')],
  ['大后天', on('2026-12-05')],
  ['昨天', on('2026-12-01')],
  ['前天', on('2026-11-30')],
  ['今天上午', on('2026-12-02', am)],
  ['今天下午', on('2026-12-02', pm)],
  ['今天晚上', on('2026-12-02', eve)],
  ['今晚', on('2026-12-02', eve)],
  ['今早', on('2026-12-02', am)],
  ['明天上午', on('2026-12-03', am)],
  ['明天下午', on('2026-12-03', pm)],
  ['明天晚上', on('2026-12-03', eve)],
  ['明早', on('2026-12-03', am)],
  ['明晚', on('2026-12-03', eve)],
  ['明天早上', on('2026-12-03', am)],
  ['后天下午', on('2026-12-04', pm)],
  ['上午', on('2026-12-02', am)],
  ['下午', on('2026-12-02', pm)],
  ['晚上', on('2026-12-02', eve)],
  ['周一', on('2026-11-30')],
  ['周三', on('2026-12-02')],
  ['周四', on('2026-12-03')],
  ['周五', on('2026-12-04')],
  ['周六', on('2026-12-05')],
  ['周日', on('2026-12-06')],
  ['周天', on('2026-12-06')],
  ['星期六', on('2026-12-05')],
  ['星期日', on('2026-12-06')],
  ['星期天', on('2026-12-06')],
  ['礼拜六', on('2026-12-05')],
  ['礼拜天', on('2026-12-06')],
  ['礼拜日', on('2026-12-06')],
  ['周6', on('2026-12-05')],
  ['这周六', on('2026-12-05')],
  ['本周六', on('2026-12-05')],
  ['这个周六', on('2026-12-05')],
  ['这周日', on('2026-12-06')],
  ['本周五', on('2026-12-04')],
  ['这礼拜六', on('2026-12-05')],
  ['这星期天', on('2026-12-06')],
  ['下周一', on('2026-12-07')],
  ['下周三', on('2026-12-09')],
  ['下周六', on('2026-12-12')],
  ['下周日', on('2026-12-13')],
  ['下个周五', on('2026-12-11')],
  ['下个礼拜三', on('2026-12-09')],
  ['下星期二', on('2026-12-08')],
  ['下礼拜天', on('2026-12-13')],
  ['下下周一', on('2026-12-14')],
  ['下下周三', on('2026-12-16')],
  ['下下个周五', on('2026-12-18')],
  ['上周五', on('2026-11-27')],
  ['上上周一', on('2026-11-16')],
  ['周六上午', on('2026-12-05', am)],
  ['周六下午', on('2026-12-05', pm)],
  ['这周六下午', on('2026-12-05', pm)],
  ['下周三上午', on('2026-12-09', am)],
  ['下周三下午', on('2026-12-09', pm)],
  ['下下周一上午', on('2026-12-14', am)],
  ['周日晚上', on('2026-12-06', eve)],
  ['本周', weekOf('2026-11-30', '2026-12-06')],
  ['这周', weekOf('2026-11-30', '2026-12-06')],
  ['下周', weekOf('2026-12-07', '2026-12-13')],
  ['下个星期', weekOf('2026-12-07', '2026-12-13')],
  ['下下周', weekOf('2026-12-14', '2026-12-20')],
  ['上周', weekOf('2026-11-23', '2026-11-29')],
  ['本月', monthOf('2026-12-01', '2026-12-31')],
  ['下月', monthOf('2027-01-01', '2027-01-31')],
  ['下个月', monthOf('2027-01-01', '2027-01-31')],
  ['上个月', monthOf('2026-11-01', '2026-11-30')],
  ['明年2月', monthOf('2027-02-01', '2027-02-28')],
  ['2026-12', monthOf('2026-12-01', '2026-12-31')],
  ['12月10日', on('2026-12-10', { inferredYear: 2026 })],
  ['12月10号', on('2026-12-10', { inferredYear: 2026 })],
  ['十二月十日', on('2026-12-10', { inferredYear: 2026 })],
  ['12.10', on('2026-12-10', { inferredYear: 2026 })],
  ['12/10', on('2026-12-10', { inferredYear: 2026 })],
  ['12月2日', on('2026-12-02', { inferredYear: 2026 })],
  ['12月1日', on('2027-12-01', { inferredYear: 2027 })],
  ['11月30日', on('2027-11-30', { inferredYear: 2027 })],
  ['1月1日', on('2027-01-01', { inferredYear: 2027 })],
  ['1月3日', on('2027-01-03', { inferredYear: 2027 })],
  ['3月5日', on('2027-03-05', { inferredYear: 2027 })],
  ['2月29日', on('2028-02-29', { inferredYear: 2028 })],
  ['12月10日下午', on('2026-12-10', { inferredYear: 2026, ...pm })],
  ['12月10日上午', on('2026-12-10', { inferredYear: 2026, ...am })],
  ['12月24日晚上', on('2026-12-24', { inferredYear: 2026, ...eve })],
  ['10号', on('2026-12-10', { inferredYear: 2026 })],
  ['2号', on('2026-12-02', { inferredYear: 2026 })],
  ['1号', on('2027-01-01', { inferredYear: 2027 })],
  ['三十一号', on('2026-12-31', { inferredYear: 2026 })],
  ['2026-12-10', on('2026-12-10')],
  ['2026年12月10日', on('2026-12-10')],
  ['2027年1月4日', on('2027-01-04')],
  ['2026/12/10', on('2026-12-10')],
  ['今年12月1日', on('2026-12-01')],
  ['明年1月8日', on('2027-01-08')],
  ['２０２６－１２－１０', on('2026-12-10')],
  ['在周六', on('2026-12-05')],
  ['周六那天', on('2026-12-05')],
  // Not dates, or impossible ones: the command says what it did not understand.
  ['下下下周', null],
  ['2月30日', null],
  ['13月1日', null],
  ['32号', null],
  ['本周下午', null],
  ['下月上午', null],
  ['周八', null],
  ['明年2月29日', null],
  ['随便哪天', null],
  ['随便哪天下午', null],
  ['这月', monthOf('2026-12-01', '2026-12-31')],
  ['随便下个月', null],
  ['下个月底', null],
  ['约12/10', null],
  ['12/10/2026', null],
  ['早上好', null],
  // Words that are keys of every plain JavaScript object are no dates either.
  ['constructor', null],
  ['toString', null],
  ['__proto__', null],
  ['valueOf下午', null],
];

describe('the one date-phrase reader, on Wednesday 2026-12-02 (Beijing)', () => {
  it('has at least 80 real phrasings', () => expect(PHRASES.length).toBeGreaterThanOrEqual(80));

  it.each(PHRASES)('reads 「%s」', (text, expected) => {
    const phrase = readDatePhrase(text, TODAY);
    if (expected === null) expect(phrase).toBeNull();
    else expect(phrase).toEqual(expected);
  });
});

describe('edges: Beijing midnight, year end, leap days', () => {
  it('counts from the Beijing date a minute after Beijing midnight (still the day before in UTC)', () => {
    const justAfter = new Date('2026-12-05T16:01:00Z'); // Sunday 2026-12-06 00:01 in Beijing
    expect(readDatePhrase('今天', justAfter)).toEqual(on('2026-12-06'));
    expect(readDatePhrase('周六', justAfter)).toEqual(on('2026-12-05'));
    expect(readDatePhrase('下周一', justAfter)).toEqual(on('2026-12-07'));
    const justBefore = new Date('2026-12-05T15:59:00Z'); // Saturday 23:59
    expect(readDatePhrase('今天', justBefore)).toEqual(on('2026-12-05'));
    expect(readDatePhrase('明天上午', justBefore)).toEqual(on('2026-12-06', am));
  });

  it('on New Year’s Eve, 明天 and 下周一 are next year, and 1月3日 is the coming one', () => {
    const eve31 = new Date('2026-12-31T15:00:00Z'); // Thursday 23:00
    expect(readDatePhrase('明天', eve31)).toEqual(on('2027-01-01'));
    expect(readDatePhrase('这周六', eve31)).toEqual(on('2027-01-02'));
    expect(readDatePhrase('下周一', eve31)).toEqual(on('2027-01-04'));
    expect(readDatePhrase('1月3日', eve31)).toEqual(on('2027-01-03', { inferredYear: 2027 }));
    expect(readDatePhrase('12月31日', eve31)).toEqual(on('2026-12-31', { inferredYear: 2026 }));
    expect(readDatePhrase('下月', eve31)).toEqual(monthOf('2027-01-01', '2027-01-31'));
  });

  it('half an hour into the new year (still 2026 in UTC), 12月31日 is a year away', () => {
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(readDatePhrase('今天', newYear)).toEqual(on('2027-01-01'));
    expect(readDatePhrase('12月31日', newYear)).toEqual(on('2027-12-31', { inferredYear: 2027 }));
    expect(readDatePhrase('5号', newYear)).toEqual(on('2027-01-05', { inferredYear: 2027 }));
  });

  it('takes the next leap day for 2月29日, and this year’s when it is still to come', () => {
    expect(readDatePhrase('2月29日', new Date('2028-01-10T02:00:00Z'))).toEqual(on('2028-02-29', { inferredYear: 2028 }));
    expect(readDatePhrase('2月29日', new Date('2028-02-29T02:00:00Z'))).toEqual(on('2028-02-29', { inferredYear: 2028 }));
    expect(readDatePhrase('2月29日', new Date('2028-03-01T02:00:00Z'))).toEqual(on('2032-02-29', { inferredYear: 2032 }));
    expect(readDatePhrase('31号', new Date('2027-02-10T02:00:00Z'))).toEqual(on('2027-03-31', { inferredYear: 2027 }));
    // 2100 is no leap year: after 2096 the next 2月29日 is eight years away.
    expect(readDatePhrase('2月29日', new Date('2096-03-01T02:00:00Z'))).toEqual(on('2104-02-29', { inferredYear: 2104 }));
  });

  it('takes a bare day from the next month when this month’s has passed, December included', () => {
    expect(readDatePhrase('10号', new Date('2026-11-20T02:00:00Z'))).toEqual(on('2026-12-10', { inferredYear: 2026 }));
    expect(readDatePhrase('10号', new Date('2026-12-20T02:00:00Z'))).toEqual(on('2027-01-10', { inferredYear: 2027 }));
  });

  it('reads a month and day from another reference day when asked (排班 holidays)', () => {
    expect(readDatePhrase('1月1日', TODAY, { notBefore: '2027-01-01' })).toEqual(on('2027-01-01', { inferredYear: 2027 }));
    expect(readDatePhrase('9月27日', TODAY, { notBefore: '2027-09-01' })).toEqual(on('2027-09-27', { inferredYear: 2027 }));
  });
});

describe('every question form routes to 值班 with the date (and half-day) it names', () => {
  const registry = buildRegistry();
  const QUESTIONS: Array<[string, Record<string, string>]> = [
    ['下周三值班', { when: '2026-12-09' }],
    ['下周三谁值班', { when: '2026-12-09' }],
    ['周六谁值班', { when: '2026-12-05' }],
    ['这周六谁值班', { when: '2026-12-05' }],
    ['12月10日谁值班', { when: '2026-12-10', whenYear: '2026' }],
    ['值班 明天下午', { when: '2026-12-03', whenPart: 'afternoon' }],
    ['值班 明天 下午', { when: '2026-12-03', part: '下午' }],
    ['谁值班 下周三', { when: '2026-12-09' }],
    ['谁值班下周三', { when: '2026-12-09' }],
    ['明天下午谁值班', { when: '2026-12-03', whenPart: 'afternoon' }],
    ['请问明天下午谁值班？', { when: '2026-12-03', whenPart: 'afternoon' }],
    ['下下周一谁值班呀', { when: '2026-12-14' }],
    ['礼拜六谁在值班', { when: '2026-12-05' }],
    ['周日值班的是谁', { when: '2026-12-06' }],
    ['今晚谁值班', { when: '2026-12-02', whenPart: 'evening' }],
    ['下周六值班', { when: '2026-12-12' }],
    ['谁值班', {}],
    ['今天谁值班？', { when: '2026-12-02' }],
  ];
  it.each(QUESTIONS)('「%s」', (line, args) => {
    const parsed = parseInput(line, registry, { now: TODAY });
    expect(parsed.kind).toBe('command');
    if (parsed.kind !== 'command') return;
    expect(parsed.command.id).toBe('duty');
    const bound = bindArgs(parsed.command, parsed, TODAY);
    expect(bound.invalid).toBeUndefined();
    expect(bound.args).toMatchObject(args);
  });

  it('says it did not understand a date that is a key of every JavaScript object, instead of a NaN day', () => {
    for (const line of ['值班 toString', 'constructor谁值班', '值班 constructor下午']) {
      const parsed = parseInput(line, registry, { now: TODAY });
      expect(parsed.kind).toBe('command');
      if (parsed.kind !== 'command') return;
      expect(bindArgs(parsed.command, parsed, TODAY).invalid, line).toMatchObject({ arg: 'when', problem: 'date' });
    }
  });

  it('leaves lines that only mention duty alone', () => {
    for (const line of ['值班室的灯坏了', '楼道里值班室没人', '张三值班吗']) {
      const parsed = parseInput(line, registry, { now: TODAY });
      expect(parsed.kind === 'command' && parsed.command.id === 'duty', line).toBe(false);
    }
  });
});
