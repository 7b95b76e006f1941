import { describe, expect, it } from 'vitest';
import type { NewOutcome, OutcomeRepository, OutcomeStep } from '../../../src/services/outcomes/outcome-records.js';

const at = (minutes: number) => new Date(Date.parse('2026-11-10T02:00:00Z') + minutes * 60_000);
const item = (text: string, extra: Partial<NewOutcome> = {}): NewOutcome => ({
  text,
  responsible: { kind: 'unit', name: '区住建局' },
  dueDate: '2026-12-31',
  opinionNumbers: [],
  ...extra,
});
const entered = (minutes: number): OutcomeStep => ({ at: at(minutes), by: 's1', byName: '刘干事', action: 'in-progress' });

/** What every OutcomeRepository does; `make` gives an empty one each time. */
export function outcomeRepositoryContract(make: () => Promise<OutcomeRepository>): void {
  describe('a 协商成果 repository', () => {
    it('stores items as 落实中 with the next number of their year and their first step, and finds them by number', async () => {
      const outcomes = await make();
      const first = await outcomes.create(
        item('加装电梯选址', { eventId: 'e1', eventNumber: 7, opinionNumbers: ['MY-2026-000001'] }),
        entered(0),
        at(0),
        2026,
      );
      const second = await outcomes.create(item('走访核实', { responsible: { kind: 'member', memberId: 'm1' } }), entered(1), at(1), 2026);
      const nextYear = await outcomes.create(item('新年'), entered(2), at(2), 2027);
      expect([first.number, second.number, nextYear.number]).toEqual(['CG-2026-0001', 'CG-2026-0002', 'CG-2027-0001']);
      expect(first).toMatchObject({
        text: '加装电梯选址',
        responsible: { kind: 'unit', name: '区住建局' },
        dueDate: '2026-12-31',
        state: 'in-progress',
        eventId: 'e1',
        eventNumber: 7,
        opinionNumbers: ['MY-2026-000001'],
        steps: [entered(0)],
        createdAt: at(0),
        updatedAt: at(0),
      });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      for (const field of ['year', 'seq', 'reason', 'supervisedAt', 'deliveredAt']) expect(first).not.toHaveProperty(field);
      expect(second.responsible).toEqual({ kind: 'member', memberId: 'm1' });
      expect(second).not.toHaveProperty('eventId');
      expect(await outcomes.findByNumber('CG-2026-0002')).toEqual(second);
      expect(await outcomes.findByNumber('CG-2026-0099')).toBeNull();
    });

    it('refuses a text over 1,000 characters, and stores nothing', async () => {
      const outcomes = await make();
      await expect(outcomes.create(item('长'.repeat(1001)), entered(0), at(0), 2026)).rejects.toThrow();
      expect(await outcomes.list({}, 10)).toEqual([]);
    });

    it('settles an item only from the state the caller saw, appending the step; a second mover gets null', async () => {
      const outcomes = await make();
      const made = await outcomes.create(item('选址'), entered(0), at(0), 2026);
      const step: OutcomeStep = { at: at(5), by: 's1', byName: '刘干事', action: 'not-delivered', note: '用地未批' };
      const moved = await outcomes.advance(made.number, 'in-progress', { reason: '用地未批' }, step);
      expect(moved).toMatchObject({ state: 'not-delivered', reason: '用地未批', updatedAt: at(5), steps: [entered(0), step] });
      expect(await outcomes.advance(made.number, 'in-progress', { deliveredAt: at(6) }, { ...step, action: 'delivered' })).toBeNull();
      expect(await outcomes.findByNumber(made.number)).toEqual(moved);
    });

    it('sets the 督办 mark once, and only while the item is 落实中', async () => {
      const outcomes = await make();
      const open = await outcomes.create(item('选址'), entered(0), at(0), 2026);
      const done = await outcomes.create(item('走访'), entered(1), at(1), 2026);
      await outcomes.advance(done.number, 'in-progress', { deliveredAt: at(2) }, { ...entered(2), action: 'delivered' });
      const marks = await Promise.all([outcomes.markSupervised(open.number, at(3)), outcomes.markSupervised(open.number, at(4))]);
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect((await outcomes.findByNumber(open.number))!.supervisedAt).toBeInstanceOf(Date);
      expect(await outcomes.markSupervised(open.number, at(5))).toBeNull();
      expect(await outcomes.markSupervised(done.number, at(5))).toBeNull();
    });

    it('lists by state, event, opinion and due date, earliest due first', async () => {
      const outcomes = await make();
      const a = await outcomes.create(
        item('甲', { dueDate: '2026-12-20', eventId: 'e1', opinionNumbers: ['MY-2026-000001'] }),
        entered(0),
        at(0),
        2026,
      );
      const b = await outcomes.create(item('乙', { dueDate: '2026-11-15', eventId: 'e1' }), entered(1), at(1), 2026);
      const c = await outcomes.create(
        item('丙', { dueDate: '2026-11-20', opinionNumbers: ['MY-2026-000001', 'MY-2026-000002'] }),
        entered(2),
        at(2),
        2026,
      );
      await outcomes.advance(c.number, 'in-progress', { deliveredAt: at(3) }, { ...entered(3), action: 'delivered' });
      const numbers = async (filter: Parameters<OutcomeRepository['list']>[0]) => (await outcomes.list(filter, 10)).map((i) => i.number);
      expect(await numbers({})).toEqual([b.number, c.number, a.number]);
      expect(await numbers({ eventId: 'e1' })).toEqual([b.number, a.number]);
      expect(await numbers({ opinionNumber: 'MY-2026-000001' })).toEqual([c.number, a.number]);
      expect(await numbers({ opinionNumber: 'MY-2026-000002' })).toEqual([c.number]);
      expect(await numbers({ states: ['in-progress'], dueBefore: '2026-11-20' })).toEqual([b.number]);
      expect(await numbers({ states: ['in-progress', 'delivered'], dueBy: '2026-11-20' })).toEqual([b.number, c.number]);
      expect(await outcomes.list({}, 1)).toHaveLength(1);
    });
  });
}
