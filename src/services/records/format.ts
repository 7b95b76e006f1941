import type { Messages } from '../../i18n/messages.js';
import type { MemberRecord } from '../members/member-records.js';
import type { MemberRecordSummary } from './member-record.js';
import { isEmpty } from './member-record.js';
import type { Period } from './periods.js';
import { percent, type RateSet, type RatesReport, type Ratio } from './rates.js';

/** `2026年11月`, `2026年第4季度`, … */
export function periodLabel(t: Messages, period: Period): string {
  const year = Number(period.from.slice(0, 4));
  const p = t.records.period;
  switch (period.kind) {
    case 'month':
      return p.month(year, Number(period.from.slice(5, 7)));
    case 'quarter':
      return p.quarter(year, Number(period.key.slice(-1)));
    case 'year':
      return p.year(year);
    case 'week':
      return p.week(period.from, period.to);
    case 'range':
      return p.range(period.from, period.to);
  }
}

/** The compact card of 我的履职 / 履职 / the monthly card: a title and up to five lines. */
export function renderCard(
  t: Messages,
  member: Pick<MemberRecord, 'name' | 'sector'>,
  period: Period,
  summary: MemberRecordSummary,
): string {
  const c = t.records.card;
  const lines = [c.title(member.name, member.sector, periodLabel(t, period))];
  if (isEmpty(summary)) return [...lines, c.empty].join('\n');
  lines.push(c.presence(summary.shifts, summary.events));
  lines.push(c.voice(summary.filed, summary.proposals, summary.cosigned));
  if (summary.socialReports + summary.socialReportsAdopted > 0)
    lines.push(t.socialReports.cardLine(summary.socialReports, summary.socialReportsAdopted));
  if (summary.outcomesDelivered > 0) lines.push(t.outcomes.cardLine(summary.outcomesDelivered));
  lines.push(c.work(summary.accepted, summary.resolved, summary.onTime, summary.onSpot));
  if (summary.satisfaction.den > 0)
    lines.push(c.satisfaction(percent(summary.satisfaction), summary.satisfaction.num, summary.satisfaction.den));
  return lines.join('\n');
}

const RATE_KEYS = ['response', 'onTime', 'resolution', 'satisfaction', 'participation'] as const;

/** `响应率 83.3%（25/30）` for each rate of the set (participation only where it applies). */
export function rateTexts(t: Messages, rates: RateSet, names: Record<(typeof RATE_KEYS)[number], string> = t.records.rateNames): string[] {
  return RATE_KEYS.filter((key) => rates[key] !== undefined).map((key) => {
    const ratio = rates[key] as Ratio;
    return t.records.rate(names[key], percent(ratio), ratio.num, ratio.den);
  });
}

/** 统计: the overall figures, then one line per sector and per community. */
export function renderStats(t: Messages, period: Period, report: RatesReport): string {
  const s = t.records.stats;
  const lines = [s.title(periodLabel(t, period), period.from, period.to), s.overall, ...rateTexts(t, report.overall)];
  lines.push(s.bySector);
  for (const { name, rates } of report.bySector) lines.push(s.groupLine(name, rateTexts(t, rates, t.records.rateShort)));
  lines.push(s.byCommunity);
  if (report.byCommunity.length === 0) lines.push(s.noCommunity);
  for (const { name, rates } of report.byCommunity) lines.push(s.groupLine(name, rateTexts(t, rates, t.records.rateShort)));
  lines.push(s.note);
  return lines.join('\n');
}
