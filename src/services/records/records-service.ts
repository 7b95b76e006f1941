import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { OpinionFactsReader } from './activity-records.js';
import type { ActivityKind, ActivityRecord, ActivityRepository } from './activity-records.js';
import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import { renderCard, renderStats } from './format.js';
import { summarise, type MemberRecordSummary } from './member-record.js';
import { instantsOf, periodOf, weeksWithin, type Period, type PeriodWord } from './periods.js';
import { computeRates, emptyRates, type MemberRates, type RateSet, type RatesReport } from './rates.js';

/** The trend shows at most a year of weeks (the latest). */
export const MAX_TREND_WEEKS = 53;

/** Later than any withdrawal can be. */
const END_OF_TIME = new Date(Date.UTC(9999, 0, 1));

/**
 * What a withdrawal cancels: a rating (重新打开 of an opinion) and a 协商成果's delivery (重新落实).
 * Each withdrawal cancels the entries of its kind about the same subject recorded before it.
 */
const WITHDRAWN_BY = new Map<ActivityKind, ActivityKind>([
  ['opinion-rating-withdrawn', 'opinion-rated'],
  ['outcome-delivery-withdrawn', 'outcome-delivered'],
]);
const WITHDRAWAL_KINDS = [...WITHDRAWN_BY.keys()];

/** Entries without the ratings and deliveries a later withdrawal (same subject) cancelled, and without the withdrawals. */
export function withoutWithdrawn(entries: readonly ActivityRecord[], withdrawals: readonly ActivityRecord[]): ActivityRecord[] {
  const lastWithdrawal = new Map<string, number>();
  for (const w of withdrawals) {
    const key = `${WITHDRAWN_BY.get(w.kind)}:${w.subjectId}`;
    lastWithdrawal.set(key, Math.max(lastWithdrawal.get(key) ?? 0, w.at.getTime()));
  }
  return entries.filter((entry) => {
    if (WITHDRAWN_BY.has(entry.kind)) return false;
    const withdrawn = lastWithdrawal.get(`${entry.kind}:${entry.subjectId}`);
    return withdrawn === undefined || withdrawn < entry.at.getTime();
  });
}

export interface RecordsDeps {
  activities: ActivityRepository;
  opinionFacts: OpinionFactsReader;
  members: MemberRepository;
  clock: Clock;
  messages: Messages;
}

/**
 * 履职档案 and 统计: members' records and the committee's rates, read from the activity ledger
 * and the opinions (see {@link computeRates} for the exact period semantics).
 *
 * @example
 * const card = await services.records.card(memberId, services.records.period('本月'));
 */
export class RecordsService {
  constructor(readonly deps: RecordsDeps) {}

  /** The period a word names, as of now. */
  period(word: PeriodWord): Period {
    return periodOf(word, this.deps.clock.now());
  }

  async summary(memberId: string, period: Period): Promise<MemberRecordSummary> {
    const { start, end } = instantsOf(period);
    return summarise(await this.ledger(start, end, { memberId }));
  }

  /**
   * The ledger entries of `[start, end)` as the records count them: a rating withdrawn by a later
   * 重新打开, or a 协商成果 delivery withdrawn by a later 重新落实 (whenever it came), is left out at
   * once, and so are the withdrawals themselves.
   */
  private async ledger(start: Date, end: Date, filter?: { memberId?: string }): Promise<ActivityRecord[]> {
    const [entries, withdrawals] = await Promise.all([
      this.deps.activities.listBetween(start, end, filter),
      this.deps.activities.listBetween(start, END_OF_TIME, { kinds: WITHDRAWAL_KINDS }),
    ]);
    return withoutWithdrawn(entries, withdrawals);
  }

  /** The ledger of a period as the records count it (one member's, or everyone's): what 履职积分 scores. */
  async entries(period: Period, memberId?: string): Promise<ActivityRecord[]> {
    const { start, end } = instantsOf(period);
    return this.ledger(start, end, memberId ? { memberId } : undefined);
  }

  /** Every member's (role member, active) summary, in name order. */
  async summaries(period: Period): Promise<Array<{ member: MemberRecord; summary: MemberRecordSummary }>> {
    const { start, end } = instantsOf(period);
    const entries = await this.ledger(start, end);
    const members = (await this.deps.members.list({ role: 'member', activeOnly: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-CN'),
    );
    return members.map((member) => ({ member, summary: summarise(entries.filter((e) => e.memberId === member.id)) }));
  }

  async rates(period: Period): Promise<RatesReport> {
    const { start, end } = instantsOf(period);
    const [opinions, activities, members] = await Promise.all([
      this.deps.opinionFacts.touching(start, end),
      this.ledger(start, end),
      this.deps.members.list({}),
    ]);
    return computeRates({ start, end, opinions, activities, members });
  }

  /**
   * The overall rates of each week of the period (weeks cut to the period, at most the latest
   * {@link MAX_TREND_WEEKS}): each equals {@link rates} over that week's days, read in one pass.
   */
  async weeklyRates(period: Period): Promise<Array<{ period: Period; rates: RateSet }>> {
    const weeks = weeksWithin(period, MAX_TREND_WEEKS);
    const start = instantsOf(weeks[0]!).start;
    const { end } = instantsOf(period);
    const [opinions, activities, members] = await Promise.all([
      this.deps.opinionFacts.touching(start, end),
      this.ledger(start, end),
      this.deps.members.list({}),
    ]);
    return weeks.map((week) => {
      const range = instantsOf(week);
      const inWeek = activities.filter((a) => a.at >= range.start && a.at < range.end);
      return { period: week, rates: computeRates({ ...range, opinions, activities: inWeek, members }).overall };
    });
  }

  /**
   * One person's 履职档案 as the office sees it: who they are, what the ledger counts for them and
   * their five rates (as in {@link rates}' byMember); null when there is no such person.
   */
  async memberRecord(
    memberId: string,
    period: Period,
  ): Promise<{ member: MemberRecord; summary: MemberRecordSummary; rates: MemberRates; text: string } | null> {
    const member = await this.deps.members.findById(memberId);
    if (!member) return null;
    const [summary, report] = await Promise.all([this.summary(memberId, period), this.rates(period)]);
    const rates = report.byMember.find((m) => m.id === memberId) ?? {
      id: member.id,
      name: member.name,
      sector: member.sector,
      rates: emptyRates(),
    };
    return { member, summary, rates, text: renderCard(this.deps.messages, member, period, summary) };
  }

  /** The compact card for a member, or null when there is no such member. */
  async card(memberId: string, period: Period): Promise<string | null> {
    const member = await this.deps.members.findById(memberId);
    if (!member) return null;
    return renderCard(this.deps.messages, member, period, await this.summary(memberId, period));
  }

  async statsText(period: Period): Promise<string> {
    return renderStats(this.deps.messages, period, await this.rates(period));
  }
}
