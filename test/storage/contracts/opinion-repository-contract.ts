import { describe, expect, it } from 'vitest';
import type { AuditEntry, NewOpinion, OpinionRepository } from '../../../src/services/opinions/opinion-records.js';

const UNKNOWN_ID = '65f0c0ffee0000000000abcd';
const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const filed = (minutes: number): AuditEntry => ({
  who: 'm1',
  whoRole: 'member',
  at: at(minutes),
  from: null,
  to: 'submitted',
  action: 'file',
});
const step = (from: AuditEntry['from'], to: AuditEntry['to'], action: string, minutes: number): AuditEntry => ({
  who: 's1',
  whoName: '李四',
  whoRole: 'staff',
  at: at(minutes),
  from,
  to,
  action,
});
const opinion = (content: string, extra: Partial<NewOpinion> = {}): NewOpinion => ({
  content,
  source: 'member-chat',
  filer: { kind: 'member', id: 'm1' },
  ...extra,
});

/** What every OpinionRepository does; `make` gives an empty one each time. */
export function opinionRepositoryContract(make: () => Promise<OpinionRepository>): void {
  describe('an opinion repository', () => {
    it('files an opinion with the next number of its year, submitted, with its first audit line', async () => {
      const opinions = await make();
      const first = await opinions.create(opinion('路灯坏了', { community: '青石社区' }), filed(0), at(0), 2026);
      const second = await opinions.create(opinion('垃圾没人收'), filed(1), at(1), 2026);
      const nextYear = await opinions.create(opinion('新年第一条'), filed(2), at(2), 2027);
      expect([first.number, second.number, nextYear.number]).toEqual(['MY-2026-000001', 'MY-2026-000002', 'MY-2027-000001']);
      expect(first).toMatchObject({
        content: '路灯坏了',
        community: '青石社区',
        state: 'submitted',
        round: 0,
        ladderLevel: 0,
        plusOnes: { count: 0, by: [] },
        audit: [filed(0)],
        createdAt: at(0),
        updatedAt: at(0),
      });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      expect(first).not.toHaveProperty('year');
      expect(first).not.toHaveProperty('grade');
      expect(await opinions.findById(first.id)).toEqual(first);
      expect(await opinions.findByNumber('MY-2026-000002')).toEqual(second);
    });

    it('numbers opinions filed at the same moment without a gap or a repeat, across a turn of the year', async () => {
      const opinions = await make();
      const years = Array.from({ length: 24 }, (_, n) => (n % 6 === 5 ? 2027 : 2026));
      const created = await Promise.all(years.map((year, n) => opinions.create(opinion(`同时反映${n}`), filed(n), at(n), year)));
      const numbers = (year: number) =>
        created
          .filter((_, n) => years[n] === year)
          .map((o) => o.number)
          .sort();
      const expected = (year: number, count: number) =>
        Array.from({ length: count }, (_, n) => `MY-${year}-${String(n + 1).padStart(6, '0')}`);
      expect(numbers(2026)).toEqual(expected(2026, 20));
      expect(numbers(2027)).toEqual(expected(2027, 4));
    });

    it('answers null for an unknown number or id, and for anything that is not an id', async () => {
      const opinions = await make();
      await opinions.create(opinion('路灯坏了'), filed(0), at(0), 2026);
      expect(await opinions.findByNumber('MY-2026-000099')).toBeNull();
      expect(await opinions.findById(UNKNOWN_ID)).toBeNull();
      expect(await opinions.findById('MY-2026-000001')).toBeNull();
      expect(
        await opinions.transition(UNKNOWN_ID, ['submitted'], 'accepted', {}, step('submitted', 'accepted', 'accept', 1), at(1)),
      ).toBeNull();
      expect(await opinions.appendAudit(UNKNOWN_ID, {}, step('submitted', 'submitted', 'note', 1), at(1))).toBeNull();
      expect(await opinions.addPlusOne(UNKNOWN_ID, 'm2', at(1))).toBe(false);
      expect(await opinions.raiseLadder(UNKNOWN_ID, 0, 0, 50)).toBe(false);
    });

    it('moves an opinion only from an expected state, setting and unsetting fields and appending the step', async () => {
      const opinions = await make();
      const created = await opinions.create(opinion('路灯坏了'), filed(0), at(0), 2026);
      const accepted = await opinions.transition(
        created.id,
        ['submitted'],
        'accepted',
        { acceptedAt: at(5), grade: 'simple', queueMemberId: 'm9' },
        step('submitted', 'accepted', 'accept', 5),
        at(5),
      );
      expect(accepted).toMatchObject({ state: 'accepted', acceptedAt: at(5), grade: 'simple', queueMemberId: 'm9', updatedAt: at(5) });
      expect(accepted!.audit).toEqual([filed(0), step('submitted', 'accepted', 'accept', 5)]);

      const refused = await opinions.transition(
        created.id,
        ['submitted'],
        'declined',
        { reason: '重复' },
        step('submitted', 'declined', 'decline', 6),
        at(6),
      );
      expect(refused).toBeNull();
      expect(await opinions.findById(created.id)).toEqual(accepted);

      const assigned = await opinions.transition(
        created.id,
        ['accepted', 'assigned'],
        'assigned',
        { handlerId: 'm3', queueMemberId: undefined },
        step('accepted', 'assigned', 'assign', 7),
        at(7),
      );
      expect(assigned).toMatchObject({ state: 'assigned', handlerId: 'm3' });
      expect(assigned).not.toHaveProperty('queueMemberId');
      expect(assigned!.audit).toHaveLength(3);
    });

    it('appends an audit line with changes but without moving the state', async () => {
      const opinions = await make();
      const created = await opinions.create(opinion('路灯坏了', { category: '市政' }), filed(0), at(0), 2026);
      const noted = await opinions.appendAudit(
        created.id,
        { category: '环境卫生' },
        { ...step('submitted', 'submitted', 'reclassify', 3), note: '改类' },
        at(3),
      );
      expect(noted).toMatchObject({ state: 'submitted', category: '环境卫生', updatedAt: at(3) });
      expect(noted!.audit[1]).toEqual({ ...step('submitted', 'submitted', 'reclassify', 3), note: '改类' });
    });

    it('counts each person’s +1 once', async () => {
      const opinions = await make();
      const created = await opinions.create(opinion('路灯坏了'), filed(0), at(0), 2026);
      expect(await opinions.addPlusOne(created.id, 'm2', at(1))).toBe(true);
      expect(await opinions.addPlusOne(created.id, 'm3', at(2))).toBe(true);
      expect(await opinions.addPlusOne(created.id, 'm2', at(3))).toBe(false);
      expect(await opinions.findById(created.id)).toMatchObject({ plusOnes: { count: 2, by: ['m2', 'm3'] }, updatedAt: at(2) });
    });

    it('raises the overdue ladder of a round once', async () => {
      const opinions = await make();
      const created = await opinions.create(opinion('路灯坏了'), filed(0), at(0), 2026);
      expect(await opinions.raiseLadder(created.id, 0, 0, 50)).toBe(true);
      expect(await opinions.raiseLadder(created.id, 0, 0, 50)).toBe(false);
      expect(await opinions.raiseLadder(created.id, 1, 50, 100)).toBe(false);
      expect(await opinions.raiseLadder(created.id, 0, 50, 100)).toBe(true);
      expect((await opinions.findById(created.id))?.ladderLevel).toBe(100);
    });

    it('lists newest first with filters, a page and the total', async () => {
      const opinions = await make();
      const a = await opinions.create(opinion('一', { community: '青石社区' }), filed(0), at(0), 2026);
      await opinions.create(
        opinion('二', { community: '东门社区', filer: { kind: 'resident', id: 'r1' }, source: 'resident-service' }),
        filed(10),
        at(10),
        2026,
      );
      await opinions.create(opinion('三', { community: '青石社区', category: '环境卫生' }), filed(20), at(20), 2026);
      await opinions.transition(a.id, ['submitted'], 'accepted', { handlerId: 'm3' }, step('submitted', 'accepted', 'accept', 30), at(30));

      const contents = async (filter: Parameters<OpinionRepository['list']>[0], page?: { skip: number; limit: number }) => {
        const { items, total } = await opinions.list(filter, page);
        return { items: items.map((o) => o.content), total };
      };
      expect(await contents({})).toEqual({ items: ['三', '二', '一'], total: 3 });
      expect(await contents({}, { skip: 1, limit: 1 })).toEqual({ items: ['二'], total: 3 });
      expect(await contents({ state: 'submitted' })).toEqual({ items: ['三', '二'], total: 2 });
      expect(await contents({ states: ['accepted', 'closed'] })).toEqual({ items: ['一'], total: 1 });
      expect(await contents({ community: '青石社区' })).toEqual({ items: ['三', '一'], total: 2 });
      expect(await contents({ category: '环境卫生' })).toEqual({ items: ['三'], total: 1 });
      expect(await contents({ handlerId: 'm3' })).toEqual({ items: ['一'], total: 1 });
      expect(await contents({ filerId: 'r1' })).toEqual({ items: ['二'], total: 1 });
      expect(await contents({ from: at(10), to: at(20) })).toEqual({ items: ['二'], total: 1 });
      expect(await contents({ from: at(10) })).toEqual({ items: ['三', '二'], total: 2 });
    });

    it('lists opinions filed at the same instant later-filed first', async () => {
      const opinions = await make();
      for (const content of ['甲', '乙', '丙']) await opinions.create(opinion(content), filed(0), at(0), 2026);
      expect((await opinions.list({})).items.map((o) => o.content)).toEqual(['丙', '乙', '甲']);
    });

    it('hands over every opinion’s board row (only the fields lists read) in batches, in id order', async () => {
      const opinions = await make();
      const first = await opinions.create(opinion('路灯坏了', { community: '青石社区', category: '公共设施' }), filed(0), at(0), 2026);
      const second = await opinions.create(
        { content: '垃圾没人收', source: 'resident-service', filer: { kind: 'resident', id: 'r1' }, queueMemberId: 'm2' },
        filed(1),
        at(1),
        2026,
      );
      const third = await opinions.create(opinion('井盖松了'), filed(2), at(2), 2026);
      await opinions.transition(
        first.id,
        ['submitted'],
        'accepted',
        { handlerId: 'm3', grade: 'general', deadline: at(60) },
        step('submitted', 'accepted', 'accept', 3),
        at(3),
      );
      await opinions.addPlusOne(first.id, 'm4', at(4));
      const batches: unknown[][] = [];
      for await (const batch of opinions.boardRows(2)) batches.push(batch);
      expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
      const none = { community: undefined, category: undefined, grade: undefined, handlerId: undefined, queueMemberId: undefined };
      expect(batches.flat()).toEqual(
        [
          {
            ...none,
            id: first.id,
            number: 'MY-2026-000001',
            state: 'accepted',
            community: '青石社区',
            category: '公共设施',
            grade: 'general',
            handlerId: 'm3',
            createdAt: at(0),
            deadline: at(60),
            filer: { id: 'm1' },
            plusOnes: { count: 1 },
          },
          {
            ...none,
            id: second.id,
            number: 'MY-2026-000002',
            state: 'submitted',
            queueMemberId: 'm2',
            createdAt: at(1),
            deadline: undefined,
            filer: { id: 'r1' },
            plusOnes: { count: 0 },
          },
          {
            ...none,
            id: third.id,
            number: 'MY-2026-000003',
            state: 'submitted',
            createdAt: at(2),
            deadline: undefined,
            filer: { id: 'm1' },
            plusOnes: { count: 0 },
          },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    });

    // Whether the refused opinion used up a number is left open: the Mongo one draws first (a gap),
    // which the services' own 2000-character check keeps from happening.
    it('refuses content longer than 2000 characters', async () => {
      const opinions = await make();
      await expect(opinions.create(opinion('长'.repeat(2001)), filed(0), at(0), 2026)).rejects.toThrow();
    });

    it('takes a person out (their audit names and filing address), keeping ids and every other line; once', async () => {
      const opinions = await make();
      const address = { platform: 'console' as const, kind: 'user' as const, id: 'm1' };
      const mine = await opinions.create(
        opinion('路灯坏了，电话13912345678', { filerAddress: address }),
        { ...filed(0), whoName: '张三' },
        at(0),
        2026,
      );
      await opinions.transition(
        mine.id,
        ['submitted'],
        'accepted',
        { acceptedAt: at(1) },
        step('submitted', 'accepted', 'accept', 1),
        at(1),
      );
      const handled = await opinions.create(opinion('垃圾没人收', { filer: { kind: 'member', id: 'm2' } }), filed(2), at(2), 2026);
      await opinions.transition(handled.id, ['submitted'], 'accepted', {}, step('submitted', 'accepted', 'accept', 3), at(3));
      const untouched = await opinions.create(opinion('井盖松了', { filer: { kind: 'member', id: 'm3' } }), filed(4), at(4), 2026);

      expect(await opinions.anonymisePerson('s1', '已删除成员')).toBe(2);
      const scrub = (text: string) => text.replace('13912345678', '139****5678');
      expect(await opinions.anonymisePerson('m1', '已删除成员', scrub)).toBe(1);
      const first = (await opinions.findById(mine.id))!;
      expect(first).not.toHaveProperty('filerAddress');
      expect(first.content).toBe('路灯坏了，电话139****5678');
      expect(first.filer).toEqual({ kind: 'member', id: 'm1' });
      expect(first.audit.map((a) => [a.who, a.whoName, a.action])).toEqual([
        ['m1', '已删除成员', 'file'],
        ['s1', '已删除成员', 'accept'],
      ]);
      expect((await opinions.findById(handled.id))!.audit.map((a) => a.whoName)).toEqual([undefined, '已删除成员']);
      expect(await opinions.findById(untouched.id)).toEqual(untouched);
      expect(await opinions.anonymisePerson('s1', '已删除成员')).toBe(0);
      expect(await opinions.anonymisePerson('m1', '已删除成员', scrub)).toBe(0);
    });
  });
}
