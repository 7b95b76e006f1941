import type { Clock } from '../../core/clock.js';
import type { Messages } from '../../i18n/messages.js';
import type { OpinionFactsReader } from './activity-records.js';
import type { ActivityRepository } from './activity-records.js';
import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import { renderCard, renderStats } from './format.js';
import { summarise, type MemberRecordSummary } from './member-record.js';
import { instantsOf, periodOf, type Period, type PeriodWord } from './periods.js';
import { computeRates, type RatesReport } from './rates.js';

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
    return summarise(await this.deps.activities.listBetween(start, end, { memberId }));
  }

  /** Every member's (role member, active) summary, in name order. */
  async summaries(period: Period): Promise<Array<{ member: MemberRecord; summary: MemberRecordSummary }>> {
    const { start, end } = instantsOf(period);
    const entries = await this.deps.activities.listBetween(start, end);
    const members = (await this.deps.members.list({ role: 'member', activeOnly: true })).sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-CN'),
    );
    return members.map((member) => ({ member, summary: summarise(entries.filter((e) => e.memberId === member.id)) }));
  }

  async rates(period: Period): Promise<RatesReport> {
    const { start, end } = instantsOf(period);
    const [opinions, activities, members] = await Promise.all([
      this.deps.opinionFacts.touching(start, end),
      this.deps.activities.listBetween(start, end),
      this.deps.members.list({}),
    ]);
    return computeRates({ start, end, opinions, activities, members });
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
