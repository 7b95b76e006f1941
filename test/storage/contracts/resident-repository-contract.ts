import { describe, expect, it } from 'vitest';
import type { Address } from '../../../src/platforms/types.js';
import type { ResidentRepository } from '../../../src/services/residents/resident-records.js';

/** Waits until the wall clock has moved on, so the next change gets a later `updatedAt`. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() <= start) await new Promise((resolve) => setImmediate(resolve));
}

const consoleAddress = (name: string): Address => ({ platform: 'console', kind: 'user', id: `resident:${name}` });

/** What every resident store does; `make` gives an empty one each time. */
export function residentRepositoryContract(make: () => Promise<ResidentRepository>): void {
  describe('a resident repository', () => {
    it('creates a resident on first contact and finds the same one after', async () => {
      const residents = await make();
      const first = await residents.findOrCreate('console:王阿姨', consoleAddress('王阿姨'));
      expect(first).toMatchObject({ identityKey: 'console:王阿姨', address: consoleAddress('王阿姨') });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      expect(first.name).toBeUndefined();
      const again = await residents.findOrCreate('console:王阿姨', consoleAddress('王阿姨'));
      expect(again.id).toBe(first.id);
      const [one, two] = await Promise.all([
        residents.findOrCreate('console:李大爷', consoleAddress('李大爷')),
        residents.findOrCreate('console:李大爷', consoleAddress('李大爷')),
      ]);
      expect(one.id).toBe(two.id);
      expect(await residents.findById(first.id)).toMatchObject({ identityKey: 'console:王阿姨' });
      expect(await residents.findById('not-an-id')).toBeNull();
      expect(await residents.findById('65f000000000000000000001')).toBeNull();
    });

    it('finds many at once, leaving out unknown and malformed ids', async () => {
      const residents = await make();
      const a = await residents.findOrCreate('console:a', consoleAddress('a'));
      const b = await residents.findOrCreate('console:b', consoleAddress('b'));
      const found = await residents.findByIds([b.id, 'nonsense', '65f000000000000000000001', a.id]);
      expect(found.map((r) => r.identityKey).sort()).toEqual(['console:a', 'console:b']);
      expect(await residents.findByIds([])).toEqual([]);
    });

    it('keeps a contact, lists those who have one oldest change first, and erases it', async () => {
      const residents = await make();
      const a = await residents.findOrCreate('console:a', consoleAddress('a'));
      const b = await residents.findOrCreate('console:b', consoleAddress('b'));
      await residents.findOrCreate('console:c', consoleAddress('c'));
      expect(await residents.updateContact(a.id, { name: '王阿姨' })).toMatchObject({ name: '王阿姨' });
      await nextMillisecond();
      const withPhone = await residents.updateContact(b.id, { phone: '13812345678' });
      expect(withPhone).toMatchObject({ phone: '13812345678' });
      expect(withPhone!.name).toBeUndefined();
      await nextMillisecond();
      expect(await residents.updateContact(a.id, { phone: '13900000000' })).toMatchObject({ name: '王阿姨', phone: '13900000000' });
      expect(await residents.updateContact('65f000000000000000000001', { name: 'x' })).toBeNull();

      expect((await residents.listWithContact()).map((r) => r.identityKey)).toEqual(['console:b', 'console:a']);
      expect((await residents.listWithContact(1)).map((r) => r.identityKey)).toEqual(['console:b']);

      await residents.eraseContact(a.id);
      const erased = await residents.findById(a.id);
      expect(erased).toMatchObject({ identityKey: 'console:a' });
      expect(erased!.name).toBeUndefined();
      expect(erased!.phone).toBeUndefined();
      expect((await residents.listWithContact()).map((r) => r.identityKey)).toEqual(['console:b']);
    });

    it('forgets who a resident is on erasure; the same account later starts a new resident', async () => {
      const residents = await make();
      const a = await residents.findOrCreate('console:a', consoleAddress('a'));
      await residents.updateContact(a.id, { name: '王阿姨', phone: '13812345678' });
      const b = await residents.findOrCreate('console:b', consoleAddress('b'));
      await residents.forgetIdentity(a.id);
      const forgotten = await residents.findById(a.id);
      expect(forgotten).toMatchObject({ id: a.id, identityKey: `erased:${a.id}` });
      for (const field of ['name', 'phone', 'address'] as const) expect(forgotten![field]).toBeUndefined();
      const again = await residents.findOrCreate('console:a', consoleAddress('a'));
      expect(again.id).not.toBe(a.id);
      expect(await residents.findById(b.id)).toMatchObject({ identityKey: 'console:b', address: consoleAddress('b') });
      await residents.forgetIdentity('65f000000000000000000001');
      await residents.forgetIdentity('not-an-id');
    });
  });
}
