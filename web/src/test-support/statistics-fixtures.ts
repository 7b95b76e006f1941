// For component tests of the 统计 pages: bodies shaped like GET /api/records/… (docs/workbench-api.md).

const ratio = (num: number, den: number) => ({ num, den, percent: den === 0 ? null : `${((num * 100) / den).toFixed(1)}%` });
const rates = (n: number, withParticipation = true) => ({
  response: ratio(n, 3),
  onTime: ratio(1, 1),
  resolution: ratio(0, 0),
  satisfaction: ratio(1, 2),
  ...(withParticipation ? { participation: ratio(1, 3) } : {}),
});

export const PERIOD = { key: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' };

export const RATES = {
  period: PERIOD,
  overall: rates(1),
  bySector: [
    { name: '无党派', rates: rates(0) },
    { name: '文艺界', rates: rates(2) },
  ],
  byCommunity: [{ name: '青石社区', rates: rates(1, false) }],
  byMember: [
    { id: 'm1', name: '安然', sector: '无党派', rates: rates(0) },
    { id: 'm2', name: '程远', sector: '文艺界', rates: rates(2) },
  ],
};

export const WEEKLY = {
  period: PERIOD,
  weeks: [
    { key: '2026-W45', kind: 'week', from: '2026-11-02', to: '2026-11-08', rates: rates(1) },
    { key: '2026-W46', kind: 'week', from: '2026-11-09', to: '2026-11-15', rates: rates(0) },
  ],
};

export const MEMBER_RECORD = {
  member: { id: 'm1', name: '安然', sector: '无党派', role: 'member', active: true },
  period: PERIOD,
  summary: {
    shifts: 2,
    filed: 1,
    accepted: 0,
    resolved: 1,
    onTime: 1,
    onSpot: 0,
    events: 0,
    proposals: 0,
    cosigned: 0,
    satisfaction: ratio(0, 1),
  },
  rates: rates(0),
  text: '安然（无党派）2026年11月履职',
};
