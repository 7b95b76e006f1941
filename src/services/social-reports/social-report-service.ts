import type { Clock } from '../../core/clock.js';
import { beijingYear, formatBeijingDateTime } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { looksLikeOpinionNumber } from '../../core/opinion-number.js';
import type { Actor } from '../../core/roles.js';
import { readSocialReportNumber } from '../../core/social-report-number.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRepository } from '../members/member-records.js';
import type { Notifier } from '../notifier.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import type { DraftSource } from '../opinions/types.js';
import type { ActivityLedger } from '../records/activity-ledger.js';
import type {
  SocialReportLevel,
  SocialReportRecord,
  SocialReportRepository,
  SocialReportState,
  SocialReportStep,
  SocialReportText,
} from './social-report-records.js';
import {
  EDITABLE_STATES,
  MAX_REPORT_CHARS,
  MAX_TITLE_CHARS,
  reportLength,
  reportStateWords,
  stepProblem,
  type StepProblem,
} from './social-report-rules.js';

export interface SocialReportDeps {
  reports: SocialReportRepository;
  members: MemberRepository;
  /** The opinion a report is drafted from, as the privacy gate lets this member see it (text masked). */
  draftSource(actor: Actor, word: string, kind: 'social-report'): Promise<DraftSource>;
  /** Records on the opinion that a report was drafted from it (its audit trail). */
  recordDraftFrom(actor: Actor, opinion: OpinionRecord, kind: 'social-report', reportNumber: string): Promise<void>;
  ledger: Pick<ActivityLedger, 'socialReportSent' | 'socialReportAdopted'>;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
}

/** What the 社情民意 dialogue (or the API) collected, as typed. */
export interface ReportInput {
  titleOrNumber: string;
  situation: string;
  analysis: string;
  suggestions: string;
  /** 反映人单位; empty or a 同界别 word: the reporter's sector. */
  unit: string;
}

/** A checked report, ready to store. */
export interface CheckedReport extends SocialReportText {
  unit: string;
  length: number;
  fromOpinion?: string;
  source?: OpinionRecord;
}

/** One step staff take: to a state, with the level it names and its note (批示 or reason). */
export interface ReportStepInput {
  to: SocialReportState;
  level?: SocialReportLevel;
  note?: string;
}

/**
 * 社情民意信息: a member drafts a report (from scratch or from an opinion) and sends it to the
 * office; staff edit it and move it through 已编发 → 已上报 → 已采用 / 未采用, each step kept on
 * the report and told to the member. Sending and adoption enter the member's record.
 */
export class SocialReportService {
  constructor(private readonly deps: SocialReportDeps) {}

  private get t() {
    return this.deps.messages.socialReports;
  }

  private fail(code: string, userMessage: string, status = 400): never {
    throw new YishiError(code, { userMessage, status });
  }

  /** Checks a text against the form's limits: every part present, a one-line title, 1,500 characters in all. */
  private checkText(text: SocialReportText): number {
    const t = this.t;
    for (const field of ['title', 'situation', 'analysis', 'suggestions'] as const) {
      if (!text[field].trim()) this.fail('social_report_field_empty', t.errors.empty(t.fields[field]));
    }
    if ([...text.title].length > MAX_TITLE_CHARS) this.fail('social_report_title_too_long', t.errors.titleTooLong(MAX_TITLE_CHARS));
    const length = reportLength(text);
    if (length > MAX_REPORT_CHARS) this.fail('social_report_too_long', t.errors.tooLong(length, MAX_REPORT_CHARS));
    return length;
  }

  /** Checks what the dialogue collected (nothing is stored); every problem gets a clear answer. */
  async check(author: Actor, input: ReportInput): Promise<CheckedReport> {
    const t = this.t;
    let title = input.titleOrNumber.trim();
    let situation = input.situation.trim();
    let source: OpinionRecord | undefined;
    if (looksLikeOpinionNumber(title)) {
      const { opinion, content, summary } = await this.deps.draftSource(author, title, 'social-report');
      source = opinion;
      title = t.titleFromOpinion(summary);
      if (t.keepWords.includes(situation)) situation = content;
    } else if (t.keepWords.includes(situation)) {
      this.fail('social_report_keep_without_opinion', t.errors.keepWithoutOpinion);
    }
    const text = { title, situation, analysis: input.analysis.trim(), suggestions: input.suggestions.trim() };
    const length = this.checkText(text);
    return { ...text, unit: await this.unitOf(author, input.unit), length, ...(source ? { fromOpinion: source.number, source } : {}) };
  }

