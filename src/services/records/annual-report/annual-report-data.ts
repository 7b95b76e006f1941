import type { Clock } from '../../../core/clock.js';
import { beijingDate, beijingYear, formatBeijingDateTime } from '../../../core/dates.js';
import { YishiError } from '../../../core/errors.js';
import type { Messages } from '../../../i18n/messages.js';
import type { EventRepository } from '../../events/event-records.js';
import type { MemberRecord, MemberRepository } from '../../members/member-records.js';
import type { OpinionRepository } from '../../opinions/opinion-records.js';
import type { PointsService } from '../../points/points-service.js';
import { scorePoints, type PointKind, type PointsSheet } from '../../points/points-rules.js';
import type { PrivacyGate } from '../../privacy/privacy-gate.js';
import type { ProposalRepository } from '../../proposals/proposal-records.js';
import type { SocialReportRepository } from '../../social-reports/social-report-records.js';
import { reportStateWords } from '../../social-reports/social-report-rules.js';
import type { ActivityRecord } from '../activity-records.js';
import { summarise, type MemberRecordSummary } from '../member-record.js';
import { yearPeriod, type Period } from '../periods.js';
import type { RecordsService } from '../records-service.js';

/** How much of an opinion's (masked) text the report shows. */
const SUMMARY_CHARS = 40;

/** One member's year as the 述职表 shows it: the record's counts and points, and the items behind them. */
export interface AnnualReport {
  year: number;
  period: Period;
  member: Pick<MemberRecord, 'id' | 'name' | 'sector'>;
  /** The 履职档案's counts (the same as 我的履职 and the records export). */
  summary: MemberRecordSummary;
  /** 履职积分 by the office's rules (the same as 我的积分). */
  points: PointsSheet;
  events: Array<{ date: string; number: string; title: string }>;
  /** Beijing dates of the shifts served. */
  shifts: string[];
  opinions: Array<{ number: string; filedOn: string; summary: string; outcome: string }>;
  socialReports: Array<{ number: string; sentOn: string; title: string; fate: string }>;
  proposals: Array<{ number: string; title: string; role: 'author' | 'cosigner'; submittedOn: string }>;
  /** `2026-12-02 22:30` (Beijing). */
  generatedAt: string;
}

/** The office's summary: every active member in name order (no ranking) with the main counts and points. */
export interface AnnualSummary {
  year: number;
  period: Period;
  rows: Array<{ member: Pick<MemberRecord, 'id' | 'name' | 'sector'>; summary: MemberRecordSummary; points: PointsSheet }>;
  generatedAt: string;
}

export interface AnnualReportDeps {
  records: Pick<RecordsService, 'entries' | 'summaries'>;
  points: Pick<PointsService, 'rules' | 'forAll'>;
  members: Pick<MemberRepository, 'findById'>;
  events: Pick<EventRepository, 'findById'>;
  opinions: Pick<OpinionRepository, 'findById'>;
  proposals: Pick<ProposalRepository, 'findByNumber'>;
  socialReports: Pick<SocialReportRepository, 'findByNumber'>;
  privacy: Pick<PrivacyGate, 'forExport'>;
  clock: Clock;
  messages: Messages;
}

/**
 * Reads the year asked for a report: four digits, not after this (Beijing) year; none means this
 * year. Anything else is refused with a sentence for the person who typed it.
 */
export function readReportYear(text: string | undefined, now: Date, t: Messages): number {
  const typed = text?.trim() ?? '';
  if (typed === '') return beijingYear(now);
  if (!/^\d{4}$/.test(typed) || Number(typed) > beijingYear(now) || Number(typed) < 1949)
    throw new YishiError('year_invalid', { status: 400, userMessage: t.annualReport.errors.year_invalid(typed.slice(0, 20)) });
  return Number(typed);
}

/** The point kinds whose yearly minimum a sheet does not meet. */
export function unmetMinimums(sheet: PointsSheet): PointKind[] {
  return sheet.minimums.filter((m) => !m.met).map((m) => m.kind);
}

const ofKind = (entries: readonly ActivityRecord[], ...kinds: ActivityRecord['kind'][]) => entries.filter((e) => kinds.includes(e.kind));
const uniqueBy = <T>(items: readonly T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];

/**
 * Gathers a 述职表 from the record: the ledger's entries of the year (as 履职档案 counts them), the
 * points scored on those same entries by the office's rules, and the events, opinions, reports and
 * proposals they name. Nothing is counted here that the records or points do not count.
 */
export class AnnualReportData {
  constructor(private readonly deps: AnnualReportDeps) {}

  year(text: string | undefined): number {
    return readReportYear(text, this.deps.clock.now(), this.deps.messages);
  }

