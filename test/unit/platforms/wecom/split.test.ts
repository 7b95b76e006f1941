import { describe, expect, it } from 'vitest';
import { splitUtf8, truncateUtf8 } from '../../../../src/platforms/wecom/split.js';

describe('splitting text on UTF-8 byte limits', () => {
  it('keeps text that fits in one piece', () => {
    expect(splitUtf8('路灯坏了', 2048)).toEqual(['路灯坏了']);
  });

  it('never cuts inside a Chinese character or an emoji', () => {
    const text = `${'议'.repeat(700)}😀${'事'.repeat(700)}`; // 3-byte characters and one 4-byte emoji
    const pieces = splitUtf8(text, 2048);
    expect(pieces.every((piece) => Buffer.byteLength(piece) <= 2048)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((piece) => piece.includes('\uFFFD'))).toBe(false);
    expect(Buffer.byteLength(pieces[0]!)).toBe(2046); // 682 whole characters: the 683rd would need 2049 bytes
  });

  it('prefers to break after a line when one ends in the second half of a piece', () => {
    const text = `${'甲'.repeat(500)}\n${'乙'.repeat(500)}`;
    expect(splitUtf8(text, 2048)).toEqual([`${'甲'.repeat(500)}\n`, '乙'.repeat(500)]);
  });

  it('truncates with a marker and stays within the limit', () => {
    const cut = truncateUtf8('议'.repeat(2000), 4096, '……');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('……')).toBe(true);
  });
});
