import type { MemberRecord } from '../members/member-records.js';
import type { MemberRecordSummary } from '../records/member-record.js';
import { percent, type Ratio } from '../records/rates.js';

/** 采用数 / 报送数 and 采用率 for one member, one sector or everyone over a period. */
export interface AdoptionFigures {
  name: string;
  sent: number;
  adopted: number;
  /** 采用率 = adopted in the period ÷ sent in the period (null when nothing was sent). */
  rate: string | null;
  ratio: Ratio;
}

const figures = (name: string, sent: number, adopted: number): AdoptionFigures => {
  const ratio = { num: adopted, den: sent };
  return { name, sent, adopted, rate: percent(ratio), ratio };
};

/**
 * The 社情民意 KPIs of a period from the members' records (the ledger): everyone, per sector and
 * per member (members who sent or had one adopted in the period; most adopted first).
 */
export function adoptionFigures(
  summaries: ReadonlyArray<{ member: Pick<MemberRecord, 'id' | 'name' | 'sector'>; summary: MemberRecordSummary }>,
  overallName: string,
): { overall: AdoptionFigures; bySector: AdoptionFigures[]; byMember: Array<AdoptionFigures & { memberId: string; sector: string }> } {
  const active = summaries.filter(({ summary }) => summary.socialReports + summary.socialReportsAdopted > 0);
  const sectors = new Map<string, { sent: number; adopted: number }>();
  let sent = 0;
  let adopted = 0;
  for (const { member, summary } of active) {
    const sector = sectors.get(member.sector) ?? { sent: 0, adopted: 0 };
    sector.sent += summary.socialReports;
    sector.adopted += summary.socialReportsAdopted;
    sectors.set(member.sector, sector);
    sent += summary.socialReports;
    adopted += summary.socialReportsAdopted;
  }
  const byAdopted = (a: AdoptionFigures, b: AdoptionFigures) =>
    b.adopted - a.adopted || b.sent - a.sent || a.name.localeCompare(b.name, 'zh-CN');
  return {
    overall: figures(overallName, sent, adopted),
    bySector: [...sectors].map(([name, s]) => figures(name, s.sent, s.adopted)).sort(byAdopted),
    byMember: active
      .map(({ member, summary }) => ({
        ...figures(member.name, summary.socialReports, summary.socialReportsAdopted),
        memberId: member.id,
        sector: member.sector,
      }))
      .sort(byAdopted),
  };
}
