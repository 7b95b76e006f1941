import type { OutcomeItem } from './outcomes-api';

// Items as GET /api/outcomes answers them, for the component tests of 协商成果.

export const OVERDUE: OutcomeItem = {
  id: 'o1',
  number: 'CG-2026-0001',
  text: '年底前完成青石社区路灯维修',
  responsible: { kind: 'unit', name: '区城管局' },
  responsibleName: '区城管局',
  dueDate: '2026-11-20',
  state: 'in-progress',
  stateLabel: '落实中',
  overdue: true,
  eventId: 'e12',
  eventNumber: 12,
  opinionNumbers: ['MY-2026-000123'],
  supervisedAt: '2026-11-21T01:00:00.000Z',
  extensions: 0,
  steps: [{ at: '2026-11-01T02:00:00.000Z', by: 's1', byName: '刘干事', action: 'in-progress' }],
  createdAt: '2026-11-01T02:00:00.000Z',
};

export const ON_TIME: OutcomeItem = {
  id: 'o2',
  number: 'CG-2026-0002',
  text: '每月一次老旧小区加装电梯协调会',
  responsible: { kind: 'member', memberId: 'm1' },
  responsibleName: '安然',
  dueDate: '2027-03-31',
  state: 'in-progress',
  stateLabel: '落实中',
  overdue: false,
  opinionNumbers: ['MY-2026-000200'],
  extensions: 0,
  steps: [{ at: '2026-11-02T02:00:00.000Z', by: 's1', byName: '刘干事', action: 'in-progress' }],
  createdAt: '2026-11-02T02:00:00.000Z',
};

export const NOT_DELIVERED: OutcomeItem = {
  ...OVERDUE,
  state: 'not-delivered',
  stateLabel: '未落实',
  overdue: false,
  reason: '路灯产权不清，需先移交',
  steps: [
    ...OVERDUE.steps,
    { at: '2026-11-25T02:00:00.000Z', by: 's1', byName: '刘干事', action: 'not-delivered', note: '路灯产权不清，需先移交' },
  ],
};

/** ON_TIME put back once (延期), after its 督办. */
export const EXTENDED: OutcomeItem = {
  ...ON_TIME,
  dueDate: '2027-04-30',
  extensions: 1,
  steps: [
    ...ON_TIME.steps,
    {
      at: '2027-03-20T06:30:00.000Z',
      by: 's1',
      byName: '刘干事',
      action: 'extended',
      note: '等待年度预算下达',
      fromDate: '2027-03-31',
      toDate: '2027-04-30',
    },
  ],
};
