import { describe, expect, it } from 'vitest';
import { editDistance, suggestWord } from '../../../src/core/suggest.js';

describe('suggestions for unknown words', () => {
  it.each([
    ['帮主', ['帮助', '反映'], '帮助'],
    ['帮', ['帮助'], '帮助'],
    ['班值', ['值班'], '值班'],
    ['hepl', ['help'], 'help'],
    ['hello', ['help'], undefined],
    ['settigns', ['settings'], 'settings'],
    ['值x', ['值班', '值守'], '值班'],
    ['值x', ['值守', '值班'], '值守'],
    ['值班', ['值班表', '值'], '值班表'],
    ['123', ['1234'], undefined],
    ['?', ['帮助'], undefined],
    ['', ['帮助'], undefined],
    ['路灯坏了好几天了', ['反映'], undefined],
    ['路'.repeat(10_000), ['路路'], undefined],
  ])('suggestWord(%j, %j) is %j', (typed, words, expected) => {
    expect(suggestWord(typed, words)).toBe(expected);
  });

  it.each([
    ['值斑', '值班', 1],
    ['班值', '值班', 1],
    ['hepl', 'help', 1],
    ['abc', '', 3],
    ['', '帮助', 2],
    ['帮助反映', '帮助', 2],
    ['😀x', '😀', 1],
  ])('editDistance(%j, %j) is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
