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

/** Builds the admin API's exports (headers in the configured locale). */
export class RecordsExports {
  constructor(
    private readonly records: RecordsService,
    private readonly messages: Messages,
    private readonly privacy: PrivacyGate,
  ) {}

  build(name: ExportName, period: Period): Promise<Table> {
    if (name === 'opinions') return this.opinions(period);
    if (name === 'records') return this.memberRecords(period);
    return this.rates(period);
  }

  /** Every opinion submitted in the period, oldest first. */
  private async opinions(period: Period): Promise<Table> {
    const t = this.messages;
    const { start, end } = instantsOf(period);
    const facts = await this.records.deps.opinionFacts.createdBetween(start, end);
    const names = new Map((await this.records.deps.members.list({})).map((m) => [m.id, m.name]));
    return opinionTable(t, facts, await this.privacy.forExport(facts), (id) => names.get(id));
  }

  private async memberRecords(period: Period): Promise<Table> {
    const t = this.messages.records.export;
    const rows = (await this.records.summaries(period)).map(({ member, summary: s }) => [
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
      s.satisfaction.num,
      s.satisfaction.den,
    ]);
    return { sheet: t.sheets.records, header: t.records, rows };
  }

  private async rates(period: Period): Promise<Table> {
    const t = this.messages.records.export;
    const report = await this.records.rates(period);
    const row = (scope: string, name: string, r: RateSet) => [
      scope,
      name,
      ...[r.response, r.onTime, r.resolution, r.satisfaction].flatMap((ratio) => [percent(ratio) ?? '', ratio.num, ratio.den]),
      ...(r.participation ? [percent(r.participation) ?? '', r.participation.num, r.participation.den] : ['', '', '']),
    ];
    const rows = [
      row(t.scopes.overall, t.scopes.overall, report.overall),
      ...report.bySector.map((s) => row(t.scopes.sector, s.name, s.rates)),
      ...report.byCommunity.map((c) => row(t.scopes.community, c.name, c.rates)),
    ];
    return { sheet: t.sheets.rates, header: t.rates, rows };
  }
}
