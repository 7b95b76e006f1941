import { describe, expect, it } from 'vitest';
import { beijingYear } from '../../../src/core/dates.js';
import {
  findOpinionNumbers as extractOpinionNumbers,
  findTypedOpinionNumber,
  looksLikeOpinionNumber,
  normalizeOpinionNumber as readNumber,
} from '../../../src/core/opinion-number.js';

// The readers once scattered over the services now live in src/core/opinion-number.ts; these
// names keep the sentences of the tests below.
const normalizeOpinionNumber = (typed: string, now: Date) => readNumber(typed, beijingYear(now));
const normalizeNumber = (typed: string, year: number) => readNumber(typed, year) ?? undefined;
const NUMBER_IN_TEXT = {
  exec: (text: string) => {
    const found = findTypedOpinionNumber(text);
    return found === undefined ? null : [found];
  },
};

// An opinion number is read in several places (commands, services, residents' talk, meeting
// outcomes, proposals). Each must read the canonical forms alike; what only one of them accepts is
// tested beside it.
const now = new Date('2026-03-04T15:30:00Z');
const CANONICAL: Array<[typed: string, number: string]> = [
  ['MY-2026-000123', 'MY-2026-000123'],
  ['my-2026-000123', 'MY-2026-000123'],
  ['MY2026-123', 'MY-2026-000123'],
  ['MY-2025-999999', 'MY-2025-999999'],
];

describe('every reader of opinion numbers agrees on the canonical forms', () => {
  it.each(CANONICAL)('「%s」 is %s', (typed, number) => {
    expect(normalizeOpinionNumber(typed, now)).toBe(number);
    expect(normalizeNumber(typed, 2026)).toBe(number);
    expect(extractOpinionNumbers(`见 ${typed}。`)).toEqual([number]);
    expect(NUMBER_IN_TEXT.exec(`${typed} 进度`)?.[0]).toBe(typed);
    expect(looksLikeOpinionNumber(typed)).toBe(true);
  });

  it('a seventh digit makes it no number at all, never the first six', () => {
    for (const typed of ['MY-2026-1234567', '2026-1234567']) {
      expect(normalizeOpinionNumber(typed, now), typed).toBeNull();
      expect(normalizeNumber(typed, 2026), typed).toBeUndefined();
      expect(NUMBER_IN_TEXT.exec(`${typed} 进度`), typed).toBeNull();
      expect(looksLikeOpinionNumber(typed), typed).toBe(false);
    }
    expect(extractOpinionNumbers('MY-2026-1234567')).toEqual([]);
    expect(NUMBER_IN_TEXT.exec('1234567')).toBeNull();
  });
});

describe('normalizeNumber (services: a number a person typed, this year by default)', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2026-123', 'MY-2026-000123'],
    [' 2026-5 ', 'MY-2026-000005'],
    ['123', 'MY-2026-000123'],
    ['MY-123', 'MY-2026-000123'],
    ['my7', 'MY-2026-000007'],
    ['2025-000042', 'MY-2025-000042'],
    // Ten digits run together are year and sequence, as the parser always read them (one reader since issue 17).
    ['2026000123', 'MY-2026-000123'],
    ['1234567', undefined],
    ['路灯', undefined],
    ['', undefined],
    ['MY--2026-1', undefined],
  ];
  it.each(cases)('reads 「%s」 as %s', (typed, expected) => {
    expect(normalizeNumber(typed, 2026)).toBe(expected);
  });

  it('takes the year it is given for a short number', () => {
    expect(normalizeNumber('9', 2027)).toBe('MY-2027-000009');
  });

  it('counts the year in Beijing time', () => {
    expect(beijingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});

describe('extractOpinionNumbers (numbers named in a meeting outcome)', () => {
  it('finds each MY number once, in order, with or without dashes and in full-width', () => {
    expect(extractOpinionNumbers('议定 MY-2026-000123、my2026-7 和 MY-2026-000123；另 ＭＹ－２０２６－０００００９')).toEqual([
      'MY-2026-000123',
      'MY-2026-000007',
      'MY-2026-000009',
    ]);
  });

  it('ignores bare numbers and years, which are not numbers of opinions in running text', () => {
    expect(extractOpinionNumbers('2026年3月5日，共 123 人参加，议题 2026-12')).toEqual([]);
  });
});

describe('NUMBER_IN_TEXT (what a resident writes after filing)', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2026-123', '2026-123'],
    ['进度 2026-123', '2026-123'],
    ['123进度', '123'],
    ['MY123 满意', 'MY123'],
    ['不满意 2026-5，灯还是不亮', '2026-5'],
    ['MY2026123', undefined],
    ['1234567', undefined],
    ['电话13812345678', undefined],
    ['2026-03-05', undefined],
    ['路灯坏了', undefined],
  ];
  it.each(cases)('finds in 「%s」: %s', (text, found) => {
    expect(NUMBER_IN_TEXT.exec(text)?.[0]).toBe(found);
  });
});

describe('looksLikeOpinionNumber (提案 <编号> or a title)', () => {
  it.each([
    ['MY-2026-000123', true],
    ['2026-123', true],
    ['MY-123', true],
    [' my2026-5 ', true],
    ['123', false],
    ['关于加装路灯的建议', false],
    ['2026年路灯', false],
  ])('「%s」 → %s', (text, expected) => {
    expect(looksLikeOpinionNumber(text)).toBe(expected);
  });
});
