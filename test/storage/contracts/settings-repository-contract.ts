import { describe, expect, it } from 'vitest';
import type { SettingsRepository } from '../../../src/services/settings-records.js';

/** What every SettingsRepository does; `make` gives an empty one each time. */
export function settingsRepositoryContract(make: () => Promise<SettingsRepository>): void {
  describe('a settings repository', () => {
    const now = new Date('2026-03-05T02:00:00Z');

    it('answers null for a setting never set', async () => {
      expect(await (await make()).get('opinion-time-limits')).toBeNull();
    });

    it('keeps the last value set under each key', async () => {
      const settings = await make();
      await settings.set('opinion-time-limits', { simple: 3, general: 7, complex: 15 }, now);
      await settings.set('duty-reminder-time', '08:00', now);
      await settings.set('opinion-time-limits', { simple: 2, general: 5, complex: 10 }, now);
      expect(await settings.get('opinion-time-limits')).toEqual({ simple: 2, general: 5, complex: 10 });
      expect(await settings.get('duty-reminder-time')).toBe('08:00');
    });

    it('keeps nested values, arrays and numbers as they were', async () => {
      const settings = await make();
      const value = { levels: [50, 100, 150], names: ['甲', '乙'], nested: { on: true, count: 0 } };
      await settings.set('ladder', value, now);
      expect(await settings.get('ladder')).toEqual(value);
    });

    it('is not changed by changing a value after setting it', async () => {
      const settings = await make();
      const value = { days: [1, 2] };
      await settings.set('days', value, now);
      value.days.push(3);
      expect(await settings.get('days')).toEqual({ days: [1, 2] });
    });
  });
}
