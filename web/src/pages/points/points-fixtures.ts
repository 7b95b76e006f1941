import type { MemberPoints, PointsRules } from './points-api';

// 履职积分 as GET /api/points and /api/points/me answer them, for the component tests.

export const AN_RAN: MemberPoints = {
  memberId: 'm1',
  name: '安然',
  sector: '无党派',
  total: 9,
  lines: [
    {
      kind: 'opinion-filed',
      count: 2,
      each: 1,
      points: 2,
      capped: false,
      items: [
        { kind: 'opinion-filed', at: '2026-11-10T02:00:00.000Z', ref: 'MY-2026-000001' },
        { kind: 'opinion-filed', at: '2026-11-10T03:00:00.000Z', ref: 'MY-2026-000002' },
      ],
    },
    {
      kind: 'social-report-submitted',
      count: 1,
      each: 2,
      points: 2,
      capped: false,
      items: [{ kind: 'social-report-submitted', at: '2026-11-10T04:00:00.000Z', ref: 'SQ-2026-0001' }],
    },
    {
      kind: 'social-report-adopted',
      count: 1,
      each: 5,
      points: 5,
      capped: false,
      items: [{ kind: 'social-report-adopted', at: '2026-11-20T07:00:00.000Z', ref: 'SQ-2026-0001' }],
    },
    { kind: 'event-attended', count: 0, each: 3, points: 0, capped: false, items: [] },
  ],
  minimums: [
    { kind: 'opinion-filed', count: 2, required: 1, met: true },
    { kind: 'event-attended', count: 0, required: 3, met: false },
  ],
};

export const CHENG_YUAN: MemberPoints = { memberId: 'm2', name: '程远', sector: '文艺界', total: 0, lines: [], minimums: [] };

export const RULES: PointsRules = {
  rules: [
    { kind: 'shift-served', points: 2, cap: 24 },
    { kind: 'event-attended', points: 3, cap: 30 },
    { kind: 'opinion-filed', points: 1, cap: 20 },
    { kind: 'social-report-adopted', points: 5 },
  ],
  minimums: [{ kind: 'event-attended', count: 3 }],
};
