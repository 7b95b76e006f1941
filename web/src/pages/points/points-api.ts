import { api, request } from '../../api/http';

// 履职积分 (docs/workbench-api.md): every member's points for staff in name order (never a ranking:
// government-app rules forbid points rankings), one's own for a member, and the office's rules.

export const POINT_KINDS = [
  'shift-served',
  'event-attended',
  'opinion-filed',
  'opinion-resolved-on-time',
  'social-report-submitted',
  'social-report-adopted',
  'proposal-submitted',
  'proposal-cosigned',
  'outcome-delivered',
] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** As chat's 我的积分 names them. */
export const KIND_LABELS: Record<PointKind, string> = {
  'shift-served': '接待值班',
  'event-attended': '参加活动',
  'opinion-filed': '反映民意',
  'opinion-resolved-on-time': '按时办结民意',
  'social-report-submitted': '报送社情民意',
  'social-report-adopted': '社情民意被采用',
  'proposal-submitted': '提交提案',
  'proposal-cosigned': '联名提案',
  'outcome-delivered': '组织的协商活动成果已落实',
};

export interface PointItem {
  kind: PointKind;
  at: string;
  ref?: string;
}

export interface PointsLine {
  kind: PointKind;
  count: number;
  each: number;
  points: number;
  capped: boolean;
  items: PointItem[];
}

export interface PointsSheet {
  total: number;
  lines: PointsLine[];
  minimums: Array<{ kind: PointKind; count: number; required: number; met: boolean }>;
}

export interface MemberPoints extends PointsSheet {
  memberId: string;
  name: string;
  sector?: string;
}

export interface PointsRules {
  rules: Array<{ kind: PointKind; points: number; cap?: number }>;
  minimums: Array<{ kind: PointKind; count: number }>;
}

export const pointsApi = {
  all: async (period: string) => (await api.get<{ members: MemberPoints[] }>('/api/points', { period })).members,
  mine: (period: string) => api.get<MemberPoints>('/api/points/me', { period }),
  rules: () => api.get<PointsRules>('/api/settings/points-rules'),
  saveRules: (rules: PointsRules) => request<PointsRules>('PUT', '/api/settings/points-rules', { body: rules }),
};

/** One row of the rules form: empty text for “no cap” / “no minimum”. */
export interface RuleRow {
  kind: PointKind;
  points: string;
  cap: string;
  minimum: string;
}

export function rowsOf(rules: PointsRules): RuleRow[] {
  return POINT_KINDS.map((kind) => {
    const rule = rules.rules.find((r) => r.kind === kind);
    const minimum = rules.minimums.find((m) => m.kind === kind);
    return {
      kind,
      points: rule ? String(rule.points) : '',
      cap: rule?.cap !== undefined ? String(rule.cap) : '',
      minimum: minimum ? String(minimum.count) : '',
    };
  });
}

const whole = (text: string, min: number, max: number): number | null => {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
};

/**
 * The form's rows as the rules the server takes, or the problems in Chinese naming the kind (the
 * server checks the same limits; its sentence names JSON fields, which staff should not need to read).
 * A kind without points is left out (it earns nothing).
 */
export function rulesOf(rows: RuleRow[]): { rules: PointsRules } | { problems: string[] } {
  const problems: string[] = [];
  const rules: PointsRules = { rules: [], minimums: [] };
  for (const row of rows) {
    const name = KIND_LABELS[row.kind];
    if (row.points.trim() !== '') {
      const points = whole(row.points, 0, 100);
      if (points === null) problems.push(`“${name}”的每项分值要写 0 到 100 的整数。`);
      const cap = row.cap.trim() === '' ? undefined : whole(row.cap, 0, 1000);
      if (cap === null) problems.push(`“${name}”的上限要写 0 到 1000 的整数，不设上限请留空。`);
      if (points !== null && cap !== null) rules.rules.push({ kind: row.kind, points, ...(cap !== undefined ? { cap } : {}) });
    } else if (row.cap.trim() !== '') problems.push(`“${name}”设了上限却没有每项分值，请补上分值或清空上限。`);
    if (row.minimum.trim() !== '') {
      const count = whole(row.minimum, 1, 100);
      if (count === null) problems.push(`“${name}”的年度基本要求要写 1 到 100 的整数，没有要求请留空。`);
      else rules.minimums.push({ kind: row.kind, count });
    }
  }
  return problems.length ? { problems } : { rules };
}
