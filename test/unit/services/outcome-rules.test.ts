import { describe, expect, it } from 'vitest';
import {
  countOutcomes,
  extensionProblem,
  isOverdue,
  readDueDate,
  reminderDaysLeft,
  stepProblem,
} from '../../../src/services/outcomes/outcome-rules.js';

describe('协商成果 rules', () => {
  it('reads due dates as people type them, and nothing else', () => {
    const today = '2026-11-10';
    expect(readDueDate('2026-12-31', today)).toBe('2026-12-31');
    expect(readDueDate('2026/1/5', today)).toBe('2026-01-05');
    expect(readDueDate('2026年12月3日', today)).toBe('2026-12-03');
    expect(readDueDate('１２月２０日', today)).toBe('2026-12-20');
    expect(readDueDate('12-20', today)).toBe('2026-12-20');
    // Without a year and already gone this year: next year's (typed in November for January).
    expect(readDueDate('1月15日', today)).toBe('2027-01-15');
    expect(readDueDate('11月10日', today)).toBe('2026-11-10');
    for (const word of ['2026-02-30', '13月1日', '下个月', '', '2026-12', '20261231']) expect(readDueDate(word, today), word).toBeNull();
  });

  it('reminds within 3 days of the due date while 落实中, and calls it overdue only after the date', () => {
    const open = (dueDate: string) => ({ state: 'in-progress' as const, dueDate });
    expect(reminderDaysLeft(open('2026-11-14'), '2026-11-10')).toBeNull();
    expect(reminderDaysLeft(open('2026-11-13'), '2026-11-10')).toBe(3);
    expect(reminderDaysLeft(open('2026-11-10'), '2026-11-10')).toBe(0);
    expect(reminderDaysLeft(open('2026-11-09'), '2026-11-10')).toBeNull();
    expect(reminderDaysLeft({ state: 'delivered', dueDate: '2026-11-12' }, '2026-11-10')).toBeNull();
    expect(isOverdue(open('2026-11-10'), '2026-11-10')).toBe(false);
    expect(isOverdue(open('2026-11-09'), '2026-11-10')).toBe(true);
    expect(isOverdue({ state: 'not-delivered', dueDate: '2026-11-01' }, '2026-11-10')).toBe(false);
  });

  it('settles an item once; 未落实 needs a reason', () => {
    expect(stepProblem('in-progress', 'delivered', '')).toBeNull();
    expect(stepProblem('in-progress', 'not-delivered', '  ')).toBe('reason-needed');
    expect(stepProblem('in-progress', 'not-delivered', '用地未批')).toBeNull();
    expect(stepProblem('in-progress', 'in-progress', '')).toBe('same');
    expect(stepProblem('delivered', 'not-delivered', '变卦')).toBe('final');
    expect(stepProblem('not-delivered', 'delivered', '')).toBe('final');
    // 重新落实: a settled item goes back to 落实中 only with a reason.
    expect(stepProblem('delivered', 'in-progress', ' ')).toBe('reopen-reason-needed');
    expect(stepProblem('not-delivered', 'in-progress', '误记')).toBeNull();
    expect(stepProblem('delivered', 'delivered', '')).toBe('same');
  });

  it('puts a due date back (延期) only while 落实中, later than before, not in the past, with a reason', () => {
    const open = { state: 'in-progress' as const, dueDate: '2026-11-16' };
    expect(extensionProblem(open, '2026-12-15', '2026-11-17', '用地审批未完成')).toBeNull();
    expect(extensionProblem(open, '2026-12-15', '2026-11-17', ' ')).toBe('reason-needed');
    expect(extensionProblem(open, '2026-11-16', '2026-11-10', '原因')).toBe('not-later');
    expect(extensionProblem(open, '2026-11-15', '2026-11-10', '原因')).toBe('not-later');
    expect(extensionProblem(open, '2026-11-17', '2026-11-20', '原因')).toBe('past');
    expect(extensionProblem({ ...open, state: 'delivered' }, '2026-12-15', '2026-11-17', '原因')).toBe('not-open');
  });

  it('counts the digest’s figures', () => {
    const items = [
      { state: 'delivered' as const, dueDate: '2026-11-01' },
      { state: 'in-progress' as const, dueDate: '2026-11-01' },
      { state: 'in-progress' as const, dueDate: '2026-12-01' },
      { state: 'not-delivered' as const, dueDate: '2026-11-05' },
    ];
    expect(countOutcomes(items, '2026-11-10')).toEqual({ total: 4, delivered: 1, inProgress: 2, overdue: 1, notDelivered: 1 });
    expect(countOutcomes([], '2026-11-10')).toEqual({ total: 0, delivered: 0, inProgress: 0, overdue: 0, notDelivered: 0 });
  });
});
