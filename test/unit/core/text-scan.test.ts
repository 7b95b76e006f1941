import { describe, expect, it } from 'vitest';
import { blankRanges, CollapsedText, consistsOf, isWhitespace, withoutLeading, withoutTrailing } from '../../../src/core/text-scan.js';

describe('character helpers read text in one pass, as the regular expressions they replace', () => {
  it('isWhitespace agrees with \\s on every UTF-16 code unit', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['路灯坏了。。', '。', '路灯坏了'],
    ['a.,;:!?。、', ',.;:!?。、', 'a'],
    ['....x', '.', '....x'],
    ['...', '.', ''],
    ['', '.', ''],
    ['a.b.', '.', 'a.b'],
    // Any set of characters, even one that spells the word JavaScript gives a missing character.
    ['fine', 'undefined', ''],
    ['xfine', 'undefined', 'x'],
  ])('withoutTrailing(%j, %j) is %j', (text, chars, expected) => {
    expect(withoutTrailing(text, chars)).toBe(expected);
    expect(withoutTrailing(text, chars)).toBe(text.replace(new RegExp(`[${chars}]+$`), ''));
  });

  it.each([
    ['?!', '!?.', true],
    ['?!a', '!?.', false],
    ['a?!', '!?.', false],
    ['', '!?.', false],
    ['…~', '!?.。…~', true],
  ])('consistsOf(%j, %j) is %s', (text, chars, expected) => {
    expect(consistsOf(text, chars)).toBe(expected);
  });

  it.each([
    ['，  路灯坏了', ',，', '路灯坏了'],
    [',;，；x', ',;，；', 'x'],
    ['x，', ',，', 'x，'],
    ['  ，x', ',，', '  ，x'],
    ['，', ',，', ''],
    ['，\u3000 x y', ',，', 'x y'],
    ['fine', 'undefined', ''],
    ['fine x', 'undefined', 'x'],
  ])('withoutLeading(%j, %j) is %j', (text, chars, expected) => {
    expect(withoutLeading(text, chars)).toBe(expected);
  });

  it('blankRanges keeps every position and blanks only the ranges', () => {
    expect(blankRanges('反映 #tag 路灯', [[3, 7]])).toBe('反映      路灯');
    expect(blankRanges('abcdef', [])).toBe('abcdef');
    expect(
      blankRanges('abcdef', [
        [0, 1],
        [2, 4],
        [5, 6],
      ]),
    ).toBe(' b  e ');
  });

  it('CollapsedText collapses every whitespace run to one space and cuts from any position', () => {
    const text = '反映  路灯\u3000\u3000坏了 \n ，很危险  ';
    const collapsed = new CollapsedText(text, 2);
    expect(collapsed.body).toBe(' 路灯 坏了 ，很危险');
    expect(collapsed.from(4)).toBe('路灯 坏了 ，很危险');
    expect(collapsed.from(8)).toBe('坏了 ，很危险');
    expect(collapsed.from(9)).toBe('了 ，很危险');
    expect(collapsed.from(13)).toBe('，很危险');
    expect(collapsed.from(14)).toBe('很危险');
    for (const position of [4, 5, 8, 9, 13, 14, 15, 16])
      expect(collapsed.from(position)).toBe(text.slice(position).replace(/\s+/g, ' ').trim());
  });
});
