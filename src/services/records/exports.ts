import type { Messages } from '../../i18n/messages.js';
import type { PrivacyGate } from '../privacy/privacy-gate.js';
import type { Period } from './periods.js';
import { instantsOf } from './periods.js';
import { opinionTable } from './opinion-table.js';
import { percent, type RateSet } from './rates.js';
import type { RecordsService } from './records-service.js';

/** A table to write as CSV or XLSX: a header row and plain cells. */
export interface Table {
  sheet: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

export type ExportName = 'opinions' | 'records' | 'rates';

/** Which rows a rates export holds: `all` (overall, sectors, communities) or one view of the 统计 page. */
export const RATE_VIEWS = ['all', 'sector', 'community', 'member', 'weekly'] as const;
export type RateView = (typeof RATE_VIEWS)[number];

/** What narrows an export: the rates' view, one member's record. */
export interface ExportOptions {
  view?: RateView;
  memberId?: string;
}

/** Builds the admin API's exports (headers in the configured locale). */
export class RecordsExports {
  constructor(
    private readonly records: RecordsService,
    private readonly messages: Messages,
    private readonly privacy: PrivacyGate,
  ) {}

  build(name: ExportName, period: Period, options: ExportOptions = {}): Promise<Table> {
    if (name === 'opinions') return this.opinions(period);
    if (name === 'records') return this.memberRecords(period, options.memberId);
    return this.rates(period, options.view ?? 'all');
  }

  /** Every opinion submitted in the period, oldest first. */
  private async opinions(period: Period): Promise<Table> {
    const t = this.messages;
    const { start, end } = instantsOf(period);
    const facts = await this.records.deps.opinionFacts.createdBetween(start, end);
    const names = new Map((await this.records.deps.members.list({})).map((m) => [m.id, m.name]));
    return opinionTable(t, facts, await this.privacy.forExport(facts), (id) => names.get(id));
  }

  private async memberRecords(period: Period, memberId?: string): Promise<Table> {
    const t = this.messages.records.export;
    const summaries = memberId ? await this.oneSummary(memberId, period) : await this.records.summaries(period);
    const rows = summaries.map(({ member, summary: s }) => [
      member.name,
      member.sector,
      s.shifts,
      s.filed,
      s.accepted,
      s.resolved,
      s.onTime,
      s.onSpot,
      s.events,
      s.proposals,
      s.cosigned,
      s.socialReports,
      s.socialReportsAdopted,
      s.outcomesDelivered,
      s.satisfaction.num,
      s.satisfaction.den,
    ]);
    return { sheet: t.sheets.records, header: t.records, rows };
  }

  private async oneSummary(memberId: string, period: Period) {
    const member = await this.records.deps.members.findById(memberId);
    return member ? [{ member, summary: await this.records.summary(memberId, period) }] : [];
  }

  private async rates(period: Period, view: RateView): Promise<Table> {
    const t = this.messages.records.export;
    const row = (scope: string, name: string, r: RateSet) => [
      scope,
      name,
      ...[r.response, r.onTime, r.resolution, r.satisfaction].flatMap((ratio) => [percent(ratio) ?? '', ratio.num, ratio.den]),
      ...(r.participation ? [percent(r.participation) ?? '', r.participation.num, r.participation.den] : ['', '', '']),
    ];
    if (view === 'weekly') {
      const weeks = await this.records.weeklyRates(period);
      const rows = weeks.map((w) => row(t.scopes.week, `${w.period.key} ${w.period.from}~${w.period.to}`, w.rates));
      return { sheet: t.sheets.rates, header: t.rates, rows };
    }
    const report = await this.records.rates(period);
    const rows = [row(t.scopes.overall, t.scopes.overall, report.overall)];
    if (view === 'all' || view === 'sector') rows.push(...report.bySector.map((s) => row(t.scopes.sector, s.name, s.rates)));
    if (view === 'all' || view === 'community') rows.push(...report.byCommunity.map((c) => row(t.scopes.community, c.name, c.rates)));
    if (view === 'member') rows.push(...report.byMember.map((m) => row(t.scopes.member, `${m.name}（${m.sector}）`, m.rates)));
    return { sheet: t.sheets.rates, header: t.rates, rows };
  }
}
