import type { Messages } from '../../../i18n/messages.js';
import { AnnualReportData, type AnnualReportDeps } from './annual-report-data.js';
import { annualReportDocx } from './annual-report-docx.js';
import { annualSummaryDocx } from './annual-summary-docx.js';

/** A generated Word file and the name to offer it under (without the folder). */
export interface ReportFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * 述职表 and the office's summary as Word files (DOCX, made with the `docx` package), for the API
 * and the CLI: the data come from {@link AnnualReportData}, the layout from annual-report-docx.ts
 * and annual-summary-docx.ts.
 *
 * @example
 * const file = await annualReports.memberFile(memberId, annualReports.year('2026'));
 */
export class AnnualReports {
  readonly data: AnnualReportData;
  private readonly t: Messages;

  constructor(deps: AnnualReportDeps) {
    this.data = new AnnualReportData(deps);
    this.t = deps.messages;
  }

  /** The year asked (four digits, not in the future; none: this year), or a YishiError with a sentence. */
  year(text: string | undefined): number {
    return this.data.year(text);
  }

  async memberFile(memberId: string, year: number): Promise<ReportFile & { memberName: string }> {
    const report = await this.data.member(memberId, year);
    return {
      fileName: `${this.t.annualReport.fileName(report.member.name, year)}.docx`,
      bytes: await annualReportDocx(this.t, report),
      memberName: report.member.name,
    };
  }

  async summaryFile(year: number): Promise<ReportFile & { members: number }> {
    const summary = await this.data.summary(year);
    return {
      fileName: `${this.t.annualReport.summaryFileName(year)}.docx`,
      bytes: await annualSummaryDocx(this.t, summary),
      members: summary.rows.length,
    };
  }
}
