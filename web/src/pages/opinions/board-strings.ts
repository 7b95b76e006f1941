import { computed } from 'vue';
import { lang } from '../../i18n';

/**
 * The opinion board's words, Chinese first and English when the language is switched (the server's
 * meta names states and grades in Chinese, as in chat; in English they come from here by code).
 */
const zh = {
  title: '民意',
  byState: '按状态查看',
  all: '全部',
  batchAssign: (n: number) => `批量分派（${n}）`,
  total: (n: number, truncated: boolean) => `共 ${n} 条${truncated ? '（按词搜索只查最近 2000 条）' : ''}`,
  list: '民意列表',
  number: '编号',
  content: '内容',
  state: '状态',
  overdue: '超期',
  community: '社区',
  category: '类别',
  grade: '分级',
  handler: '承办人',
  createdAt: '提交时间',
  deadline: '期限',
  select: (number: string) => `选择 ${number}`,
  unassigned: '未分派',
  loadFailed: '无法读取民意列表，请稍后再试。',
  filterForm: '筛选民意',
  words: '搜索内容中的词',
  byCommunity: '按社区筛选',
  byCategory: '按类别筛选',
  byGrade: '按分级筛选',
  byHandler: '按承办人筛选',
  dateTo: '至',
  dateFrom: '提交起',
  dateUntil: '提交止',
  byDate: '按提交日期筛选',
  overdueOnly: '只看超期',
  search: '查询',
  reset: '重置',
  states: {} as Record<string, string>,
  grades: {} as Record<string, string>,
};

const en: typeof zh = {
  title: 'Opinions',
  byState: 'View by state',
  all: 'All',
  batchAssign: (n) => `Assign several (${n})`,
  total: (n, truncated) => `${n} in all${truncated ? ' (words are searched in the newest 2,000 only)' : ''}`,
  list: 'Opinions',
  number: 'Number',
  content: 'Text',
  state: 'State',
  overdue: 'Overdue',
  community: 'Community',
  category: 'Category',
  grade: 'Grade',
  handler: 'Handler',
  createdAt: 'Filed',
  deadline: 'Deadline',
  select: (number) => `Select ${number}`,
  unassigned: 'Not assigned',
  loadFailed: 'Could not read the opinions; please try again later.',
  filterForm: 'Filter opinions',
  words: 'Words in the text',
  byCommunity: 'Filter by community',
  byCategory: 'Filter by category',
  byGrade: 'Filter by grade',
  byHandler: 'Filter by handler',
  dateTo: 'to',
  dateFrom: 'Filed from',
  dateUntil: 'Filed until',
  byDate: 'Filter by date filed',
  overdueOnly: 'Overdue only',
  search: 'Search',
  reset: 'Reset',
  states: {
    submitted: 'Submitted',
    accepted: 'Accepted',
    assigned: 'Assigned',
    in_progress: 'In progress',
    resolved: 'Resolved',
    escalated: 'To consultation',
    merged: 'Merged',
    declined: 'Declined',
    closed: 'Closed',
  },
  grades: { simple: 'Simple', general: 'General', complex: 'Complex' },
};

export const boardText = computed(() => (lang.value === 'en' ? en : zh));

/** A state's or grade's name in the chosen language: English by code, else the server's Chinese label. */
export function codeLabel(kind: 'states' | 'grades', list: ReadonlyArray<{ code: string; label: string }>, code?: string): string {
  if (!code) return '';
  return boardText.value[kind][code] ?? list.find((entry) => entry.code === code)?.label ?? code;
}
