import type { ActivityRecord } from './activity-records.js';
import type { Ratio } from './rates.js';

/** One member's 履职档案 over a period, counted from the ledger (never typed by hand). */
export interface MemberRecordSummary {
  /** 接待值班: shifts served. */
  shifts: number;
  /** 反映民意: opinions they filed. */
  filed: number;
  /** 受理: opinions they accepted. */
  accepted: number;
  /** 办结: opinions they resolved (each once), of which on time and on the spot. */
  resolved: number;
  onTime: number;
  onSpot: number;
  /** 参加活动: events checked in at. */
  events: number;
  /** 提案: submitted as author, and as co-signer. */
  proposals: number;
  cosigned: number;
  /** 社情民意信息: reports sent, and reports adopted (by any committee). */
  socialReports: number;
  socialReportsAdopted: number;
  /** 协商成果 of events they ran, delivered (已落实). */
  outcomesDelivered: number;
  /** 满意率 of the opinions they handled that were rated in the period. */
  satisfaction: Ratio;
}

/** Counts one member's entries (`entries` already limited to the member and the period). */
export function summarise(entries: readonly ActivityRecord[]): MemberRecordSummary {
  const count = (kind: ActivityRecord['kind']) => entries.filter((e) => e.kind === kind).length;
  const lastBySubject = (kind: ActivityRecord['kind']) => {
    const last = new Map<string, ActivityRecord>();
    for (const entry of entries) if (entry.kind === kind) last.set(entry.subjectId, entry);
    return [...last.values()];
  };
  const resolved = lastBySubject('opinion-resolved');
  const rated = lastBySubject('opinion-rated');
  return {
    shifts: count('shift-served'),
    filed: count('opinion-filed'),
    accepted: count('opinion-accepted'),
    resolved: resolved.length,
    onTime: resolved.filter((e) => e.onTime).length,
    onSpot: resolved.filter((e) => e.onSpot).length,
    events: count('event-attended'),
    proposals: count('proposal-submitted'),
    cosigned: count('proposal-cosigned'),
    socialReports: count('social-report-submitted'),
    socialReportsAdopted: count('social-report-adopted'),
    outcomesDelivered: count('outcome-delivered'),
    satisfaction: { num: rated.filter((e) => e.rating === 'satisfied' || e.rating === 'basically').length, den: rated.length },
  };
}

/** True when nothing at all was recorded. */
export function isEmpty(summary: MemberRecordSummary): boolean {
  return (
    summary.shifts +
      summary.filed +
      summary.accepted +
      summary.resolved +
      summary.events +
      summary.proposals +
      summary.cosigned +
      summary.socialReports +
      summary.socialReportsAdopted +
      summary.outcomesDelivered +
      summary.satisfaction.den ===
    0
  );
}
