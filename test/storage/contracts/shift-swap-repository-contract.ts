import { describe, expect, it } from 'vitest';
import type { ShiftSwapRecord, ShiftSwapRepository } from '../../../src/services/roster/shift-records.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';
const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const request = (shiftId: string, toMemberId: string, minutes: number): Omit<ShiftSwapRecord, 'id' | 'state' | 'answeredAt'> => ({
  shiftId,
  date: '2026-03-06',
  slot: '全天',
  fromMemberId: 'm1',
  toMemberId,
  createdAt: at(minutes),
});

/** What every ShiftSwapRepository does; `make` gives an empty one each time. */
export function shiftSwapRepositoryContract(make: () => Promise<ShiftSwapRepository>): void {
  describe('a shift swap repository', () => {
    it('opens a pending request and finds it by its shift', async () => {
      const swaps = await make();
      const opened = await swaps.open(request('shift-1', 'm2', 0));
      expect(opened).toMatchObject({ ...request('shift-1', 'm2', 0), state: 'pending' });
      expect(opened!.id).toMatch(/^[0-9a-f]{24}$/);
      expect(opened).not.toHaveProperty('answeredAt');
      expect(await swaps.findPendingForShift('shift-1')).toEqual(opened);
      expect(await swaps.findPendingForShift('shift-2')).toBeNull();
    });

    it('keeps one pending request per shift, and allows a new one once it is answered', async () => {
      const swaps = await make();
      const first = await swaps.open(request('shift-1', 'm2', 0));
      expect(await swaps.open(request('shift-1', 'm3', 1))).toBeNull();
      expect(await swaps.open(request('shift-2', 'm3', 1))).not.toBeNull();
      await swaps.close(first!.id, 'refused', at(2));
      const second = await swaps.open(request('shift-1', 'm3', 3));
      expect(second).toMatchObject({ toMemberId: 'm3', state: 'pending' });
      expect(await swaps.findPendingForShift('shift-1')).toEqual(second);
    });

    it('lists the requests waiting for a member, oldest first', async () => {
      const swaps = await make();
      await swaps.open(request('shift-3', 'm2', 5));
      const answered = await swaps.open(request('shift-2', 'm2', 1));
      await swaps.open(request('shift-1', 'm2', 3));
      await swaps.open(request('shift-4', 'm3', 0));
      await swaps.close(answered!.id, 'agreed', at(6));
      expect((await swaps.listPendingFor('m2')).map((s) => s.shiftId)).toEqual(['shift-1', 'shift-3']);
      expect(await swaps.listPendingFor('m9')).toEqual([]);
    });

    it('closes a request once: the second answer gets null', async () => {
      const swaps = await make();
      const opened = await swaps.open(request('shift-1', 'm2', 0));
      const agreed = await swaps.close(opened!.id, 'agreed', at(1));
      expect(agreed).toMatchObject({ id: opened!.id, state: 'agreed', answeredAt: at(1) });
      expect(agreed).not.toHaveProperty('openShiftId');
      expect(await swaps.close(opened!.id, 'void', at(2))).toBeNull();
      expect(await swaps.findPendingForShift('shift-1')).toBeNull();
      expect(await swaps.close(UNKNOWN_ID, 'void', at(2))).toBeNull();
      expect(await swaps.close('not-an-id', 'void', at(2))).toBeNull();
    });

    it('lists the requests of a period in every state, by date then oldest first, up to the limit', async () => {
      const swaps = await make();
      const onDay = (shiftId: string, date: string, minutes: number) => ({ ...request(shiftId, 'm2', minutes), date });
      const refused = await swaps.open(onDay('shift-1', '2026-03-06', 4));
      await swaps.close(refused!.id, 'refused', at(5));
      await swaps.open(onDay('shift-2', '2026-03-06', 1));
      await swaps.open(onDay('shift-3', '2026-03-02', 9));
      await swaps.open(onDay('shift-4', '2026-04-01', 0));
      const listed = await swaps.listRange('2026-03-01', '2026-03-31', 10);
      expect(listed.map((s) => [s.shiftId, s.state])).toEqual([
        ['shift-3', 'pending'],
        ['shift-2', 'pending'],
        ['shift-1', 'refused'],
      ]);
      expect(await swaps.listRange('2026-03-01', '2026-03-31', 1)).toHaveLength(1);
    });
  });
}
