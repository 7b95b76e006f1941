import { timeOfDay } from '../../core/scheduled-job.js';
import type { Clock } from '../../core/clock.js';
import { addDays, beijingDate, beijingInstant, weekdayOf } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import type { OpinionFactsReader } from '../records/activity-records.js';
import type { ActivityRecord } from '../records/activity-records.js';
import { OPINION_STATES } from '../opinions/opinion-records.js';
import type { Notifier } from '../notifier.js';
import { rateTexts, renderCard } from '../records/format.js';
import { isEmpty } from '../records/member-record.js';
import { instantsOf, monthPeriod, weekPeriod, weeksBefore, type Period } from '../records/periods.js';
import type { RateSet, Ratio } from '../records/rates.js';
import type { RecordsService } from '../records/records-service.js';
import { renderChartPng, type ChartInput } from './chart.js';

const CHART_WEEKS = 8;
const STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
const OPEN_STATES = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'] as const;

export interface DigestDeps {
  records: RecordsService;
  opinionFacts: OpinionFactsReader;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
  /** `HH:MM` Beijing: the Monday digest and the monthly cards (on the 1st) go out from then on. */
  digestTime: string;
  /** A CJK font file for the chart (see {@link renderChartPng}). */
  chartFont?: string;
  /** 协商成果: the "成果落实" line (null when there is no item). */
  outcomes?: { digestLine(now: Date): Promise<string | null> };
}

/** The weekly figures of one week, from the ledger and the opinions. */
interface WeekFlow {
  filed: number;
  accepted: number;
  resolved: number;
  onTime: number;
  rated: number;
  shifts: number;
  attendances: number;
  proposals: number;
}

const distinct = (entries: ActivityRecord[], kind: ActivityRecord['kind']) => {
  const last = new Map<string, ActivityRecord>();
  for (const entry of entries) if (entry.kind === kind) last.set(entry.subjectId, entry);
  return [...last.values()];
};
const value = (ratio: Ratio) => (ratio.den === 0 ? null : Math.round((ratio.num * 1000) / ratio.den) / 10);

/**
 * 周报 and 月度履职卡. Each run asks "is one due at `now`?": the weekly digest on Monday from the
 * digest time (for the week before), the cards on the 1st from the digest time (for the month
 * before). Outbox keys `digest:weekly:<ISO week>` and `card:<memberId>:<YYYY-MM>` make every
 * further run, on any instance, change nothing.
 */
export class DigestService {
  constructor(private readonly deps: DigestDeps) {}

  /** True from `HH:MM` on the given day (Beijing) to the end of that day. */
  private isDueDay(now: Date, day: string): boolean {
    const { hour, minute } = timeOfDay(this.deps.digestTime);
    return beijingDate(now) === day && now >= beijingInstant(day, hour, minute);
  }

  /** The Monday digest to the staff group, with the chart as an image where the platform can show one. */
  async sendWeeklyDigest(now: Date): Promise<boolean> {
    const today = beijingDate(now);
    if (weekdayOf(today) !== 1 || !this.isDueDay(now, today)) return false;
    const week = weekPeriod(addDays(today, -7));
    const flow = await this.flow(week);
    const outcomesLine = (await this.deps.outcomes?.digestLine(now)) ?? null;
    // A week in which nothing happened (and no 成果 to follow) is not worth a message in the office group.
    if (Object.values(flow).every((n) => n === 0) && !outcomesLine) return false;
    const t = this.deps.messages.records.digest;
    const rates = await this.deps.records.rates(week);
    const states = await this.deps.opinionFacts.countByState();
    const opinionsT = this.deps.messages.opinions;
    const text = [
      t.title(week.from, week.to),
      t.flow(flow.filed, flow.accepted, flow.resolved, flow.onTime, flow.rated),
      t.work(flow.shifts, flow.attendances, flow.proposals),
      t.rates,
      ...rateTexts(this.deps.messages, rates.overall).map(t.rateLine),
      t.open(OPEN_STATES.filter((s) => (states[s] ?? 0) > 0).map((s) => t.openPart(opinionsT.states[s] ?? s, states[s]!))),
      ...(outcomesLine ? [outcomesLine] : []),
      t.chartNote,
    ].join('\n');
    const png = renderChartPng(await this.chartInput(today, states), this.deps.chartFont);
    await this.deps.notifier.notify(
      { kind: 'group', groupKey: 'staff' },
      { text, format: 'markdown', image: { png } },
      { idempotencyKey: `digest:weekly:${week.key}`, expiresAt: new Date(now.getTime() + STALE_AFTER_MS) },
    );
    return true;
  }

  /** On the 1st: each member with anything recorded last month gets their card 1:1. */
  async sendMonthlyCards(now: Date): Promise<number> {
    const today = beijingDate(now);
    if (!today.endsWith('-01') || !this.isDueDay(now, today)) return 0;
    const last = addDays(today, -1);
    const month = monthPeriod(Number(last.slice(0, 4)), Number(last.slice(5, 7)));
    const c = this.deps.messages.records.card;
    let sent = 0;
    for (const { member, summary } of await this.deps.records.summaries(month)) {
      // An empty card would only be noise; the member can still ask 我的履职 at any time.
      if (isEmpty(summary)) continue;
      const text = [c.monthlyIntro(member.name), renderCard(this.deps.messages, member, month, summary), c.monthlyHint].join('\n');
      await this.deps.notifier.notify(
        { kind: 'member', memberId: member.id },
        { text, format: 'text' },
        { idempotencyKey: `card:${member.id}:${month.key}`, expiresAt: new Date(now.getTime() + STALE_AFTER_MS) },
      );
      sent += 1;
    }
    return sent;
  }

  private async flow(week: Period): Promise<WeekFlow> {
    const { start, end } = instantsOf(week);
    // As the records count them: a rating withdrawn by a later 重新打开 is not counted.
    const entries = await this.deps.records.entries(week);
    const filed = (await this.deps.opinionFacts.createdBetween(start, end)).length;
    const resolved = distinct(entries, 'opinion-resolved');
    return {
      filed,
      accepted: entries.filter((e) => e.kind === 'opinion-accepted').length,
      resolved: resolved.length,
      onTime: resolved.filter((e) => e.onTime).length,
      rated: distinct(entries, 'opinion-rated').length,
      shifts: entries.filter((e) => e.kind === 'shift-served').length,
      attendances: entries.filter((e) => e.kind === 'event-attended').length,
      proposals: entries.filter((e) => e.kind === 'proposal-submitted').length,
    };
  }

  /** Bars: opinions in each state now; lines: the rates of the eight weeks before this one. */
  async chartInput(today: string, states: Partial<Record<string, number>>): Promise<ChartInput> {
    const t = this.deps.messages;
    const weeks = weeksBefore(today, CHART_WEEKS);
    const reports: RateSet[] = [];
    for (const week of weeks) reports.push((await this.deps.records.rates(week)).overall);
    const names = t.records.rateNames;
    return {
      statesTitle: t.records.digest.chartStates,
      states: OPINION_STATES.map((state) => ({ label: t.opinions.states[state] ?? state, count: states[state] ?? 0 })),
      ratesTitle: t.records.digest.chartRates,
      weekLabels: weeks.map((w) => t.records.digest.weekLabel(w.from)),
      series: (['response', 'onTime', 'resolution', 'satisfaction'] as const).map((key) => ({
        name: names[key],
        values: reports.map((r) => value(r[key])),
      })),
    };
  }
}
