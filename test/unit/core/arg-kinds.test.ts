import { describe, expect, it } from 'vitest';
import type { ArgSpec } from '../../../src/core/command.js';
import { acceptsJoinedRest, readArg } from '../../../src/core/arg-kinds.js';
import { beijingYear } from '../../../src/core/dates.js';
import { normalizeOpinionNumber as readNumber } from '../../../src/core/opinion-number.js';

const normalizeOpinionNumber = (typed: string, now: Date) => readNumber(typed, beijingYear(now));

/** Wednesday 2026-03-04, 23:30 in Beijing (15:30 UTC). */
const now = new Date('2026-03-04T15:30:00Z');
/** 2027-01-01 00:30 in Beijing, still 2026 in UTC: a bare number belongs to 2027. */
const newYearsMorning = new Date('2026-12-31T16:30:00Z');

const spec = (kind: ArgSpec['kind'], extra: Partial<ArgSpec> = {}): ArgSpec => ({ name: 'x', kind, required: true, ...extra });

describe('normalizeOpinionNumber', () => {
  const cases: Array<[string, string | null]> = [
    ['MY-2026-000123', 'MY-2026-000123'],
    ['my-2026-000123', 'MY-2026-000123'],
    ['MY2026-123', 'MY-2026-000123'],
    ['MY-2026123', 'MY-2026-000123'],
    ['my2026123', 'MY-2026-000123'],
    ['2026-123', 'MY-2026-000123'],
    ['2026-999999', 'MY-2026-999999'],
    ['2026000123', 'MY-2026-000123'],
    ['123', 'MY-2026-000123'],
    ['1', 'MY-2026-000001'],
    ['999999', 'MY-2026-999999'],
    ['000123', 'MY-2026-000123'],
    ['第123号', 'MY-2026-000123'],
    ['NO.123', 'MY-2026-000123'],
    ['no123', 'MY-2026-000123'],
    ['MY-2025-000007号', 'MY-2025-000007'],
    ['0', null],
    ['000000', null],
    ['1234567', null],
    ['2026-1234567', null],
    // One reader since issue 17 (core/opinion-number.ts): any four-digit year, MY with a bare
    // sequence, and surrounding spaces, as the services already read them.
    ['MY-1999-000123', 'MY-1999-000123'],
    ['1999-123', 'MY-1999-000123'],
    ['MY-2026-', null],
    ['MY-123', 'MY-2026-000123'],
    ['', null],
    ['路灯', null],
    ['12a', null],
    [' 123', 'MY-2026-000123'],
    ['第123', 'MY-2026-000123'],
    ['123号号', null],
    ['1第23', null],
    ['1号23', null],
    ['AMY-2026-5', null],
    ['12026-5', null],
    ['12026000123', null],
    ['20260001234', null],
  ];
  it.each(cases)('reads 「%s」 as %s', (text, expected) => {
    expect(normalizeOpinionNumber(text, now)).toBe(expected);
  });

  it('gives a bare number the Beijing year, not the UTC one', () => {
    expect(normalizeOpinionNumber('5', newYearsMorning)).toBe('MY-2027-000005');
  });
});

