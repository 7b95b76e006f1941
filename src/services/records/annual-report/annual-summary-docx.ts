import type { Messages } from '../../../i18n/messages.js';
import { unmetMinimums, type AnnualSummary } from './annual-report-data.js';
import { blank, centred, labelled, line, pack, page, small, table, title } from './docx-parts.js';

/**
 * The office's summary of all members for a year as one Word file: a landscape table, one row per
 * active member in name order (no ranking), with the counts of the 述职表 and the points, and the
 * office's signature line.
 */
export function annualSummaryDocx(t: Messages, summary: AnnualSummary): Promise<Buffer> {
  const a = t.annualReport;
  const rows = summary.rows.map(({ member, summary: s, points }, i) => {
    const unmet = unmetMinimums(points);
    const minimum =
      points.minimums.length === 0
        ? a.summary.noRules
        : unmet.length === 0
          ? a.summary.met
          : a.summary.notMet(unmet.map((k) => t.points.kinds[k]));
    return [
      i + 1,
      member.name,
      member.sector,
      s.events,
      s.shifts,
      s.filed,
      s.resolved,
      s.socialReports,
      s.socialReportsAdopted,
      s.proposals,
      s.cosigned,
      points.total,
      minimum,
    ];
  });
  const children = [
    title(a.summary.title(summary.year)),
    centred(a.info.periodValue(summary.period.from, summary.period.to)),
    small(a.summary.note),
    blank(),
    rows.length === 0 ? line(a.summary.empty) : table(a.summary.header, rows),
    small(a.summary.count(rows.length)),
    small(a.pointsNote),
    labelled(a.signatures.office, a.signatures.blank),
    blank(),
    line(`${a.signatures.blank}${a.signatures.seal}`),
    line(a.signatures.date),
    blank(),
    small(a.footer(summary.generatedAt)),
  ];
  return pack({ title: a.summary.title(summary.year), creator: a.title }, { properties: page(true), children });
}
