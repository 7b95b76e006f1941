import { describe, expect, it } from 'vitest';
import { dueStep, ladderKey } from '../../../../src/services/opinions/overdue-ladder.js';
import type { OpinionRecord } from '../../../../src/services/opinions/types.js';

describe('the ladder step due now', () => {
  it('is none before 50% and none once the step reached was sent', () => {
    expect(dueStep(0, 0)).toBeNull();
    expect(dueStep(49.99, 0)).toBeNull();
    expect(dueStep(99.99, 50)).toBeNull();
    expect(dueStep(149.99, 100)).toBeNull();
    expect(dueStep(500, 150)).toBeNull();
  });

  it('is each step exactly at its percentage', () => {
    expect(dueStep(50, 0)).toBe(50);
    expect(dueStep(100, 50)).toBe(100);
    expect(dueStep(150, 100)).toBe(150);
  });

  it('after a pause is only the highest step due, skipping the ones it overtook', () => {
    expect(dueStep(100, 0)).toBe(100);
    expect(dueStep(120, 0)).toBe(100);
    expect(dueStep(150, 0)).toBe(150);
    expect(dueStep(400, 50)).toBe(150);
  });

  it('keys each step per opinion and round', () => {
    const opinion = { id: 'o1', round: 0 } as OpinionRecord;
    expect(ladderKey(opinion, 50)).toBe('overdue:o1:50');
    expect(ladderKey({ ...opinion, round: 2 }, 150)).toBe('overdue:o1:r2:150');
  });
});
