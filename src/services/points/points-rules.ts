import type { ActivityRecord } from '../records/activity-records.js';

/**
 * 履职积分: what earns points, all read from the activity ledger (never typed in, never scored on
 * time online or reading: government-app rules forbid forced check-ins, rankings and online time).
 */
export const POINT_KINDS = [
  'shift-served', // 接待值班
  'event-attended', // 参加协商活动
  'opinion-filed', // 反映民意
  'opinion-resolved-on-time', // 按时办结民意
  'social-report-submitted', // 报送社情民意
  'social-report-adopted', // 社情民意被采用
  'proposal-submitted', // 提交提案
  'proposal-cosigned', // 联名提案
  'outcome-delivered', // 组织的协商活动成果已落实 (谁组织谁记录: the member who recorded the event's outcome)
] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export interface PointsRule {
  kind: PointKind;
  /** Points for each item. */
  points: number;
  /** At most this many points from this kind in the period asked (none: no cap). */
  cap?: number;
}

export interface PointsMinimum {
  kind: PointKind;
  /** How many items a member is expected to have in a year (e.g. one opinion, three activities). */
  count: number;
}

/** The office's rules: points per kind with caps, and the minimum a year. */
export interface PointsRules {
  rules: PointsRule[];
  minimums: PointsMinimum[];
}

/** The rules until the office sets its own (PUT /api/settings/points-rules). */
export const DEFAULT_POINTS_RULES: PointsRules = {
  rules: [
    { kind: 'shift-served', points: 2, cap: 24 },
    { kind: 'event-attended', points: 3, cap: 30 },
    { kind: 'opinion-filed', points: 1, cap: 20 },
    { kind: 'opinion-resolved-on-time', points: 2, cap: 20 },
    { kind: 'social-report-submitted', points: 2, cap: 20 },
    { kind: 'social-report-adopted', points: 5 },
    { kind: 'proposal-submitted', points: 3 },
    { kind: 'proposal-cosigned', points: 1, cap: 5 },
    // A consultation whose result was delivered is worth what a proposal is; capped so that an event
    // with many small items does not outweigh attending and reporting.
    { kind: 'outcome-delivered', points: 3, cap: 15 },
  ],
  minimums: [
    { kind: 'opinion-filed', count: 1 },
    { kind: 'social-report-submitted', count: 1 },
    { kind: 'event-attended', count: 3 },
  ],
};

/** One ledger fact that earned (or would earn) points. */
export interface PointItem {
  kind: PointKind;
  at: Date;
  /** Opinion, proposal or report number, event number or shift date. */
  ref?: string;
}

export interface PointsLine {
  kind: PointKind;
  count: number;
  /** Points each, and what the line gives after its cap. */
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

/** The ledger entries a kind counts: an opinion resolved on time counts once, as its last resolution says. */
export function itemsOf(entries: readonly ActivityRecord[]): Map<PointKind, PointItem[]> {
  const items = new Map<PointKind, PointItem[]>(POINT_KINDS.map((kind) => [kind, []]));
  const resolved = new Map<string, ActivityRecord>();
  for (const entry of entries) {
    if (entry.kind === 'opinion-resolved') resolved.set(entry.subjectId, entry);
    else if ((POINT_KINDS as readonly string[]).includes(entry.kind))
      items.get(entry.kind as PointKind)!.push({ kind: entry.kind as PointKind, at: entry.at, ...(entry.ref ? { ref: entry.ref } : {}) });
  }
  for (const entry of resolved.values())
    if (entry.onTime)
      items
        .get('opinion-resolved-on-time')!
        .push({ kind: 'opinion-resolved-on-time', at: entry.at, ...(entry.ref ? { ref: entry.ref } : {}) });
  return items;
}

/** One member's points over a period from their ledger entries, by the office's rules. */
export function scorePoints(entries: readonly ActivityRecord[], rules: PointsRules): PointsSheet {
  const items = itemsOf(entries);
  const lines = rules.rules.map((rule): PointsLine => {
    const own = items.get(rule.kind) ?? [];
    const raw = own.length * rule.points;
    const points = rule.cap === undefined ? raw : Math.min(raw, rule.cap);
    return { kind: rule.kind, count: own.length, each: rule.points, points, capped: points < raw, items: own };
  });
  return {
    total: lines.reduce((sum, line) => sum + line.points, 0),
    lines,
    minimums: rules.minimums.map((minimum) => {
      const count = items.get(minimum.kind)?.length ?? 0;
      return { kind: minimum.kind, count, required: minimum.count, met: count >= minimum.count };
    }),
  };
}
