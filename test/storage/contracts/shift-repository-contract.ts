import { describe, expect, it } from 'vitest';
import type { NewShift, ShiftRepository } from '../../../src/services/roster/shift-records.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';
const at = new Date('2026-03-05T02:00:00Z');
const shift = (date: string, slot: NewShift['slot'], memberId: string): NewShift => ({ date, slot, memberId, place: '委员之家' });
const keys = (shifts: { date: string; slot: string }[]) => shifts.map((s) => `${s.date} ${s.slot}`);

/** What every ShiftRepository does; `make` gives an empty one each time. */
export function shiftRepositoryContract(make: () => Promise<ShiftRepository>): void {
  describe('a shift repository', () => {
    it('plans shifts and lists a range by date, then 全天, 上午, 下午', async () => {
      const shifts = await make();
      const created = await shifts.replaceInRange(
        '2026-03-02',
        '2026-03-08',
        ['planned'],
        [
          shift('2026-03-03', '下午', 'm2'),
          shift('2026-03-03', '上午', 'm1'),
          shift('2026-03-02', '全天', 'm3'),
          shift('2026-03-09', '全天', 'm4'),
        ],
      );
      expect(created).toHaveLength(4);
      expect(created[0]).toMatchObject({
        date: '2026-03-03',
        slot: '下午',
        memberId: 'm2',
        place: '委员之家',
        state: 'planned',
        history: [],
      });
      expect(created[0]!.id).toMatch(/^[0-9a-f]{24}$/);
      expect(created[0]!.createdAt).toBeInstanceOf(Date);
      expect(keys(await shifts.listRange('2026-03-02', '2026-03-08'))).toEqual(['2026-03-02 全天', '2026-03-03 上午', '2026-03-03 下午']);
      expect(await shifts.findById(created[1]!.id)).toEqual(created[1]);
      expect(await shifts.findById(UNKNOWN_ID)).toBeNull();
      expect(await shifts.findById('not-an-id')).toBeNull();
    });

    it('refuses two shifts in one slot of one day, with the duplicate-key error', async () => {
      const shifts = await make();
      await shifts.replaceInRange('2026-03-02', '2026-03-02', ['planned'], [shift('2026-03-02', '上午', 'm1')]);
      await expect(
        shifts.replaceInRange('2026-03-03', '2026-03-03', ['planned'], [shift('2026-03-02', '上午', 'm2')]),
      ).rejects.toMatchObject({
        code: 11000,
      });
      expect((await shifts.listRange('2026-03-02', '2026-03-02')).map((s) => s.memberId)).toEqual(['m1']);
    });

    it('replaces only the range’s shifts in the given states', async () => {
      const shifts = await make();
      const [served, , outside] = await shifts.replaceInRange(
        '2026-03-02',
        '2026-03-09',
        ['planned'],
        [shift('2026-03-02', '全天', 'm1'), shift('2026-03-03', '全天', 'm2'), shift('2026-03-09', '全天', 'm3')],
      );
      await shifts.transition(served!.id, ['planned'], 'served', { servedAt: at });
      const replaced = await shifts.replaceInRange('2026-03-02', '2026-03-08', ['planned', 'swapped'], [shift('2026-03-03', '全天', 'm5')]);
      expect(replaced.map((s) => s.memberId)).toEqual(['m5']);
      const all = await shifts.listRange('2026-03-01', '2026-03-31');
      expect(all.map((s) => `${s.date} ${s.memberId} ${s.state}`)).toEqual([
        '2026-03-02 m1 served',
        '2026-03-03 m5 planned',
        '2026-03-09 m3 planned',
      ]);
      expect(all[2]!.id).toBe(outside!.id);
      expect(await shifts.replaceInRange('2026-04-01', '2026-04-30', ['planned'], [])).toEqual([]);
    });

    it('lists a member’s shifts from a date, earliest first, up to a limit', async () => {
      const shifts = await make();
      await shifts.replaceInRange(
        '2026-03-01',
        '2026-03-31',
        ['planned'],
        [
          shift('2026-03-06', '下午', 'm1'),
          shift('2026-03-06', '上午', 'm1'),
          shift('2026-03-02', '全天', 'm1'),
          shift('2026-03-04', '全天', 'm2'),
          shift('2026-03-09', '全天', 'm1'),
          shift('2026-03-01', '全天', 'm1'),
        ],
      );
      expect(keys(await shifts.listForMember('m1', '2026-03-02', 3))).toEqual(['2026-03-02 全天', '2026-03-06 上午', '2026-03-06 下午']);
      expect(keys(await shifts.listForMember('m2', '2026-03-05', 3))).toEqual([]);
    });

    it('finds the latest shift before a date, the later slot of a day last', async () => {
      const shifts = await make();
      expect(await shifts.latestBefore('2026-03-05')).toBeNull();
      await shifts.replaceInRange(
        '2026-03-01',
        '2026-03-31',
        ['planned'],
        [
          shift('2026-03-02', '全天', 'm1'),
          shift('2026-03-04', '下午', 'm2'),
          shift('2026-03-04', '上午', 'm3'),
          shift('2026-03-05', '全天', 'm4'),
        ],
      );
      expect(await shifts.latestBefore('2026-03-05')).toMatchObject({ date: '2026-03-04', slot: '下午', memberId: 'm2' });
    });

    it('lists open (planned or swapped) shifts up to a date', async () => {
      const shifts = await make();
      const [a, b, c] = await shifts.replaceInRange(
        '2026-03-01',
        '2026-03-31',
        ['planned'],
        [
          shift('2026-03-02', '全天', 'm1'),
          shift('2026-03-03', '全天', 'm2'),
          shift('2026-03-04', '全天', 'm3'),
          shift('2026-03-06', '全天', 'm4'),
        ],
      );
      await shifts.transition(a!.id, ['planned'], 'missed', { missedAt: at });
      await shifts.reassign(b!.id, {
        toMemberId: 'm9',
        state: 'swapped',
        entry: { at, kind: 'swap', fromMemberId: 'm2', toMemberId: 'm9' },
      });
      expect((await shifts.listOpenUntil('2026-03-05')).map((s) => s.id)).toEqual([b!.id, c!.id]);
    });

    it('moves a shift between states only from the states given, and keeps the time', async () => {
      const shifts = await make();
      const [planned] = await shifts.replaceInRange('2026-03-02', '2026-03-02', ['planned'], [shift('2026-03-02', '全天', 'm1')]);
      const served = await shifts.transition(planned!.id, ['planned', 'swapped'], 'served', { servedAt: at });
      expect(served).toMatchObject({ state: 'served', servedAt: at });
      expect(served).not.toHaveProperty('missedAt');
      // The second of two racing acts loses.
      expect(await shifts.transition(planned!.id, ['planned', 'swapped'], 'missed', { missedAt: at })).toBeNull();
      expect(await shifts.findById(planned!.id)).toMatchObject({ state: 'served' });
      expect(await shifts.transition(UNKNOWN_ID, ['planned'], 'served')).toBeNull();
      expect(await shifts.transition('not-an-id', ['planned'], 'served')).toBeNull();
    });

    it('hands a shift over only while open and, when asked, only from the expected member; history grows', async () => {
      const shifts = await make();
      const [open] = await shifts.replaceInRange('2026-03-02', '2026-03-02', ['planned'], [shift('2026-03-02', '全天', 'm1')]);
      const swap = { at, kind: 'swap' as const, fromMemberId: 'm1', toMemberId: 'm2' };
      expect(await shifts.reassign(open!.id, { expectedMemberId: 'm3', toMemberId: 'm2', state: 'swapped', entry: swap })).toBeNull();
      const swapped = await shifts.reassign(open!.id, { expectedMemberId: 'm1', toMemberId: 'm2', state: 'swapped', entry: swap });
      expect(swapped).toMatchObject({ memberId: 'm2', state: 'swapped', history: [swap] });
      const again = { at, kind: 'reassign' as const, fromMemberId: 'm2', toMemberId: 'm3', byMemberId: 's1' };
      const reassigned = await shifts.reassign(open!.id, { toMemberId: 'm3', state: 'swapped', entry: again });
      expect(reassigned!.history).toEqual([swap, again]);
      await shifts.transition(open!.id, ['swapped'], 'served', { servedAt: at });
      expect(await shifts.reassign(open!.id, { toMemberId: 'm4', state: 'swapped', entry: swap })).toBeNull();
      expect(await shifts.reassign(UNKNOWN_ID, { toMemberId: 'm4', state: 'swapped', entry: swap })).toBeNull();
    });

    it('is not changed by changing a record it returned', async () => {
      const shifts = await make();
      const [created] = await shifts.replaceInRange('2026-03-02', '2026-03-02', ['planned'], [shift('2026-03-02', '全天', 'm1')]);
      created!.memberId = 'm9';
      created!.history.push({ at, kind: 'swap', fromMemberId: 'm1', toMemberId: 'm9' });
      expect(await shifts.findById(created!.id)).toMatchObject({ memberId: 'm1', history: [] });
    });
  });
}
