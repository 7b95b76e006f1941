import { describe, expect, it } from 'vitest';
import { monthPeriod, weeksWithin, yearPeriod } from '../../../../src/services/records/periods.js';

describe('the weeks of a period (the 统计 page’s trend)', () => {
  it('cuts the first and last ISO weeks of a month to the month and keeps each week’s key', () => {
    const weeks = weeksWithin(monthPeriod(2026, 11), 53);
    expect(weeks.map((w) => `${w.key} ${w.from}~${w.to} ${w.kind}`)).toEqual([
      '2026-W44 2026-11-01~2026-11-01 range',
      '2026-W45 2026-11-02~2026-11-08 week',
      '2026-W46 2026-11-09~2026-11-15 week',
      '2026-W47 2026-11-16~2026-11-22 week',
      '2026-W48 2026-11-23~2026-11-29 week',
      '2026-W49 2026-11-30~2026-11-30 range',
    ]);
  });

  it('keeps only the latest weeks when there are more than asked for, and covers a year without gaps', () => {
    const year = weeksWithin(yearPeriod(2026), 60);
    expect(year[0]).toMatchObject({ key: '2026-W01', from: '2026-01-01', to: '2026-01-04' });
    expect(year.at(-1)).toMatchObject({ key: '2026-W53', from: '2026-12-28', to: '2026-12-31' });
    for (let i = 1; i < year.length; i += 1) expect(year[i]!.from > year[i - 1]!.to).toBe(true);
    const latest = weeksWithin(yearPeriod(2026), 2);
    expect(latest.map((w) => w.key)).toEqual(['2026-W52', '2026-W53']);
  });
});
