import type { RateKey } from '../../api/statistics';

/** The 统计 and 履职档案 pages' words (Chinese, as the chat's 统计 and 我的履职 say them). */
export const S = {
  title: '统计',
  memberRecordTitle: '委员履职档案',
  period: '统计期间',
  periodWords: ['本周', '上周', '本月', '上月', '本季度', '上季度', '今年', '去年'],
  custom: '自定义日期',
  from: '开始日期',
  to: '结束日期',
  refresh: '查询',
  overall: '全部',
  tabs: { sector: '按界别', community: '按村/社区', member: '按委员', weekly: '每周趋势' },
  name: { sector: '界别', community: '村/社区', member: '委员', weekly: '周' },
  sectorOfMember: '界别',
  exportXlsx: '导出 Excel',
  annualReport: (year: number) => `下载${year}年度述职表（Word）`,
  annualSummary: (year: number) => `${year}年度全体委员履职汇总（Word）`,
  rankBy: '排名依据',
  rankingChart: (scope: string, rate: string) => `${scope}${rate}排名`,
  trendChart: '每周五率走势',
  openRecord: '查看履职档案',
  pickMember: '选择委员',
  pickMemberHint: '请先选择一位委员。',
  summary: '履职情况',
  rates: '五率',
  card: '履职卡片',
  empty: '这段时间没有数据。',
  loading: '正在加载…',
  loadFailed: '无法读取统计数据，请稍后再试。',
  noRate: '—',
  counts: {
    shifts: '接待值班',
    filed: '反映民意',
    accepted: '受理',
    resolved: '办结',
    onTime: '按时办结',
    onSpot: '当场办结',
    events: '参加活动',
    proposals: '提交提案',
    cosigned: '联名提案',
    satisfaction: '满意评价',
  },
  backToStatistics: '返回统计',
} as const;

/** The five rates' names, in the order the committee reads them. */
export const RATE_LABELS: Record<RateKey, string> = {
  response: '响应率',
  onTime: '按时办结率',
  resolution: '解决率',
  satisfaction: '满意率',
  participation: '建言率',
};

/** What each rate counts: numerator / denominator, for the tables' column tips. */
export const RATE_HINTS: Record<RateKey, string> = {
  response: '24小时内受理 / 本期提交',
  onTime: '按时办结 / 本期办结',
  resolution: '已办结 / 期限在本期',
  satisfaction: '满意与基本满意 / 本期评价',
  participation: '建言委员 / 全体委员',
};
