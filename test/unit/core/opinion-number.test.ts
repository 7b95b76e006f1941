import { describe, expect, it } from 'vitest';
import {
  findOpinionNumbers,
  findTypedOpinionNumber,
  formatOpinionNumber,
  hasOpinionNumberPrefix,
  isOpinionNumber,
  looksLikeOpinionNumber,
  normalizeOpinionNumber,
} from '../../../src/core/opinion-number.js';

describe('opinion numbers', () => {
  it('formats a year and sequence as MY-YYYY-NNNNNN', () => {
    expect(formatOpinionNumber(2026, 123)).toBe('MY-2026-000123');
    expect(formatOpinionNumber(2027, 1)).toBe('MY-2027-000001');
    expect(formatOpinionNumber(2026, 999999)).toBe('MY-2026-999999');
  });

  it.each([
    ['MY-2026-000123', true],
    ['MY-2026-123', false],
    ['my-2026-000123', false],
    ['2026-000123', false],
    [' MY-2026-000123', false],
  ])('takes %j as a canonical number: %s', (text, expected) => {
    expect(isOpinionNumber(text)).toBe(expected);
  });

  it.each([
    ['MY-2026-000123', 'MY-2026-000123'],
    ['my-2026-123', 'MY-2026-000123'],
    ['MY2026-123', 'MY-2026-000123'],
    ['MY-2026123', 'MY-2026-000123'],
    ['MY2026000123', 'MY-2026-000123'],
    ['2026-123', 'MY-2026-000123'],
    ['2025-7', 'MY-2025-000007'],
    ['2026000123', 'MY-2026-000123'],
    ['123', 'MY-2027-000123'],
    ['MY123', 'MY-2027-000123'],
    ['my-45', 'MY-2027-000045'],
    ['第45号', 'MY-2027-000045'],
    ['NO.45', 'MY-2027-000045'],
    ['no45', 'MY-2027-000045'],
    ['  2026-123 ', 'MY-2026-000123'],
    ['ＭＹ－２０２６－０００１２３', 'MY-2026-000123'],
    ['0', null],
    ['2026-0', null],
    ['1234567', null],
    ['2026-1234567', null],
    ['路灯坏了', null],
    ['', null],
    ['MY-', null],
  ])('reads what a person typed, %j, as %j (this Beijing year is 2027)', (typed, expected) => {
    expect(normalizeOpinionNumber(typed, 2027)).toBe(expected);
  });

  it.each([
    ['MY-2026-000123', true],
    ['my2026-123', true],
    ['MY123', true],
    ['2026-123', true],
    ['123', false],
    ['第45号', false],
    ['加装电梯', false],
  ])('tells %j after 提案 is a number, not a title: %s', (text, expected) => {
    expect(looksLikeOpinionNumber(text)).toBe(expected);
  });

  it.each([
    ['MY-2026-000123', true],
    ['my-2026-000123', true],
    ['65f0c0ffee0000000000abcd', false],
    ['2026-123', false],
  ])('takes %j as a number rather than an id: %s', (reference, expected) => {
    expect(hasOpinionNumberPrefix(reference)).toBe(expected);
  });

  it.each([
    ['议定 MY-2026-000123 和 my2026-7 一并办结', ['MY-2026-000123', 'MY-2026-000007']],
    ['MY-2026-000123 重复 MY-2026-000123', ['MY-2026-000123']],
    ['全角 ＭＹ－２０２６－０００００９', ['MY-2026-000009']],
    ['编号 2026-123 没写 MY', []],
    ['没有编号', []],
  ])('finds every MY number in %j', (text, expected) => {
    expect(findOpinionNumbers(text)).toEqual(expected);
  });

  it.each([
    ['123 进度', '123'],
    ['进度MY-2026-000123', 'MY-2026-000123'],
    ['2026-123怎么样了', '2026-123'],
    ['my45 满意', 'my45'],
    ['电话13800138000', undefined],
    ['路灯还是不亮', undefined],
  ])('finds the number a resident typed in %j', (text, expected) => {
    expect(findTypedOpinionNumber(text)).toBe(expected);
  });
});
