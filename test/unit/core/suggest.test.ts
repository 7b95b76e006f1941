import { describe, expect, it } from 'vitest';
import { editDistance, suggestWord } from '../../../src/core/suggest.js';

describe('editDistance', () => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['', '值班', 2],
    ['值班', '', 2],
    ['值班', '值班', 0],
    ['值斑', '值班', 1],
    ['帮', '帮助', 1],
    ['帮助我', '帮助', 1],
    ['班值', '值班', 1],
    ['ab', 'ba', 1],
    ['hepl', 'help', 1],
    ['abcd', 'acbd', 1],
    ['kitten', 'sitting', 3],
    // Each character is edited at most once (optimal string alignment): 'ca' → 'abc' is three edits.
    ['ca', 'abc', 3],
    ['😀a', 'a', 1],
    ['反映路灯', '路灯反映', 4],
  ];
  it.each(cases)('from 「%s」 to 「%s」 is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggestWord', () => {
  const words = ['帮助', '反映', '值班', '查看反映', '活动报名', 'help', 'status'];
  const cases: Array<[string, string | undefined]> = [
    ['帮主', '帮助'],
    ['值斑', '值班'],
    ['班值', '值班'],
    ['帮', '帮助'],
    ['帮助我', '帮助'],
    ['查看返映', '查看反映'],
    // Four characters or more may be two edits away; three or fewer only one.
    ['查看返应', '查看反映'],
    ['值日表', undefined],
    ['活动报到了', '活动报名'],
    ['hepl', 'help'],
    ['HELP', 'help'],
    ['Hepl', 'help'],
    ['helpp', 'help'],
    // Five Latin letters allow one edit, six allow two: `hello` is not `help`.
    ['hello', undefined],
    ['stxtu', undefined],
    ['stxtux', 'status'],
    ['路灯坏了', undefined],
    ['', undefined],
    ['123', undefined],
    ['2026', undefined],
    ['？', undefined],
    ['+', undefined],
    ['1 2', undefined],
    ['帮助1', '帮助'],
    ['1帮助', '帮助'],
    // Mixed text counts as Chinese: four characters may be two edits away.
    ['查看返x', '查看反映'],
    ['x看返映', '查看反映'],
  ];
  it.each(cases)('suggests for 「%s」: %s', (typed, expected) => {
    expect(suggestWord(typed, words)).toBe(expected);
  });

  it('never suggests a word that needs as many edits as it has characters', () => {
    expect(suggestWord('否', ['是'])).toBeUndefined();
    expect(suggestWord('ab', ['xy'])).toBeUndefined();
    expect(suggestWord('帮', ['帮助'])).toBe('帮助');
  });

  it('prefers the closer word, wherever it stands in the list', () => {
    expect(suggestWord('帮助', ['帮主', '帮助'])).toBe('帮助');
    expect(suggestWord('值班表', ['值班', '值班表'])).toBe('值班表');
    expect(suggestWord('查看反应', ['反映', '查看反映'])).toBe('查看反映');
  });

  it('on a tie gives the earlier word, so the registry order decides', () => {
    expect(suggestWord('反班', ['反映', '值班'])).toBe('反映');
    expect(suggestWord('反班', ['值班', '反映'])).toBe('值班');
  });

  it('never suggests for a number, however close: it answers something', () => {
    expect(suggestWord('12', ['123'])).toBeUndefined();
    expect(suggestWord('1.', ['1'])).toBeUndefined();
  });

  it('returns nothing when there are no words', () => {
    expect(suggestWord('帮主', [])).toBeUndefined();
  });
});
