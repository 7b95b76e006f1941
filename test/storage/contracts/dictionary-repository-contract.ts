import { describe, expect, it } from 'vitest';
import type { DictionaryRepository } from '../../../src/services/opinions/dictionary-records.js';

/** Every store refuses a duplicate unique value with the same domain error (core/errors.ts DuplicateRecordError). */
const DUPLICATE = { name: 'DuplicateRecordError', code: 'duplicate_record', status: 409 };

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';

/** What every keyword dictionary (communities, categories) does; `make` gives an empty one each time. */
export function dictionaryRepositoryContract(make: () => Promise<DictionaryRepository>): void {
  describe('a keyword dictionary', () => {
    it('creates entries, trimmed, with no keywords unless given, and lists them by name', async () => {
      const dictionary = await make();
      const qingshi = await dictionary.create({ name: ' 青石社区 ', keywords: ['青石', '青石街'], code: ' qs01 ' });
      await dictionary.create({ name: '东门社区' });
      expect(qingshi).toMatchObject({ name: '青石社区', keywords: ['青石', '青石街'], code: 'qs01' });
      expect(qingshi.id).toMatch(/^[0-9a-f]{24}$/);
      const all = await dictionary.list();
      expect(all.map((e) => e.name)).toEqual(['东门社区', '青石社区'].sort());
      const dongmen = all.find((e) => e.name === '东门社区')!;
      expect(dongmen.keywords).toEqual([]);
      expect(dongmen).not.toHaveProperty('code');
    });

    it('finds an entry by id and by exact name; null when there is none', async () => {
      const dictionary = await make();
      const created = await dictionary.create({ name: '环境卫生', keywords: ['垃圾'] });
      expect(await dictionary.findById(created.id)).toEqual(created);
      expect(await dictionary.findByName('环境卫生')).toEqual(created);
      expect(await dictionary.findByName('环境')).toBeNull();
      expect(await dictionary.findById(UNKNOWN_ID)).toBeNull();
      expect(await dictionary.findById('环境卫生')).toBeNull();
    });

    it('refuses a second entry with the same name or QR code, with the one DuplicateRecordError', async () => {
      const dictionary = await make();
      await dictionary.create({ name: '青石社区', code: 'qs01' });
      await expect(dictionary.create({ name: '青石社区' })).rejects.toMatchObject(DUPLICATE);
      await expect(dictionary.create({ name: '青石新村', code: 'qs01' })).rejects.toMatchObject(DUPLICATE);
      const other = await dictionary.create({ name: '东门社区' });
      await dictionary.create({ name: '西门社区' });
      // FerretDB v1 reports a unique index broken by an update as InternalError (code 1); the store
      // still raises the same DuplicateRecordError.
      await expect(dictionary.update(other.id, { name: '青石社区' })).rejects.toMatchObject({ ...DUPLICATE, field: 'name' });
      expect((await dictionary.findById(other.id))?.name).toBe('东门社区');
      expect((await dictionary.list()).length).toBe(3);
    });

    it('updates the given fields and answers null for an unknown id', async () => {
      const dictionary = await make();
      const created = await dictionary.create({ name: '交通出行', keywords: ['公交'] });
      const updated = await dictionary.update(created.id, { keywords: ['公交', '红绿灯'] });
      expect(updated).toMatchObject({ id: created.id, name: '交通出行', keywords: ['公交', '红绿灯'] });
      expect(await dictionary.findById(created.id)).toEqual(updated);
      expect(await dictionary.update(UNKNOWN_ID, { name: 'x' })).toBeNull();
      expect(await dictionary.update('nope', { name: 'x' })).toBeNull();
    });

    it('removes an entry once', async () => {
      const dictionary = await make();
      const created = await dictionary.create({ name: '物业管理' });
      expect(await dictionary.remove(created.id)).toBe(true);
      expect(await dictionary.remove(created.id)).toBe(false);
      expect(await dictionary.remove('nope')).toBe(false);
      expect(await dictionary.list()).toEqual([]);
    });
  });
}
