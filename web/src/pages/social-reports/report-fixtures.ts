import type { SocialReport } from './social-reports-api';

// A report as GET /api/social-reports answers it, for the component tests of 社情民意.

export const REPORT: SocialReport = {
  id: 'r1',
  number: 'SQ-2026-0001',
  title: '关于老旧小区加装电梯难的情况反映',
  situation: '青石社区老旧小区没有电梯，老人上下楼难。',
  analysis: '建成早，没有预留井道。',
  suggestions: '一是财政补贴；二是简化审批。',
  unit: '无党派',
  authorId: 'm1',
  fromOpinion: 'MY-2026-000123',
  state: 'forwarded',
  stateLabel: '已上报市政协',
  level: 'city',
  length: 61,
  maxLength: 1500,
  nextSteps: ['forwarded', 'adopted', 'not-adopted'],
  editable: false,
  steps: [
    { at: '2026-11-10T02:00:00.000Z', by: 'm1', byName: '安然', action: 'submitted' },
    { at: '2026-11-11T01:00:00.000Z', by: 's1', byName: '刘干事', action: 'edited' },
    { at: '2026-11-12T01:00:00.000Z', by: 's1', byName: '刘干事', action: 'forwarded', level: 'city' },
  ],
  createdAt: '2026-11-10T02:00:00.000Z',
};

export const ADOPTED: SocialReport = {
  ...REPORT,
  state: 'adopted',
  stateLabel: '已被市政协采用',
  instruction: '请住建局研究落实',
  nextSteps: [],
  steps: [
    ...REPORT.steps,
    { at: '2026-11-20T07:00:00.000Z', by: 's1', byName: '刘干事', action: 'adopted', level: 'city', note: '请住建局研究落实' },
  ],
};
