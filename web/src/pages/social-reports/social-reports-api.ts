import { api, request, toSearch } from '../../api/http';

// The 社情民意 page's calls to /api/social-reports (docs/workbench-api.md). Every rule (which step
// follows which, levels, the 1,500-character limit) is the server's; it answers `nextSteps` and
// `editable` with each report, and a preview worded as chat's confirmation before a step.

export type ReportState = 'submitted' | 'edited' | 'forwarded' | 'adopted' | 'not-adopted';
export type ReportLevel = 'district' | 'city' | 'province' | 'national';
export type StepTo = Exclude<ReportState, 'submitted'>;

export const STATE_LABELS: Record<ReportState, string> = {
  submitted: '已报送',
  edited: '已编发',
  forwarded: '已上报',
  adopted: '已采用',
  'not-adopted': '未采用',
};
export const LEVELS: Array<{ code: ReportLevel; label: string }> = [
  { code: 'district', label: '区政协' },
  { code: 'city', label: '市政协' },
  { code: 'province', label: '省政协' },
  { code: 'national', label: '全国政协' },
];
/** The buttons for each step staff may take (the verb, as chat's 社情民意办理 says it). */
export const STEP_LABELS: Record<StepTo, string> = {
  edited: '编发',
  forwarded: '上报',
  adopted: '采用',
  'not-adopted': '未采用',
};
export const FIELD_LABELS = {
  title: '标题',
  situation: '基本情况',
  analysis: '原因分析',
  suggestions: '意见建议',
  unit: '反映人单位',
} as const;
export type TextField = keyof typeof FIELD_LABELS;

export interface ReportStep {
  at: string;
  by: string;
  byName: string;
  action: ReportState | 'edit';
  level?: ReportLevel;
  note?: string;
}

export interface SocialReport {
  id: string;
  number: string;
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
  unit: string;
  authorId: string;
  fromOpinion?: string;
  state: ReportState;
  stateLabel: string;
  level?: ReportLevel;
  instruction?: string;
  reason?: string;
  adoptedAt?: string;
  length: number;
  maxLength: number;
  nextSteps: StepTo[];
  editable: boolean;
  steps: ReportStep[];
  createdAt: string;
}

export interface StepInput {
  to: StepTo;
  level?: ReportLevel;
  note?: string;
}

export interface Figures {
  name: string;
  sent: number;
  adopted: number;
  rate: string | null;
}

export interface AdoptionStats {
  period: { key: string };
  overall: Figures;
  bySector: Figures[];
  byMember: Array<Figures & { memberId: string; sector: string }>;
}

export interface ReportFilter {
  period: string;
  state?: string;
  member?: string;
}

const path = (number: string) => `/api/social-reports/${encodeURIComponent(number)}`;

export const socialReportsApi = {
  list: async (filter: ReportFilter) => (await api.get<{ items: SocialReport[] }>('/api/social-reports', { ...filter })).items,
  get: (number: string) => api.get<SocialReport>(path(number)),
  edit: (number: string, changes: Partial<Record<TextField, string>>) => request<SocialReport>('PATCH', path(number), { body: changes }),
  preview: (number: string, step: StepInput) => api.post<{ changes: string[]; notified: string[] }>(`${path(number)}/steps/preview`, step),
  step: (number: string, step: StepInput) => api.post<SocialReport>(`${path(number)}/steps`, step),
  stats: (period: string) => api.get<AdoptionStats>('/api/social-reports/stats', { period }),
  /** The year's reports with their fate; the browser sends the session cookie with the download. */
  exportUrl: (format: 'csv' | 'xlsx', period: string) => `/api/social-reports/export.${format}${toSearch({ period })}`,
};

/** Characters as the server counts them: every character but spaces and line breaks. */
export const countChars = (text: string): number => [...text.replace(/\s/g, '')].length;

/** This Beijing year and the four before, for the year picker. */
export function recentYears(now = new Date()): string[] {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
  return [0, 1, 2, 3, 4].map((back) => String(year - back));
}

/** How one step of the trail reads: 已上报市政协, 修改了标题, 已被市政协采用… */
export function stepWords(step: ReportStep): string {
  const level = LEVELS.find((l) => l.code === step.level)?.label ?? '';
  switch (step.action) {
    case 'edit':
      return `修改了${step.note ?? '内容'}`;
    case 'forwarded':
      return `已上报${level}`;
    case 'adopted':
      return `已被${level}采用`;
    default:
      return STATE_LABELS[step.action];
  }
}
