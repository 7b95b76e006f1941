import { describe, expect, it } from 'vitest';
import type { GroupRepository } from '../../../src/services/groups/group-records.js';
import type { Address } from '../../../src/platforms/types.js';

const robot = (webhookKey: string): Address => ({ platform: 'wecom-group-robot', kind: 'group', webhookKey });
const broken = { reason: '机器人已被移出群聊', at: new Date('2026-03-05T02:00:00Z') };

/** What every committee-group directory does; `make` gives an empty one each time. */
export function groupRepositoryContract(make: () => Promise<GroupRepository>): void {
  describe('a group repository', () => {
    it('creates a group once per key and lists the groups by key', async () => {
      const groups = await make();
      expect(await groups.create({ key: 'staff', name: '政协办公室', channels: [robot('a')] })).toMatchObject({
        key: 'staff',
        name: '政协办公室',
        channels: [robot('a')],
      });
      expect(await groups.create({ key: 'staff', name: '另一个', channels: [] })).toBeNull();
      await groups.create({ key: '工会', name: '工会界别群', channels: [] });
      await groups.create({ key: 'b', name: 'B', channels: [] });
      expect((await groups.list()).map((g) => g.key)).toEqual(['b', 'staff', '工会']);
      const staff = await groups.findByKey('staff');
      expect(staff).toMatchObject({ name: '政协办公室', channels: [robot('a')] });
      expect(staff!.createdAt).toBeInstanceOf(Date);
      expect(await groups.findByKey('nobody')).toBeNull();
    });

    it('changes the name or the channels, leaving what is not given', async () => {
      const groups = await make();
      await groups.create({ key: 'staff', name: '政协办公室', channels: [robot('a')] });
      expect(await groups.update('staff', { name: '办公室' })).toMatchObject({ name: '办公室', channels: [robot('a')] });
      expect(await groups.update('staff', { channels: [robot('b'), robot('c')] })).toMatchObject({
        name: '办公室',
        channels: [robot('b'), robot('c')],
      });
      expect(await groups.update('nobody', { name: 'x' })).toBeNull();
    });

    it('removes a group and says whether there was one', async () => {
      const groups = await make();
      await groups.create({ key: 'staff', name: '政协办公室', channels: [] });
      expect(await groups.remove('staff')).toBe(true);
      expect(await groups.remove('staff')).toBe(false);
      expect(await groups.findByKey('staff')).toBeNull();
    });

    it('flags a broken channel once, returning the group as it was; replacing the channels clears the flag', async () => {
      const groups = await make();
      await groups.create({ key: 'staff', name: '政协办公室', channels: [robot('a'), robot('b')] });
      const before = await groups.markChannelBroken('staff', robot('b'), broken);
      expect(before).toMatchObject({ channels: [robot('a'), robot('b')] });
      expect(before!.channels[1]!.broken).toBeUndefined();
      expect((await groups.findByKey('staff'))!.channels).toEqual([robot('a'), { ...robot('b'), broken }]);
      expect(await groups.markChannelBroken('staff', robot('b'), broken)).toBeNull();
      expect(await groups.markChannelBroken('staff', robot('z'), broken)).toBeNull();
      expect(await groups.markChannelBroken('nobody', robot('a'), broken)).toBeNull();
      await groups.update('staff', { channels: [robot('a'), robot('b')] });
      expect((await groups.findByKey('staff'))!.channels).toEqual([robot('a'), robot('b')]);
    });
  });
}