  async member(memberId: string, year: number): Promise<AnnualReport> {
    const member = await this.deps.members.findById(memberId);
    if (!member)
      throw new YishiError('member_not_found', { status: 404, userMessage: this.deps.messages.annualReport.errors.member_not_found });
    const period = yearPeriod(year);
    const [entries, rules] = await Promise.all([this.deps.records.entries(period, member.id), this.deps.points.rules()]);
    const [events, opinions, socialReports, proposals] = await Promise.all([
      this.events(entries),
      this.opinions(entries),
      this.socialReports(entries),
      this.proposals(entries),
    ]);
    return {
      year,
      period,
      member: { id: member.id, name: member.name, sector: member.sector },
      summary: summarise(entries),
      points: scorePoints(entries, rules),
      events,
      shifts: ofKind(entries, 'shift-served').map((e) => e.ref ?? beijingDate(e.at)),
      opinions,
      socialReports,
      proposals,
      generatedAt: formatBeijingDateTime(this.deps.clock.now()),
    };
  }

  async summary(year: number): Promise<AnnualSummary> {
    const period = yearPeriod(year);
    const [summaries, sheets] = await Promise.all([this.deps.records.summaries(period), this.deps.points.forAll(period)]);
    const pointsOf = new Map(sheets.map(({ member, sheet }) => [member.id, sheet]));
    const noPoints = scorePoints([], { rules: [], minimums: [] });
    return {
      year,
      period,
      rows: summaries.map(({ member, summary }) => ({
        member: { id: member.id, name: member.name, sector: member.sector },
        summary,
        points: pointsOf.get(member.id) ?? noPoints,
      })),
      generatedAt: formatBeijingDateTime(this.deps.clock.now()),
    };
  }

  private async events(entries: readonly ActivityRecord[]): Promise<AnnualReport['events']> {
    const t = this.deps.messages.annualReport;
    const attended = uniqueBy(ofKind(entries, 'event-attended'), (e) => e.subjectId);
    return Promise.all(
      attended.map(async (entry) => {
        const event = await this.deps.events.findById(entry.subjectId);
        return {
          date: beijingDate(event?.startAt ?? entry.at),
          number: entry.ref ?? (event ? String(event.number) : ''),
          title: event?.title ?? t.unknownEvent,
        };
      }),
    );
  }

  /** The opinions the member filed this year, with where each stands now (texts masked as in every export). */
  private async opinions(entries: readonly ActivityRecord[]): Promise<AnnualReport['opinions']> {
    const t = this.deps.messages;
    const filed = ofKind(entries, 'opinion-filed');
    const found = await Promise.all(filed.map((entry) => this.deps.opinions.findById(entry.subjectId)));
    const opinions = found.filter((o) => o !== null);
    const texts = await this.deps.privacy.forExport(opinions);
    return opinions.map((opinion, i) => {
      const text = texts[i]!.content.replace(/\s+/g, ' ').trim();
      const chars = [...text];
      return {
        number: opinion.number,
        filedOn: beijingDate(opinion.createdAt),
        summary: chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('')}…` : text,
        outcome: t.annualReport.outcome(
          t.opinions.states[opinion.state] ?? opinion.state,
          opinion.rating ? t.opinions.ratings[opinion.rating] : undefined,
        ),
      };
    });
  }

  /** Reports sent or adopted this year (the ledger's two kinds), oldest first, with their fate now. */
  private async socialReports(entries: readonly ActivityRecord[]): Promise<AnnualReport['socialReports']> {
    const t = this.deps.messages;
    const numbers = uniqueBy(ofKind(entries, 'social-report-submitted', 'social-report-adopted'), (e) => e.subjectId).map((e) => e.ref);
    const reports = await Promise.all(numbers.map((n) => (n ? this.deps.socialReports.findByNumber(n) : null)));
    return reports
      .filter((r) => r !== null)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((report) => ({
        number: report.number,
        sentOn: beijingDate(report.createdAt),
        title: report.title,
        fate: [reportStateWords(t.socialReports, report), report.instruction ? t.annualReport.instruction(report.instruction) : '']
          .filter(Boolean)
          .join('；'),
      }));
  }

  private async proposals(entries: readonly ActivityRecord[]): Promise<AnnualReport['proposals']> {
    const t = this.deps.messages.annualReport;
    const own = ofKind(entries, 'proposal-submitted', 'proposal-cosigned');
    return Promise.all(
      own.map(async (entry) => {
        const proposal = entry.ref ? await this.deps.proposals.findByNumber(entry.ref) : null;
        return {
          number: entry.ref ?? '',
          title: proposal?.title ?? t.unknownTitle,
          role: entry.kind === 'proposal-submitted' ? ('author' as const) : ('cosigner' as const),
          submittedOn: beijingDate(entry.at),
        };
      }),
    );
  }
}
