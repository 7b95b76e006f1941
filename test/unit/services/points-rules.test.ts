import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../../src/services/records/activity-records.js';
import { DEFAULT_POINTS_RULES, scorePoints } from '../../../src/services/points/points-rules.js';

let seq = 0;
const entry = (kind: ActivityRecord['kind'], extra: Partial<ActivityRecord> = {}): ActivityRecord => ({
  id: String(++seq),
  key: `k${seq}`,
  kind,
  at: new Date(Date.UTC(2026, 10, 1, 0, seq)),
  memberId: 'm1',
  subjectId: `s${seq}`,
  ...extra,
});

describe('履职积分 from ledger entries', () => {
  it('counts an opinion resolved on time once, by its last resolution, and ignores kinds that score nothing', () => {
    const sheet = scorePoints(
      [
        entry('opinion-resolved', { subjectId: 'o1', onTime: false, ref: 'MY-2026-000001' }),
        entry('opinion-resolved', { subjectId: 'o1', onTime: true, ref: 'MY-2026-000001' }),
        entry('opinion-resolved', { subjectId: 'o2', onTime: true, ref: 'MY-2026-000002' }),
        entry('opinion-resolved', { subjectId: 'o3', onTime: true, ref: 'MY-2026-000003' }),
        entry('opinion-resolved', { subjectId: 'o3', onTime: false, ref: 'MY-2026-000003' }),
        entry('opinion-accepted'),
        entry('opinion-rated', { rating: 'satisfied' }),
      ],
      DEFAULT_POINTS_RULES,
    );
    const onTime = sheet.lines.find((line) => line.kind === 'opinion-resolved-on-time')!;
    expect(onTime.items.map((item) => item.ref)).toEqual(['MY-2026-000001', 'MY-2026-000002']);
    expect(onTime.points).toBe(4);
    expect(sheet.total).toBe(4);
  });

  it('caps a kind at its cap, says so, and keeps every item behind it', () => {
    const shifts = Array.from({ length: 13 }, () => entry('shift-served'));
    const line = scorePoints(shifts, DEFAULT_POINTS_RULES).lines.find((l) => l.kind === 'shift-served')!;
    expect(line).toMatchObject({ count: 13, each: 2, points: 24, capped: true });
    expect(line.items).toHaveLength(13);
    const twelve = scorePoints(shifts.slice(0, 12), DEFAULT_POINTS_RULES).lines.find((l) => l.kind === 'shift-served')!;
    expect(twelve).toMatchObject({ points: 24, capped: false });
  });

  it('checks the yearly minimum: met at the required count, not below it', () => {
    const events = (n: number) => Array.from({ length: n }, () => entry('event-attended'));
    const minimumOf = (n: number) => scorePoints(events(n), DEFAULT_POINTS_RULES).minimums.find((m) => m.kind === 'event-attended')!;
    expect(minimumOf(2)).toEqual({ kind: 'event-attended', count: 2, required: 3, met: false });
    expect(minimumOf(3)).toEqual({ kind: 'event-attended', count: 3, required: 3, met: true });
  });

  it('scores with no cap when a rule has none, and nothing for a kind the rules leave out', () => {
    const rules = { rules: [{ kind: 'proposal-submitted' as const, points: 3 }], minimums: [] };
    const sheet = scorePoints([...Array.from({ length: 40 }, () => entry('proposal-submitted')), entry('shift-served')], rules);
    expect(sheet.total).toBe(120);
    expect(sheet.lines).toHaveLength(1);
  });
});