  private async unitOf(author: Actor, typed: string): Promise<string> {
    const unit = typed.trim();
    if (unit && !this.t.sameUnitWords.includes(unit)) return [...unit].slice(0, 100).join('');
    return (await this.deps.members.findById(author.memberId!))?.sector ?? '';
  }

  /** Stores the report as 已报送 under the next number of the (Beijing) year; the ledger and the opinion's trail record it. */
  async send(author: Actor, input: ReportInput): Promise<SocialReportRecord> {
    const checked = await this.check(author, input);
    const now = this.deps.clock.now();
    const first: SocialReportStep = { at: now, by: author.memberId!, byName: author.name, action: 'submitted' };
    const report = await this.deps.reports.create(
      {
        title: checked.title,
        situation: checked.situation,
        analysis: checked.analysis,
        suggestions: checked.suggestions,
        unit: checked.unit,
        authorId: author.memberId!,
        ...(checked.fromOpinion ? { fromOpinion: checked.fromOpinion } : {}),
      },
      first,
      now,
      beijingYear(now),
    );
    await this.deps.ledger.socialReportSent(report);
    if (checked.source) await this.deps.recordDraftFrom(author, checked.source, 'social-report', report.number);
    return report;
  }

  /** The report a person typed the number of, or the clear answer that there is none. */
  async load(word: string): Promise<SocialReportRecord> {
    const number = readSocialReportNumber(word);
    if (!number) this.fail('social_report_number_invalid', this.t.errors.badNumber(word.trim()));
    const report = await this.deps.reports.findByNumber(number);
    if (!report) this.fail('social_report_not_found', this.t.errors.notFound(number), 404);
    return report;
  }

  /** How a step reads (“已上报市政协”), and its note as the member is told it. */
  describe(step: ReportStepInput): { step: string; note?: string } {
    const t = this.t;
    const level = step.level ? t.levels[step.level] : '';
    const words = step.to === 'submitted' ? t.states.submitted : t.stepWords[step.to](level);
    const note = step.note?.trim();
    if (!note) return { step: words };
    return { step: words, note: step.to === 'not-adopted' ? t.reasonNote(note) : t.instructionNote(note) };
  }

  /** Where a report stands, as people read it: 已报送, 已编发, 已上报市政协, 已被市政协采用, 未采用. */
  stateWords(report: Pick<SocialReportRecord, 'state' | 'level'>): string {
    return reportStateWords(this.t, report);
  }

  /** Checks a step against the report as it stands; the report, for the preview. Nothing changes. */
  async checkStep(word: string, step: ReportStepInput): Promise<SocialReportRecord> {
    const report = await this.load(word);
    const problem = stepProblem(report.state, step.to, report.level, step.level, step.note ?? '');
    if (problem) this.refuse(problem, report, step);
    return report;
  }

  private refuse(problem: StepProblem, report: SocialReportRecord, step: ReportStepInput): never {
    const t = this.t;
    const state = t.states[report.state];
    const current = report.level ? t.levels[report.level] : t.levels.district;
    const messages: Record<StepProblem, [string, string, number]> = {
      final: ['social_report_final', t.errors.final(report.number, state), 409],
      'not-next': ['social_report_step_not_next', t.errors.notNext(report.number, state, t.states[step.to]), 409],
      'level-needed': ['social_report_level_needed', t.errors.levelNeeded(t.states[step.to]), 400],
      'level-not-higher': ['social_report_level_not_higher', t.errors.levelNotHigher(current), 400],
      'level-above-forwarded': ['social_report_level_above_forwarded', t.errors.levelAboveForwarded(current), 400],
      'reason-needed': ['social_report_reason_needed', t.errors.reasonNeeded, 400],
    };
    const [code, message, status] = messages[problem];
    this.fail(code, message, status);
  }

