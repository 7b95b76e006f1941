import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { opinionCount, say } from './opinion-chat.js';

// 2025-12-31 16:30 UTC is already 2026-01-01 in Beijing: the year comes from the Beijing date.
const clock = new ManualClock('2025-12-31T16:30:00Z');

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' });

describe('opinion numbers', () => {
  it('gives 50 filings in parallel 50 distinct, consecutive numbers of the Beijing year', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        say(yishi, `guest:访客${i}`, `反映 第${i}号意见：希望增加第${i}路公交车的班次${'甲乙丙丁'.repeat(i % 5)}`),
      ),
    );
    const numbers = replies.map((reply) => /MY-\d{4}-\d{6}/.exec(reply)?.[0]);
    expect(replies.filter((_, i) => !numbers[i])).toEqual([]);
    expect(new Set(numbers).size).toBe(50);
    const sorted = [...numbers].sort();
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => `MY-2026-${String(i + 1).padStart(6, '0')}`));
    expect(await opinionCount(yishi)).toBe(50);
  });
});
