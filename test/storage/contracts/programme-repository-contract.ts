import { describe, expect, it } from 'vitest';
import type { ProgrammeRepository } from '../../../src/services/events/event-records.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';

/** What every ProgrammeRepository does; `make` gives an empty one each time. */
export function programmeRepositoryContract(make: () => Promise<ProgrammeRepository>): void {
  describe('a programme repository', () => {
    it('creates a programme, trimmed, and finds it by id', async () => {
      const programmes = await make();
      const created = await programmes.create({ title: ' 2025年界别协商议事月 ', startDate: '2025-09-01', endDate: '2025-09-30' });
      expect(created).toMatchObject({ title: '2025年界别协商议事月', state: 'active', startDate: '2025-09-01', endDate: '2025-09-30' });
      expect(created).not.toHaveProperty('description');
      expect(created.id).toMatch(/^[0-9a-f]{24}$/);
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(await programmes.findById(created.id)).toEqual(created);
      expect(await programmes.findById(UNKNOWN_ID)).toBeNull();
      expect(await programmes.findById('not-an-id')).toBeNull();
    });

    it('lists every programme earliest first, and those covering a date latest start first', async () => {
      const programmes = await make();
      await programmes.create({ title: '十月', startDate: '2025-10-01', endDate: '2025-10-31' });
      await programmes.create({ title: '九月', startDate: '2025-09-01', endDate: '2025-09-30' });
      await programmes.create({ title: '秋季', startDate: '2025-09-15', endDate: '2025-10-15' });
      expect((await programmes.list()).map((p) => p.title)).toEqual(['九月', '秋季', '十月']);
      expect((await programmes.findCovering('2025-09-30')).map((p) => p.title)).toEqual(['秋季', '九月']);
      expect((await programmes.findCovering('2025-09-15')).map((p) => p.title)).toEqual(['秋季', '九月']);
      expect((await programmes.findCovering('2025-10-15')).map((p) => p.title)).toEqual(['十月', '秋季']);
      expect(await programmes.findCovering('2025-11-01')).toEqual([]);
    });

    it('changes the fields given, and clears the description on null', async () => {
      const programmes = await make();
      const created = await programmes.create({ title: '九月', startDate: '2025-09-01', endDate: '2025-09-30', description: '界别协商' });
      expect(created.description).toBe('界别协商');
      const moved = await programmes.update(created.id, { endDate: '2025-10-07' });
      expect(moved).toMatchObject({ title: '九月', startDate: '2025-09-01', endDate: '2025-10-07', description: '界别协商' });
      const described = await programmes.update(created.id, { description: '新的说明' });
      expect(described!.description).toBe('新的说明');
      const cleared = await programmes.update(created.id, { description: null });
      expect(cleared).not.toHaveProperty('description');
      expect(await programmes.findById(created.id)).toEqual(cleared);
      expect(await programmes.update(UNKNOWN_ID, { title: '无' })).toBeNull();
      expect(await programmes.update('not-an-id', { title: '无' })).toBeNull();
    });

    it('keeps a cancelled programme, listed and covering its dates, with its state', async () => {
      const programmes = await make();
      const created = await programmes.create({ title: '九月', startDate: '2025-09-01', endDate: '2025-09-30' });
      const cancelled = await programmes.update(created.id, { state: 'cancelled' });
      expect(cancelled).toMatchObject({ title: '九月', state: 'cancelled', startDate: '2025-09-01', endDate: '2025-09-30' });
      expect(await programmes.findById(created.id)).toEqual(cancelled);
      expect(await programmes.list()).toEqual([cancelled]);
      expect(await programmes.findCovering('2025-09-15')).toEqual([cancelled]);
    });
  });
}
