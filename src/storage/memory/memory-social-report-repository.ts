import { formatSocialReportNumber } from '../../core/social-report-number.js';
import type {
  NewSocialReport,
  SocialReportChange,
  SocialReportRecord,
  SocialReportRepository,
  SocialReportState,
  SocialReportStep,
} from '../../services/social-reports/social-report-records.js';
import { copyOf, definedOnly, MemoryYearSequence, newRecordId } from './memory-records.js';

/** The schema's limits on what a reporter wrote (the service checks the 1,500 characters). */
const MAX_CHARS = { title: 200, situation: 3000, analysis: 3000, suggestions: 3000, unit: 100 } as const;

function assertWithinLimits(text: Partial<Record<keyof typeof MAX_CHARS, string>>): void {
  for (const [field, max] of Object.entries(MAX_CHARS)) {
    const value = text[field as keyof typeof MAX_CHARS];
    if (value !== undefined && value.length > max) throw new Error(`social report validation failed: ${field} is longer than ${max}`);
  }
}

/** 社情民意信息 held in this process; same contract as the Mongo repository (SQ-2026-0001, gap-free per year). */
export class MemorySocialReportRepository implements SocialReportRepository {
  private readonly reports: SocialReportRecord[] = [];
  private readonly numbers = new MemoryYearSequence();

  async create(report: NewSocialReport, first: SocialReportStep, now: Date, year: number): Promise<SocialReportRecord> {
    assertWithinLimits(report);
    const record = {
      ...copyOf(definedOnly(report)),
      id: newRecordId(),
      number: formatSocialReportNumber(year, this.numbers.next(year)),
      state: 'submitted',
      steps: [copyOf(definedOnly(first))],
      createdAt: now,
      updatedAt: now,
    } as SocialReportRecord;
    this.reports.push(record);
    return copyOf(record);
  }

  async findByNumber(number: string): Promise<SocialReportRecord | null> {
    const found = this.reports.find((r) => r.number === number);
    return found ? copyOf(found) : null;
  }

  async advance(
    number: string,
    from: SocialReportState,
    to: SocialReportState,
    changes: SocialReportChange,
    step: SocialReportStep,
  ): Promise<SocialReportRecord | null> {
    const report = this.reports.find((r) => r.number === number && r.state === from);
    if (!report) return null;
    assertWithinLimits(changes);
    Object.assign(report, copyOf(definedOnly(changes)), { state: to, updatedAt: step.at });
    report.steps.push(copyOf(definedOnly(step)) as SocialReportStep);
    return copyOf(report);
  }

  /** Newest first; those sent at the same instant, the later one first. */
  async list(
    filter: { state?: SocialReportState; authorId?: string; since?: Date; until?: Date },
    limit: number,
  ): Promise<SocialReportRecord[]> {
    return this.reports
      .map((report, index) => ({ report, index }))
      .filter(
        ({ report: r }) =>
          (!filter.state || r.state === filter.state) &&
          (!filter.authorId || r.authorId === filter.authorId) &&
          (!filter.since || r.createdAt >= filter.since) &&
          (!filter.until || r.createdAt < filter.until),
      )
      .sort((a, b) => b.report.createdAt.getTime() - a.report.createdAt.getTime() || b.index - a.index)
      .slice(0, limit)
      .map(({ report }) => copyOf(report));
  }
}