  /** Staff move a report on; the step is kept on it, the member is told, adoption enters their record. */
  async advance(staff: Actor, word: string, step: ReportStepInput): Promise<SocialReportRecord> {
    const report = await this.checkStep(word, step);
    const now = this.deps.clock.now();
    const note = step.note?.trim();
    const level = step.to === 'forwarded' || step.to === 'adopted' ? step.level : undefined;
    const changes = {
      ...(level ? { level } : {}),
      ...(step.to === 'adopted' ? { adoptedAt: now, ...(note ? { instruction: note } : {}) } : {}),
      ...(step.to === 'not-adopted' && note ? { reason: note } : {}),
    };
    const entry: SocialReportStep = {
      at: now,
      by: staff.memberId ?? staff.platformUserId,
      byName: staff.name,
      action: step.to,
      ...(level ? { level } : {}),
      ...(note ? { note } : {}),
    };
    const moved = await this.deps.reports.advance(report.number, report.state, step.to, changes, entry);
    // Another staff member moved it first: answer from where it stands now.
    if (!moved) return this.advance(staff, word, step);
    if (moved.state === 'adopted') await this.deps.ledger.socialReportAdopted(moved, now);
    const described = this.describe(step);
    const tail = moved.state === 'adopted' ? this.t.adoptedNoticeTail : '';
    await this.deps.notifier.notify(
      { kind: 'member', memberId: moved.authorId },
      { text: this.t.notice(moved.number, moved.title, described.step, described.note) + tail, format: 'text' },
      { idempotencyKey: `social-report:${moved.id}:${moved.steps.length}` },
    );
    return moved;
  }

  /** Staff edit the text while it is 已报送 or 已编发; the edit is kept as a step naming the parts changed. */
  async edit(staff: Actor, word: string, changes: Partial<SocialReportText & { unit: string }>): Promise<SocialReportRecord> {
    const report = await this.load(word);
    if (!EDITABLE_STATES.includes(report.state))
      this.fail('social_report_not_editable', this.t.errors.notEditable(report.number, this.t.states[report.state]), 409);
    const text = {
      title: (changes.title ?? report.title).trim(),
      situation: (changes.situation ?? report.situation).trim(),
      analysis: (changes.analysis ?? report.analysis).trim(),
      suggestions: (changes.suggestions ?? report.suggestions).trim(),
    };
    this.checkText(text);
    const unit = changes.unit?.trim() || report.unit;
    const changed = (['title', 'situation', 'analysis', 'suggestions'] as const).filter((field) => text[field] !== report[field]);
    const fields = changed.map((field) => this.t.fields[field]);
    if (unit !== report.unit) fields.push(this.t.fields.unit);
    if (fields.length === 0) return report;
    const entry: SocialReportStep = {
      at: this.deps.clock.now(),
      by: staff.memberId ?? staff.platformUserId,
      byName: staff.name,
      action: 'edit',
      note: fields.join('、'),
    };
    const edited = await this.deps.reports.advance(report.number, report.state, report.state, { ...text, unit }, entry);
    if (!edited) return this.edit(staff, word, changes);
    return edited;
  }

  /** Reports still being handled (已报送, 已编发, 已上报), oldest first. */
  async open(): Promise<SocialReportRecord[]> {
    const lists = await Promise.all((['submitted', 'edited', 'forwarded'] as const).map((state) => this.deps.reports.list({ state }, 200)));
    return lists.flat().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** One member's reports, newest first. */
  mine(authorId: string): Promise<SocialReportRecord[]> {
    return this.deps.reports.list({ authorId }, 100);
  }

  /** The year's (or any period's) reports with their fate, as a sheet: oldest first, Beijing time, states in words. */
  async exportTable(since: Date, until: Date): Promise<{ sheet: string; header: string[]; rows: Array<Array<string | number>> }> {
    const t = this.t;
    const reports = (await this.deps.reports.list({ since, until }, 5000)).reverse();
    const names = new Map((await this.deps.members.list({})).map((m) => [m.id, m.name]));
    const rows = reports.map((r) => [
      r.number,
      formatBeijingDateTime(r.createdAt),
      names.get(r.authorId) ?? '',
      r.unit,
      r.title,
      reportLength(r),
      this.stateWords(r),
      r.level ? t.levels[r.level] : '',
      r.instruction ?? '',
      r.reason ?? '',
      r.adoptedAt ? formatBeijingDateTime(r.adoptedAt) : '',
      r.fromOpinion ?? '',
    ]);
    return { sheet: t.export.sheet, header: [...t.export.headers], rows };
  }

  /** Reports sent in `[since, until)`, newest first (the export and the workbench). */
  list(filter: { state?: SocialReportState; authorId?: string; since?: Date; until?: Date }, limit = 500): Promise<SocialReportRecord[]> {
    return this.deps.reports.list(filter, limit);
  }
}
