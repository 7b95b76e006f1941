import { describe, expect, it } from 'vitest';
import { countCharacters, messageOverLimit, textOverLimit } from '../../../src/core/text-limit.js';
import { UNDOCUMENTED_INBOUND_LIMITS, inboundBodyLimit } from '../../../src/platforms/types.js';

describe('the one length rule for what people send', () => {
  it.each([
    ['', 0],
    ['路灯坏了', 4],
    ['😀', 1],
    ['路😀灯', 3],
    ['\ud83d', 1], // a lone high surrogate is one character
    ['\ude00', 1], // and so is a lone low one
    ['\ude00\ud83d', 2],
    ['a\ud83d\ude00\ude00', 3],
    // Only a high surrogate (D800–DBFF) then a low one (DC00–DFFF) make one character: each edge of
    // both ranges, and each half next to something else.
    ['\ud800\udc00', 1],
    ['\udbff\udfff', 1],
    ['\ud83d\udc00', 1],
    ['\ud83d\udfff', 1],
    ['\ud83da', 2], // a high surrogate then a letter
    ['\ud83d路', 2],
    ['\ud83d\ud83d', 2], // two high ones
    ['\ud83d\ue000', 2], // U+E000 is just past the low range
    ['\ud83d\udbff', 2],
    ['a\ude00', 2], // a low surrogate after a letter
    ['\ud7ff\ude00', 2], // U+D7FF is just below the high range
    ['\udc00\ude00', 2], // a low one after a low one
  ])('countCharacters(%j) is %i, as [...text].length', (text, expected) => {
    expect(countCharacters(text)).toBe(expected);
    expect(countCharacters(text)).toBe([...text].length);
  });

  it.each([
    ['路'.repeat(4000), 4000, undefined],
    ['路'.repeat(4001), 4000, { length: 4001, limit: 4000 }],
    ['😀'.repeat(4000), 4000, undefined], // 8,000 UTF-16 units, 4,000 characters
    ['😀'.repeat(4001), 4000, { length: 4001, limit: 4000 }],
    ['abc', 2, { length: 3, limit: 2 }],
    ['ab', 2, undefined],
  ])('textOverLimit(%#) at %i', (text, limit, expected) => {
    expect(textOverLimit(text, limit)).toEqual(expected);
  });

  it('takes the limit the platform declared on the message, else 4,000 characters', () => {
    expect(UNDOCUMENTED_INBOUND_LIMITS.maxTextLength).toBe(4000);
    expect(messageOverLimit({ text: 'x'.repeat(4001) })).toEqual({ length: 4001, limit: 4000 });
    expect(messageOverLimit({ text: 'x'.repeat(4000) })).toBeUndefined();
    expect(messageOverLimit({ text: 'x'.repeat(11), maxTextLength: 10 })).toEqual({ length: 11, limit: 10 });
    expect(messageOverLimit({ text: 'x'.repeat(10), maxTextLength: 10 })).toBeUndefined();
  });

  it("keeps a platform's callback body under its own limit and the operator's", () => {
    expect(UNDOCUMENTED_INBOUND_LIMITS.maxBodyBytes).toBe(256 * 1024);
    expect(inboundBodyLimit(UNDOCUMENTED_INBOUND_LIMITS, 1024 * 1024)).toBe(256 * 1024);
    expect(inboundBodyLimit(UNDOCUMENTED_INBOUND_LIMITS, 64 * 1024)).toBe(64 * 1024);
    // Room for a text ten times the limit with every character escaped as \uXXXX.
    expect(UNDOCUMENTED_INBOUND_LIMITS.maxBodyBytes).toBeGreaterThan(UNDOCUMENTED_INBOUND_LIMITS.maxTextLength * 6 * 10);
  });
});
