import { describe, expect, it } from 'vitest';
import type { MemberRepository } from '../../../src/services/members/member-records.js';

/** Every store refuses a duplicate unique value with the same domain error (core/errors.ts DuplicateRecordError). */
const DUPLICATE = { name: 'DuplicateRecordError', code: 'duplicate_record', status: 409 };

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';

/** What every MemberRepository does; `make` gives an empty one each time. */
export function memberRepositoryContract(make: () => Promise<MemberRepository>): void {
  describe('a member repository', () => {
    it('creates a member with defaults, trimmed, and finds it by id', async () => {
      const members = await make();
      const created = await members.create({ name: ' 张三 ', sector: '无党派 ', role: 'member', wecomUserId: ' zhangsan ' });
      expect(created).toMatchObject({
        name: '张三',
        sector: '无党派',
        role: 'member',
        wecomUserId: 'zhangsan',
        isConvenor: false,
        active: true,
      });
      expect(created.id).toMatch(/^[0-9a-f]{24}$/);
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(created).not.toHaveProperty('phone');
      expect(await members.findById(created.id)).toEqual(created);
    });

    it('answers null for an unknown id and for anything that is not an id', async () => {
      const members = await make();
      expect(await members.findById(UNKNOWN_ID)).toBeNull();
      expect(await members.findById('zhangsan')).toBeNull();
      expect(await members.update(UNKNOWN_ID, { name: '李四' })).toBeNull();
      expect(await members.update('not-an-id', { name: '李四' })).toBeNull();
      expect(await members.remove(UNKNOWN_ID)).toBe(false);
      expect(await members.remove('not-an-id')).toBe(false);
    });

    it('refuses a second member with the same WeCom or DingTalk id, with the one DuplicateRecordError', async () => {
      const members = await make();
      await members.create({ name: '王五', sector: '文艺界', role: 'member', wecomUserId: 'wangwu', dingtalkStaffId: 'ding-wangwu' });
      await expect(members.create({ name: '王五二', sector: '文艺界', role: 'member', wecomUserId: 'wangwu' })).rejects.toMatchObject(
        DUPLICATE,
      );
      await expect(
        members.create({ name: '王五三', sector: '文艺界', role: 'member', dingtalkStaffId: 'ding-wangwu' }),
      ).rejects.toMatchObject(DUPLICATE);
      const other = await members.create({ name: '赵六', sector: '工会', role: 'member' });
      // FerretDB v1 reports a unique index broken by an update as InternalError (code 1); the store
      // still raises the same DuplicateRecordError.
      await expect(members.update(other.id, { wecomUserId: 'wangwu' })).rejects.toMatchObject({ ...DUPLICATE, field: 'wecomUserId' });
      expect(await members.findById(other.id)).not.toHaveProperty('wecomUserId');
      // Members without a platform id do not collide with each other.
      await members.create({ name: '钱七', sector: '工会', role: 'member' });
      expect((await members.list({ sector: '工会' })).map((m) => m.name)).toEqual(['赵六', '钱七']);
    });

    it('keeps a deactivated member’s platform id taken', async () => {
      const members = await make();
      const left = await members.create({ name: '孙八', sector: '工会', role: 'member', wecomUserId: 'sunba' });
      await members.update(left.id, { active: false });
      await expect(members.create({ name: '孙八二', sector: '工会', role: 'member', wecomUserId: 'sunba' })).rejects.toMatchObject(
        DUPLICATE,
      );
    });

    it('creates many in order, keeping those before a duplicate', async () => {
      const members = await make();
      const created = await members.createMany([
        { name: '甲', sector: '工会', role: 'member', wecomUserId: 'a' },
        { name: '乙', sector: '工会', role: 'staff', isConvenor: true },
      ]);
      expect(created.map((m) => [m.name, m.role, m.isConvenor])).toEqual([
        ['甲', 'member', false],
        ['乙', 'staff', true],
      ]);
      await expect(
        members.createMany([
          { name: '丙', sector: '工会', role: 'member' },
          { name: '丁', sector: '工会', role: 'member', wecomUserId: 'a' },
          { name: '戊', sector: '工会', role: 'member' },
        ]),
      ).rejects.toMatchObject(DUPLICATE);
      expect((await members.list()).map((m) => m.name)).toEqual(['甲', '乙', '丙']);
    });

    it('finds active members by platform id and by exact name only', async () => {
      const members = await make();
      const zhang = await members.create({
        name: '张三',
        sector: '无党派',
        role: 'member',
        wecomUserId: 'zhangsan',
        dingtalkStaffId: 'd-zs',
      });
      await members.create({ name: '张三', sector: '工会', role: 'member' });
      expect((await members.findByPlatformId('wecom', 'zhangsan'))?.id).toBe(zhang.id);
      expect((await members.findByPlatformId('dingtalk', 'd-zs'))?.id).toBe(zhang.id);
      expect(await members.findByPlatformId('dingtalk', 'zhangsan')).toBeNull();
      expect(await members.findByPlatformId('wecom', 'nobody')).toBeNull();
      expect((await members.findByName('张三')).map((m) => m.sector).sort()).toEqual(['工会', '无党派']);
      expect(await members.findByName('张')).toEqual([]);

      await members.update(zhang.id, { active: false });
      expect(await members.findByPlatformId('wecom', 'zhangsan')).toBeNull();
      expect((await members.findByName('张三')).map((m) => m.sector)).toEqual(['工会']);
      expect((await members.findById(zhang.id))?.active).toBe(false);
    });

    it('lists active members by default, oldest first, filtered by role and sector', async () => {
      const members = await make();
      const a = await members.create({ name: 'A', sector: '工会', role: 'member' });
      await members.create({ name: 'B', sector: '文艺界', role: 'staff' });
      await members.create({ name: 'C', sector: '工会', role: 'admin' });
      await members.update(a.id, { active: false });
      expect((await members.list()).map((m) => m.name)).toEqual(['B', 'C']);
      expect((await members.list({ activeOnly: false })).map((m) => m.name)).toEqual(['A', 'B', 'C']);
      expect((await members.list({ activeOnly: true })).map((m) => m.name)).toEqual(['B', 'C']);
      expect((await members.list({ sector: '工会', activeOnly: false })).map((m) => m.name)).toEqual(['A', 'C']);
      expect((await members.list({ role: 'staff' })).map((m) => m.name)).toEqual(['B']);
    });

    it('updates the given fields, trimmed, and moves updatedAt', async () => {
      const members = await make();
      const created = await members.create({ name: '周九', sector: '工会', role: 'member', phone: '13800138000' });
      const updated = await members.update(created.id, { sector: ' 文艺界 ', role: 'staff', isConvenor: true });
      expect(updated).toMatchObject({
        id: created.id,
        name: '周九',
        sector: '文艺界',
        role: 'staff',
        isConvenor: true,
        phone: '13800138000',
      });
      expect(updated!.createdAt).toEqual(created.createdAt);
      expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      expect(await members.findById(created.id)).toEqual(updated);
    });

    it('refuses a role that is not one', async () => {
      const members = await make();
      await expect(members.create({ name: '吴十', sector: '工会', role: 'owner' as 'member' })).rejects.toThrow();
      const created = await members.create({ name: '吴十', sector: '工会', role: 'member' });
      await expect(members.update(created.id, { role: 'owner' as 'member' })).rejects.toThrow();
      expect((await members.findById(created.id))?.role).toBe('member');
    });

    it('removes a member for good', async () => {
      const members = await make();
      const created = await members.create({ name: '郑十一', sector: '工会', role: 'member', wecomUserId: 'zheng' });
      expect(await members.remove(created.id)).toBe(true);
      expect(await members.findById(created.id)).toBeNull();
      expect(await members.remove(created.id)).toBe(false);
      await expect(members.create({ name: '郑十一', sector: '工会', role: 'member', wecomUserId: 'zheng' })).resolves.toMatchObject({
        wecomUserId: 'zheng',
      });
    });

    it('hands out copies: changing a returned record changes nothing stored', async () => {
      const members = await make();
      const created = await members.create({ name: '冯十二', sector: '工会', role: 'member' });
      created.name = '改了';
      expect((await members.findById(created.id))?.name).toBe('冯十二');
    });

    it('erases personal data: the placeholder name, no phone nor platform ids; the id, sector and role stay', async () => {
      const members = await make();
      const left = await members.create({
        name: '褚十三',
        sector: '工会',
        role: 'staff',
        wecomUserId: 'chu',
        dingtalkStaffId: 'd-chu',
        phone: '13700000000',
      });
      const erased = await members.erasePersonalData(left.id, '已删除成员');
      expect(erased).toMatchObject({ id: left.id, name: '已删除成员', sector: '工会', role: 'staff' });
      for (const field of ['phone', 'wecomUserId', 'dingtalkStaffId']) expect(erased).not.toHaveProperty(field);
      expect(await members.findById(left.id)).toEqual(erased);
      // Its platform id is free again.
      await members.create({ name: '卫十四', sector: '工会', role: 'member', wecomUserId: 'chu' });
      expect(await members.erasePersonalData(UNKNOWN_ID, '已删除成员')).toBeNull();
      expect(await members.erasePersonalData('not-an-id', '已删除成员')).toBeNull();
    });
  });
}
