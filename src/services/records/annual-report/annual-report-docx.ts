import type { Paragraph, Table } from 'docx';
import type { Messages } from '../../../i18n/messages.js';
import { percent } from '../rates.js';
import type { AnnualReport } from './annual-report-data.js';
import { blank, centred, heading, infoTable, labelled, line, pack, page, small, table, title } from './docx-parts.js';

/** A section's table, or “本年度无记录。” when it has no rows. */
const tableOrNone = (t: Messages, header: readonly string[], rows: Array<Array<string | number>>): Array<Paragraph | Table> =>
  rows.length === 0 ? [line(t.annualReport.none)] : [table(header, rows)];

/**
 * The 述职表 of one member (年度履职报告) as a Word file an office prints and signs: the head, the
 * overview, one section per kind of work with the items behind each count, the points by rule,
 * room for the member's own statement, and the signature lines of the member and the office.
 */
export function annualReportDocx(t: Messages, report: AnnualReport): Promise<Buffer> {
  const a = t.annualReport;
  const s = report.summary;
  const o = a.overview;
  const children: Array<Paragraph | Table> = [
    title(a.title),
    centred(a.subtitle(report.year)),
    blank(),
    infoTable([
      [a.info.name, report.member.name],
      [a.info.sector, report.member.sector],
      [a.info.period, a.info.periodValue(report.period.from, report.period.to)],
      [a.info.generated, report.generatedAt],
    ]),

    heading(a.sections.overview),
    ...[
      o.events(s.events),
      o.duty(s.shifts),
      o.opinions(s.filed),
      o.handled(s.accepted, s.resolved, s.onTime, s.onSpot),
      o.socialReports(s.socialReports, s.socialReportsAdopted),
      o.proposals(s.proposals, s.cosigned),
      o.points(report.points.total),
    ].map((text) => line(`· ${text}`)),

    heading(a.sections.events),
    ...tableOrNone(
      t,
      a.eventsHeader,
      report.events.map((e, i) => [i + 1, e.date, e.number, e.title]),
    ),

    heading(a.sections.duty),
    ...tableOrNone(
      t,
      a.dutyHeader,
      report.shifts.map((date, i) => [i + 1, date]),
    ),

    heading(a.sections.opinions),
    ...tableOrNone(
      t,
      a.opinionsHeader,
      report.opinions.map((op) => [op.number, op.filedOn, op.summary, op.outcome]),
    ),

    heading(a.sections.handled),
    line(o.handled(s.accepted, s.resolved, s.onTime, s.onSpot)),
    line(
      s.satisfaction.den > 0
        ? a.handledLines.satisfaction(percent(s.satisfaction) ?? '', s.satisfaction.num, s.satisfaction.den)
        : a.handledLines.noRating,
    ),

    heading(a.sections.socialReports),
    line(o.socialReports(s.socialReports, s.socialReportsAdopted)),
    ...tableOrNone(
      t,
      a.socialReportsHeader,
      report.socialReports.map((r) => [r.number, r.sentOn, r.title, r.fate]),
    ),

    heading(a.sections.proposals),
    ...tableOrNone(
      t,
      a.proposalsHeader,
      report.proposals.map((p) => [p.number, p.title, a.proposalRoles[p.role], p.submittedOn]),
    ),

    heading(a.sections.points),
    table(a.pointsHeader, [
      ...report.points.lines.map((l) => [t.points.kinds[l.kind], l.count, l.each, `${l.points}${l.capped ? a.capped : ''}`]),
      [a.pointsTotal, '', '', report.points.total],
    ]),
    ...(report.points.minimums.length > 0
      ? [
          labelled(a.minimumsTitle, ''),
          ...report.points.minimums.map((m) => line(`· ${a.minimum(t.points.kinds[m.kind], m.count, m.required, m.met)}`)),
        ]
      : []),
    small(a.pointsNote),

    heading(a.sections.statement),
    small(a.statementHint),
    ...Array.from({ length: 6 }, () => blank()),

    labelled(a.signatures.member, a.signatures.blank),
    line(a.signatures.date),
    labelled(a.signatures.office, a.signatures.blank),
    blank(),
    line(`${a.signatures.blank}${a.signatures.seal}`),
    line(a.signatures.date),
    blank(),
    small(a.footer(report.generatedAt)),
  ];
  return pack({ title: `${a.title}${a.subtitle(report.year)}`, creator: a.title }, { properties: page(false), children });
}
