import { describe, expect, it } from 'vitest';
import type { KfStores } from '../../../src/services/residents/kf-channel-stores.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';
const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const alice = { openKfId: 'wkA', externalUserId: 'wmAlice' };
const bob = { openKfId: 'wkA', externalUserId: 'wmBob' };
const notice = (key: string, minutes: number, customer = alice) => ({
  ...customer,
  text: `通知 ${key}`,
  key,
  heldAt: at(minutes),
  reason: 'window',
});

/** What every set of 微信客服 stores does; `make` gives empty ones each time. */
export function kfStoresContract(make: () => Promise<KfStores>): void {
  describe('the 微信客服 stores', () => {
    it('keep the last sync cursor per account', async () => {
      const { cursors } = await make();
      expect(await cursors.get('wkA')).toBeUndefined();
      await cursors.set('wkA', 'C1', at(0));
      await cursors.set('wkB', 'X1', at(0));
      await cursors.set('wkA', 'C2', at(1));
      expect([await cursors.get('wkA'), await cursors.get('wkB')]).toEqual(['C2', 'X1']);
    });

    it('allow up to the limit of sends after the customer wrote, and none before or after', async () => {
      const { customers } = await make();
      expect(await customers.takeSlot(alice, at(-60), 5)).toBe(false);
      await customers.customerWrote(alice, at(0));
      const taken = [];
      for (let i = 0; i < 4; i++) taken.push(await customers.takeSlot(alice, at(-60), 3));
      expect(taken).toEqual([true, true, true, false]);
      // The window is measured from the customer's message.
      await customers.customerWrote(bob, at(0));
      expect(await customers.takeSlot(bob, at(0), 5)).toBe(false);
      expect(await customers.takeSlot(bob, at(-1), 5)).toBe(true);
    });

    it('start the allowance over on a newer message, never on an older one', async () => {
      const { customers } = await make();
      await customers.customerWrote(alice, at(10));
      expect(await customers.takeSlot(alice, at(0), 1)).toBe(true);
      expect(await customers.takeSlot(alice, at(0), 1)).toBe(false);
      await customers.customerWrote(alice, at(5)); // a late-synced older message
      expect(await customers.takeSlot(alice, at(0), 1)).toBe(false);
      await customers.customerWrote(alice, at(10)); // the same message again
      expect(await customers.takeSlot(alice, at(0), 1)).toBe(true);
      await customers.customerWrote(alice, at(20));
      expect(await customers.takeSlot(alice, at(15), 1)).toBe(true);
    });

    it('give a refused send back, but not below none, and use the allowance up when WeCom says so', async () => {
      const { customers } = await make();
      await customers.customerWrote(alice, at(0));
      await customers.giveBackSlot(alice); // nothing taken: stays at none
      expect(await customers.takeSlot(alice, at(-1), 1)).toBe(true);
      expect(await customers.takeSlot(alice, at(-1), 1)).toBe(false);
      await customers.giveBackSlot(alice);
      expect(await customers.takeSlot(alice, at(-1), 1)).toBe(true);
      await customers.customerWrote(bob, at(0));
      await customers.exhaust(bob, 5);
      expect(await customers.takeSlot(bob, at(-1), 5)).toBe(false);
      await customers.customerWrote(bob, at(1));
      expect(await customers.takeSlot(bob, at(-1), 5)).toBe(true);
    });

    it('remember the QR scene, before or after the customer writes, without touching the allowance', async () => {
      const { customers } = await make();
      expect(await customers.sceneOf(alice)).toBeUndefined();
      await customers.setScene(alice, 'qs01', at(0));
      expect(await customers.takeSlot(alice, at(-1), 5)).toBe(false);
      await customers.customerWrote(alice, at(1));
      expect(await customers.takeSlot(alice, at(0), 5)).toBe(true);
      await customers.setScene(alice, 'qs02', at(2));
      expect(await customers.sceneOf(alice)).toBe('qs02');
      expect(await customers.takeSlot(alice, at(0), 2)).toBe(true);
      expect(await customers.takeSlot(alice, at(0), 2)).toBe(false);
      expect(await customers.sceneOf(bob)).toBeUndefined();
    });

    it('hold a notice once per key and list a customer’s held notices oldest first', async () => {
      const { held } = await make();
      await held.hold(notice('n2', 2));
      await held.hold(notice('n1', 1));
      await held.hold({ ...notice('n1', 3), text: '重复' });
      await held.hold(notice('n3', 0, bob));
      const waiting = await held.listHeld(alice);
      expect(waiting.map((n) => n.key)).toEqual(['n1', 'n2']);
      expect(waiting[0]).toEqual({ ...notice('n1', 1), id: waiting[0]!.id });
      expect(waiting[0]!.id).toMatch(/^[0-9a-f]{24}$/);
      await held.markSent([waiting[0]!.id], at(5));
      expect((await held.listHeld(alice)).map((n) => n.key)).toEqual(['n2']);
      // A sent notice is not held again under its key.
      await held.hold(notice('n1', 6));
      expect((await held.listHeld(alice)).map((n) => n.key)).toEqual(['n2']);
    });

    it('list held notices the staff group has not heard of, up to a cutoff, once', async () => {
      const { held } = await make();
      await held.hold(notice('n3', 30));
      await held.hold(notice('n1', 10));
      await held.hold(notice('n2', 20, bob));
      await held.hold(notice('n4', 40));
      const unreported = await held.listUnreported(at(30));
      expect(unreported.map((n) => n.key)).toEqual(['n1', 'n2', 'n3']);
      expect((await held.listUnreported(at(30), 2)).map((n) => n.key)).toEqual(['n1', 'n2']);
      await held.markReported(unreported[0]!.id, at(31));
      await held.markSent([unreported[1]!.id], at(31));
      expect((await held.listUnreported(at(60))).map((n) => n.key)).toEqual(['n3', 'n4']);
    });

    it('keep one contact link per account and scene', async () => {
      const { contactWays } = await make();
      expect(await contactWays.find('wkA', 'qs01')).toBeNull();
      await contactWays.save({ openKfId: 'wkA', scene: 'qs01', url: 'https://work.weixin.qq.com/kfid/1', createdAt: at(0) });
      await contactWays.save({ openKfId: 'wkA', scene: 'qs02', url: 'https://work.weixin.qq.com/kfid/2', createdAt: at(1) });
      await contactWays.save({ openKfId: 'wkA', scene: 'qs01', url: 'https://work.weixin.qq.com/kfid/3', createdAt: at(2) });
      expect(await contactWays.find('wkA', 'qs01')).toEqual({
        openKfId: 'wkA',
        scene: 'qs01',
        url: 'https://work.weixin.qq.com/kfid/3',
        createdAt: at(2),
      });
      expect((await contactWays.find('wkA', 'qs02'))!.url).toBe('https://work.weixin.qq.com/kfid/2');
      expect(await contactWays.find('wkB', 'qs01')).toBeNull();
    });

    it('list an opinion’s photos in the order they came, waiting until kept', async () => {
      const { photos } = await make();
      await photos.add([]);
      await photos.add([
        { opinionNumber: 'MY-2026-000001', residentId: 'r1', mediaId: 'media-2', receivedAt: at(2) },
        { opinionNumber: 'MY-2026-000001', residentId: 'r1', mediaId: 'media-1', receivedAt: at(1) },
        { opinionNumber: 'MY-2026-000002', residentId: 'r2', mediaId: 'media-3', receivedAt: at(0) },
      ]);
      const listed = await photos.listFor('MY-2026-000001');
      expect(listed.map((p) => p.mediaId)).toEqual(['media-1', 'media-2']);
      expect(listed[0]).toEqual({
        id: listed[0]!.id,
        opinionNumber: 'MY-2026-000001',
        residentId: 'r1',
        mediaId: 'media-1',
        receivedAt: at(1),
        state: 'waiting',
        attempts: 0,
      });
      expect(await photos.listFor('MY-2026-000009')).toEqual([]);
    });

    it('keep a photo’s bytes and give them back; a kept photo no longer waits', async () => {
      const { photos } = await make();
      await photos.add([{ opinionNumber: 'MY-2026-000001', residentId: 'r1', mediaId: 'media-1', receivedAt: at(0) }]);
      const [photo] = await photos.listFor('MY-2026-000001');
      expect(await photos.file(photo!.id)).toBeNull();
      await photos.noteFailure(photo!.id, 'timeout', false);
      await photos.keep(photo!.id, { bytes: Buffer.from('JPEG-bytes'), contentType: 'image/jpeg' }, at(5));
      const [kept] = await photos.listFor('MY-2026-000001');
      expect(kept).toMatchObject({ state: 'kept', contentType: 'image/jpeg', size: 10, keptAt: at(5), attempts: 1 });
      expect(kept).not.toHaveProperty('lastError');
      const file = await photos.file(photo!.id);
      expect(file!.contentType).toBe('image/jpeg');
      expect(file!.bytes.toString()).toBe('JPEG-bytes');
      expect(await photos.listWaiting(at(-60), 10)).toEqual([]);
      expect(await photos.file(UNKNOWN_ID)).toBeNull();
      expect(await photos.file('not-an-id')).toBeNull();
    });

    it('list waiting photos since a time, the least tried first, then the oldest; lost ones not at all', async () => {
      const { photos } = await make();
      await photos.add(
        ['old', 'a', 'b', 'c', 'd'].map((mediaId, i) => ({
          opinionNumber: 'MY-2026-000001',
          residentId: 'r1',
          mediaId,
          receivedAt: at(i * 10),
        })),
      );
      const byMedia = new Map((await photos.listFor('MY-2026-000001')).map((p) => [p.mediaId, p.id]));
      await photos.noteFailure(byMedia.get('a')!, 'timeout', false);
      await photos.noteFailure(byMedia.get('a')!, 'timeout', false);
      await photos.noteFailure(byMedia.get('b')!, 'timeout', false);
      await photos.noteFailure(byMedia.get('d')!, 'invalid media_id', true);
      const waiting = await photos.listWaiting(at(10), 10);
      expect(waiting.map((p) => `${p.mediaId}:${p.attempts}`)).toEqual(['c:0', 'b:1', 'a:2']);
      expect(waiting[2]).toMatchObject({ state: 'waiting', lastError: 'timeout' });
      expect((await photos.listWaiting(at(10), 2)).map((p) => p.mediaId)).toEqual(['c', 'b']);
      const lost = (await photos.listFor('MY-2026-000001')).find((p) => p.mediaId === 'd');
      expect(lost).toMatchObject({ state: 'lost', attempts: 1, lastError: 'invalid media_id' });
    });

    it('forget one customer entirely on erasure: allowance, scene, held notices and photos, nobody else’s', async () => {
      const { customers, held, photos } = await make();
      await customers.customerWrote(alice, at(0));
      await customers.setScene(alice, 'lw01', at(0));
      await customers.customerWrote(bob, at(0));
      await held.hold(notice('a1', 1));
      await held.hold(notice('a2', 2));
      await held.markSent([(await held.listHeld(alice))[0]!.id], at(3));
      await held.hold(notice('b1', 1, bob));
      await photos.add([
        { opinionNumber: 'MY-2026-000001', residentId: 'r1', mediaId: 'm1', receivedAt: at(1) },
        { opinionNumber: 'MY-2026-000002', residentId: 'r1', mediaId: 'm2', receivedAt: at(2) },
        { opinionNumber: 'MY-2026-000002', residentId: 'r2', mediaId: 'm3', receivedAt: at(3) },
      ]);

      expect(await customers.forget(alice)).toBe(true);
      expect(await customers.forget(alice)).toBe(false);
      expect(await customers.sceneOf(alice)).toBeUndefined();
      expect(await customers.takeSlot(alice, at(-1), 5)).toBe(false);
      expect(await customers.takeSlot(bob, at(-1), 5)).toBe(true);
      expect(await held.forgetCustomer(alice)).toBe(2);
      expect(await held.listHeld(alice)).toEqual([]);
      expect((await held.listHeld(bob)).map((n) => n.key)).toEqual(['b1']);
      expect(await photos.eraseForResident('r1')).toBe(2);
      expect(await photos.eraseForResident('r1')).toBe(0);
      expect(await photos.listFor('MY-2026-000001')).toEqual([]);
      expect((await photos.listFor('MY-2026-000002')).map((p) => p.mediaId)).toEqual(['m3']);
    });
  });
}