describe('readArg', () => {
  it('reads a date with its range and kind', () => {
    expect(readArg(spec('date', { name: 'when' }), '下周', now)).toEqual({
      ok: true,
      values: { when: '2026-03-09', whenTo: '2026-03-15', whenKind: 'week' },
    });
    expect(readArg(spec('date', { name: 'when' }), '明天', now)).toEqual({
      ok: true,
      values: { when: '2026-03-05', whenTo: '2026-03-05', whenKind: 'day' },
    });
  });

  it('splits a date run together with a time, leaving the time for the next argument', () => {
    expect(readArg(spec('date'), '明天下午3点', now)).toEqual({
      ok: true,
      values: { x: '2026-03-05', xTo: '2026-03-05', xKind: 'day' },
      leftover: '下午3点',
    });
    expect(readArg(spec('date'), '3月5日15:30', now)).toMatchObject({ ok: true, values: { x: '2026-03-05' }, leftover: '15:30' });
    expect(readArg(spec('date'), '周五晚上8点半', now)).toMatchObject({ values: { x: '2026-03-06' }, leftover: '晚上8点半' });
  });

  it('refuses a date, or a date with a time, that cannot be read', () => {
    for (const token of ['明天晚上12点', '明天随便', '13月5日', '随便', '下午3点', '明'])
      expect(readArg(spec('date'), token, now), token).toEqual({ ok: false, problem: 'date' });
  });

  it('tries a date token of at most 32 characters, and refuses a longer one without splitting it', () => {
    // A quoted run may hold spaces, which a date ignores: the same date and time, one space apart.
    const padded = (length: number) => `明天${' '.repeat(length - 6)}下午3点`;
    expect(padded(32)).toHaveLength(32);
    expect(readArg(spec('date'), padded(32), now)).toMatchObject({ ok: true, values: { x: '2026-03-05' }, leftover: '下午3点' });
    expect(readArg(spec('date'), padded(33), now)).toEqual({ ok: false, problem: 'date' });
  });

  it('reads a time as HH:MM and refuses an impossible one', () => {
    expect(readArg(spec('time', { name: 'at' }), '下午3点', now)).toEqual({ ok: true, values: { at: '15:00' } });
    expect(readArg(spec('time', { name: 'at' }), '8:05', now)).toEqual({ ok: true, values: { at: '08:05' } });
    expect(readArg(spec('time', { name: 'at' }), '凌晨12点', now)).toEqual({ ok: true, values: { at: '00:00' } });
    for (const token of ['15:60', '3点75分', '晚上12点', '明天'])
      expect(readArg(spec('time'), token, now), token).toEqual({ ok: false, problem: 'time' });
  });

  it('reads an opinion number in its canonical form', () => {
    expect(readArg(spec('opinion-number', { name: 'number' }), '2026-5', now)).toEqual({ ok: true, values: { number: 'MY-2026-000005' } });
    expect(readArg(spec('opinion-number'), '路灯', now)).toEqual({ ok: false, problem: 'opinion-number' });
  });

  it('reads a choice whatever its case, giving the declared spelling', () => {
    const choice = spec('choice', { name: 'state', choices: ['Open', '已办结'] });
    expect(readArg(choice, 'open', now)).toEqual({ ok: true, values: { state: 'Open' } });
    expect(readArg(choice, '已办结', now)).toEqual({ ok: true, values: { state: '已办结' } });
    expect(readArg(choice, 'closed', now)).toEqual({ ok: false, problem: 'choice' });
    expect(readArg(spec('choice', { name: 'any' }), '随便', now)).toEqual({ ok: true, values: { any: '随便' } });
  });

  it('takes members without their @, and words and text as they are', () => {
    expect(readArg(spec('member', { name: 'who' }), '@张三', now)).toEqual({ ok: true, values: { who: '张三' } });
    expect(readArg(spec('member', { name: 'who' }), '李@四', now)).toEqual({ ok: true, values: { who: '李@四' } });
    expect(readArg(spec('word', { name: 'w' }), '@幸福', now)).toEqual({ ok: true, values: { w: '@幸福' } });
    expect(readArg(spec('text', { name: 't' }), '路灯 坏了', now)).toEqual({ ok: true, values: { t: '路灯 坏了' } });
  });
});

describe('acceptsJoinedRest', () => {
  it('lets free text run into the command word', () => {
    expect(acceptsJoinedRest([spec('text')], '路灯坏了', now)).toBe(true);
  });

  it('lets a typed argument run in only when the rest reads as that kind', () => {
    expect(acceptsJoinedRest([spec('date')], '明天', now)).toBe(true);
    expect(acceptsJoinedRest([spec('date')], '明天 张三', now)).toBe(true);
    expect(acceptsJoinedRest([spec('date')], '进度', now)).toBe(false);
    expect(acceptsJoinedRest([spec('date')], ' 明天', now)).toBe(false);
    expect(acceptsJoinedRest([spec('opinion-number')], '2026-5 很好', now)).toBe(true);
    expect(acceptsJoinedRest([spec('opinion-number')], '进度', now)).toBe(false);
  });

  it('never splits off a word or a member name, and needs something to join', () => {
    expect(acceptsJoinedRest([spec('word')], '中心', now)).toBe(false);
    expect(acceptsJoinedRest([spec('member')], '张', now)).toBe(false);
    expect(acceptsJoinedRest([], '路灯', now)).toBe(false);
    expect(acceptsJoinedRest([spec('text')], '', now)).toBe(false);
  });
});
