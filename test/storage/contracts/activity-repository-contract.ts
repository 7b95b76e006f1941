import { describe, expect, it } from 'vitest';
import type { ActivityRepository, NewActivity } from '../../../src/services/records/activity-records.js';

const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const entry = (key: string, minutes: number, extra: Partial<NewActivity> = {}): NewActivity => ({
  key,
  kind: 'shift-served',
  at: at(minutes),
  memberId: 'm1',
  subjectId: `subject-${key}`,
  ...extra,
});

/** What every ActivityRepository (the append-only ledger) does; `make` gives an empty one each time. */
export function activityRepositoryContract(make: () => Promise<ActivityRepository>): void {
  describe('an activity ledger', () => {
    it('appends an entry once per key: a retried fact writes nothing more', async () => {
      const ledger = await make();
      expect(await ledger.append(entry('shift-served:s1', 0), at(0))).toBe(true);
      expect(await ledger.append(entry('shift-served:s1', 5, { memberId: 'm2' }), at(5))).toBe(false);
      const all = await ledger.listBetween(at(-60), at(60));
      expect(all).toHaveLength(1);
      expect(all[0]).toEqual({ ...entry('shift-served:s1', 0), id: all[0]!.id });
      expect(all[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    });

    it('keeps the optional facts given and no others', async () => {
      const ledger = await make();
      const resolved = entry('opinion-resolved:o1:0', 0, {
        kind: 'opinion-resolved',
        ref: 'MY-2026-000001',
        community: '青石社区',
        onTime: false,
        onSpot: true,
        withinDay: true,
      });
      await ledger.append(resolved, at(0));
      await ledger.append({ key: 'opinion-rated:o1', kind: 'opinion-rated', at: at(1), subjectId: 'o1', rating: 'satisfied' }, at(1));
      const [first, second] = await ledger.listBetween(at(0), at(2));
      expect(first).toEqual({ ...resolved, id: first!.id });
      expect(second).toEqual({
        key: 'opinion-rated:o1',
        kind: 'opinion-rated',
        at: at(1),
        subjectId: 'o1',
        rating: 'satisfied',
        id: second!.id,
      });
      expect(second).not.toHaveProperty('memberId');
      expect(second).not.toHaveProperty('createdAt');
    });

    it('lists entries with from ≤ at < to, oldest first, those of one instant in the order written', async () => {
      const ledger = await make();
      await ledger.append(entry('c', 10), at(10));
      await ledger.append(entry('a', 0), at(0));
      await ledger.append(entry('b2', 5), at(5));
      await ledger.append(entry('b1', 5), at(5));
      await ledger.append(entry('d', 20), at(20));
      expect((await ledger.listBetween(at(0), at(20))).map((e) => e.key)).toEqual(['a', 'b2', 'b1', 'c']);
      expect((await ledger.listBetween(at(1), at(21))).map((e) => e.key)).toEqual(['b2', 'b1', 'c', 'd']);
      expect(await ledger.listBetween(at(30), at(40))).toEqual([]);
    });

    it('lists one member’s entries or some kinds only', async () => {
      const ledger = await make();
      await ledger.append(entry('s1', 0), at(0));
      await ledger.append(entry('s2', 1, { memberId: 'm2' }), at(1));
      await ledger.append(entry('e1', 2, { kind: 'event-attended' }), at(2));
      await ledger.append(entry('p1', 3, { kind: 'proposal-cosigned', memberId: 'm2' }), at(3));
      const keys = async (filter: { memberId?: string; kinds?: NewActivity['kind'][] }) =>
        (await ledger.listBetween(at(0), at(10), filter)).map((e) => e.key);
      expect(await keys({ memberId: 'm1' })).toEqual(['s1', 'e1']);
      expect(await keys({ kinds: ['event-attended', 'proposal-cosigned'] })).toEqual(['e1', 'p1']);
      expect(await keys({ memberId: 'm2', kinds: ['shift-served'] })).toEqual(['s2']);
      expect(await keys({ kinds: [] })).toEqual([]);
    });
  });
}
