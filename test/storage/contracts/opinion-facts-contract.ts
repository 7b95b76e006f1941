import { describe, expect, it } from 'vitest';
import type { AuditEntry, OpinionRepository } from '../../../src/services/opinions/opinion-records.js';
import type { OpinionFactsReader } from '../../../src/services/records/activity-records.js';

const at = (days: number) => new Date(Date.parse('2026-03-01T02:00:00Z') + days * 86_400_000);
const audit = (to: AuditEntry['to'], days: number, from: AuditEntry['from'] = null): AuditEntry => ({
  who: 's1',
  whoRole: 'staff',
  at: at(days),
  from,
  to,
  action: to,
});

/** What every OpinionFactsReader shows of the opinions its repository holds; `make` gives both, empty. */
export function opinionFactsContract(make: () => Promise<{ opinions: OpinionRepository; facts: OpinionFactsReader }>): void {
  describe('the opinion facts for the records', () => {
    /** Filed on day 0 (resolved and rated), day 3 (due day 12), day 10, day 20. */
    const filed = async () => {
      const { opinions, facts } = await make();
      const file = (content: string, days: number, kind: 'member' | 'resident' = 'member') =>
        opinions.create(
          { content, source: 'member-chat', filer: { kind, id: `${kind}-${days}` }, community: '青石社区' },
          audit('submitted', days),
          at(days),
          2026,
        );
      const early = await file('路灯坏了', 0);
      const due = await file('垃圾没人收', 3, 'resident');
      const middle = await file('井盖松动', 10);
      const late = await file('树枝挡路', 20);
      await opinions.transition(
        early.id,
        ['submitted'],
        'resolved',
        { grade: 'simple', handlerId: 'm9', acceptedAt: at(1), deadline: at(4), resolvedAt: at(2), result: '已修好' },
        audit('resolved', 2, 'submitted'),
        at(2),
      );
      await opinions.appendAudit(early.id, { rating: 'satisfied' }, audit('resolved', 3, 'resolved'), at(3));
      await opinions.transition(
        due.id,
        ['submitted'],
        'accepted',
        { queueMemberId: 'm8', acceptedAt: at(4), deadline: at(12) },
        audit('accepted', 4, 'submitted'),
        at(4),
      );
      await opinions.addPlusOne(due.id, 'm7', at(5));
      await opinions.addPlusOne(due.id, 'm6', at(5));
      return { facts, early, due, middle, late };
    };

    it('shows the fields the rates read, and nothing of the text', async () => {
      const { facts, early, due } = await filed();
      const [first, second] = await facts.touching(at(0), at(5));
      expect(first).toEqual({
        id: early.id,
        number: early.number,
        state: 'resolved',
        community: '青石社区',
        grade: 'simple',
        filerKind: 'member',
        handlerId: 'm9',
        createdAt: at(0),
        acceptedAt: at(1),
        deadline: at(4),
        resolvedAt: at(2),
        rating: 'satisfied',
        plusOnes: 0,
      });
      expect(second).toEqual({
        id: due.id,
        number: due.number,
        state: 'accepted',
        community: '青石社区',
        filerKind: 'resident',
        queueMemberId: 'm8',
        createdAt: at(3),
        acceptedAt: at(4),
        deadline: at(12),
        plusOnes: 2,
      });
    });

    it('touches a period with what was filed in it or falls due in it, oldest first', async () => {
      const { facts, early, due, middle, late } = await filed();
      const ids = async (start: number, end: number) => (await facts.touching(at(start), at(end))).map((f) => f.id);
      expect(await ids(0, 30)).toEqual([early.id, due.id, middle.id, late.id]);
      // Day 5 to 15: filed on day 10, and the one filed on day 3 due on day 12; not the one due on day 4.
      expect(await ids(5, 15)).toEqual([due.id, middle.id]);
      expect(await ids(13, 20)).toEqual([]);
      expect(await ids(20, 21)).toEqual([late.id]);
    });

    it('gives what was filed in a period with its text and filer, for the export', async () => {
      const { facts, early, due } = await filed();
      const exported = await facts.createdBetween(at(0), at(10));
      expect(exported.map((f) => f.id)).toEqual([early.id, due.id]);
      expect(exported[0]).toMatchObject({ content: '路灯坏了', result: '已修好', filer: { kind: 'member', id: 'member-0' } });
      expect(exported[1]).toMatchObject({ content: '垃圾没人收', filer: { kind: 'resident', id: 'resident-3' }, plusOnes: 2 });
      expect(exported[1]).not.toHaveProperty('result');
      expect(await facts.createdBetween(at(21), at(30))).toEqual([]);
    });

    it('counts the opinions in each state', async () => {
      const { facts } = await filed();
      expect(await facts.countByState()).toEqual({ resolved: 1, accepted: 1, submitted: 2 });
    });

    it('counts nothing when there are no opinions', async () => {
      const { facts } = await make();
      expect(await facts.countByState()).toEqual({});
      expect(await facts.touching(at(0), at(30))).toEqual([]);
    });
  });
}
