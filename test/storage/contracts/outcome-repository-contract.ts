import { describe, expect, it } from 'vitest';
import type { NewOutcome, OutcomeRepository, OutcomeSettleStep, OutcomeStep } from '../../../src/services/outcomes/outcome-records.js';

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
      const step: OutcomeSettleStep = { at: at(5), by: 's1', byName: '刘干事', action: 'not-delivered', note: '用地未批' };
      const moved = await outcomes.advance(made.number, 'in-progress', { reason: '用地未批' }, step);
      expect(moved).toMatchObject({ state: 'not-delivered', reason: '用地未批', updatedAt: at(5), steps: [entered(0), step] });
      expect(await outcomes.advance(made.number, 'in-progress', { deliveredAt: at(6) }, { ...step, action: 'delivered' })).toBeNull();
      expect(await outcomes.findByNumber(made.number)).toEqual(moved);
    });

    it('sets the 督办 mark once, and only while the item is 落实中 and still due on the date the notice was for', async () => {
      const outcomes = await make();
      const open = await outcomes.create(item('选址'), entered(0), at(0), 2026);
      const done = await outcomes.create(item('走访'), entered(1), at(1), 2026);
      await outcomes.advance(done.number, 'in-progress', { deliveredAt: at(2) }, { ...entered(2), action: 'delivered' });
      expect(await outcomes.markSupervised(open.number, '2026-12-30', at(3))).toBeNull();
      const marks = await Promise.all([
        outcomes.markSupervised(open.number, '2026-12-31', at(3)),
        outcomes.markSupervised(open.number, '2026-12-31', at(4)),
      ]);
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect((await outcomes.findByNumber(open.number))!.supervisedAt).toBeInstanceOf(Date);
      expect(await outcomes.markSupervised(open.number, '2026-12-31', at(5))).toBeNull();
      expect(await outcomes.markSupervised(done.number, '2026-12-31', at(5))).toBeNull();
    });

    it('puts the due date back (延期) only from the date the caller saw, clearing the 督办 mark and counting it', async () => {
      const outcomes = await make();
      const made = await outcomes.create(item('选址'), entered(0), at(0), 2026);
      await outcomes.markSupervised(made.number, '2026-12-31', at(1));
      const step = {
        at: at(2),
        by: 's1',
        byName: '刘干事',
        action: 'extended' as const,
        note: '用地未批',
        fromDate: '2026-12-31',
        toDate: '2027-01-31',
      };
      const [first, second] = await Promise.all([outcomes.extend(made.number, step), outcomes.extend(made.number, { ...step, at: at(3) })]);
      const moved = first ?? second;
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(moved).toMatchObject({ dueDate: '2027-01-31', extensions: 1, updatedAt: at(2), steps: [entered(0), step] });
      expect(moved).not.toHaveProperty('supervisedAt');
      expect(await outcomes.findByNumber(made.number)).toEqual(moved);
      const again = await outcomes.extend(made.number, { ...step, at: at(4), fromDate: '2027-01-31', toDate: '2027-02-28' });
      expect(again).toMatchObject({ dueDate: '2027-02-28', extensions: 2 });
      await outcomes.advance(made.number, 'in-progress', { deliveredAt: at(5) }, { ...entered(5), action: 'delivered' });
      expect(await outcomes.extend(made.number, { ...step, fromDate: '2027-02-28', toDate: '2027-03-31' })).toBeNull();
    });

    it('takes a settled item back to 落实中 (重新落实) only from the state the caller saw, clearing its result', async () => {
      const outcomes = await make();
      const made = await outcomes.create(item('选址'), entered(0), at(0), 2026);
      await outcomes.advance(
        made.number,
        'in-progress',
        { reason: '用地未批' },
        { ...entered(1), action: 'not-delivered', note: '用地未批' },
      );
      const step: OutcomeStep = { at: at(2), by: 's1', byName: '刘干事', action: 'reopened', note: '误记' };
      expect(await outcomes.reopen(made.number, 'delivered', step)).toBeNull();
      const back = await outcomes.reopen(made.number, 'not-delivered', step);
      expect(back).toMatchObject({ state: 'in-progress', updatedAt: at(2) });
      expect(back!.steps.at(-1)).toEqual(step);
      expect(back).not.toHaveProperty('reason');
      expect(await outcomes.reopen(made.number, 'not-delivered', step)).toBeNull();
      await outcomes.advance(made.number, 'in-progress', { deliveredAt: at(3) }, { ...entered(3), action: 'delivered' });
      const again = await outcomes.reopen(made.number, 'delivered', { ...step, at: at(4) });
      expect(again).toMatchObject({ state: 'in-progress' });
      expect(again).not.toHaveProperty('deliveredAt');
      expect(await outcomes.findByNumber(made.number)).toEqual(again);
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
