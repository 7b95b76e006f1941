import { hasOpinionNumberPrefix } from '../../core/opinion-number.js';
import { AutoArchive } from './auto-archive.js';
import { OpinionClosing, type MeetingOutcome, type MeetingResolution } from './closing.js';
import { assertContent, fileDraftAnyway, fileOpinion, plusOne, type FilingResult } from './filing.js';
import { OpinionNotices } from './notifications.js';
import { OverdueLadder } from './overdue-ladder.js';
import { OpinionQueries } from './queries.js';
import { actorAuditEntry, isStaff, loadOpinion, reopenDays, timeLimits } from './support.js';
import type { Actor } from '../../core/roles.js';
import { OpinionTriage } from './transitions.js';
import type { OpinionListFilter } from './opinion-records.js';
import {
  REOPEN_DAYS_KEY,
  TIME_LIMITS_KEY,
  type Caller,
  type DraftKind,
  type DraftSource,
  type OpinionDeps,
  type OpinionRecord,
  type TimeLimits,
} from './types.js';

/**
 * The opinion loop (民意闭环) as commands, the admin API and the scheduler use it. The parts
 * live in their own files; this class only wires them together.
 *
 * @example
 * const result = await services.opinions.file({ actor, message }, '青石社区路灯坏了', []);
 */
export class OpinionService {
  readonly notices: OpinionNotices;
  readonly triage: OpinionTriage;
  readonly closing: OpinionClosing;
  readonly queries: OpinionQueries;
  readonly ladder: OverdueLadder;
  readonly archive: AutoArchive;

  constructor(readonly deps: OpinionDeps) {
    this.notices = new OpinionNotices(deps);
    this.triage = new OpinionTriage(deps, this.notices);
    this.closing = new OpinionClosing(deps, this.notices);
    this.queries = new OpinionQueries(deps);
    this.ladder = new OverdueLadder(deps, this.notices);
    this.archive = new AutoArchive(deps, this.notices);
  }

  /** 反映: files, or offers a +1 on a similar open opinion (see {@link fileOpinion}). */
  file(caller: Caller, content: string | undefined, tags: readonly string[]): Promise<FilingResult> {
    return fileOpinion(this.deps, this.notices, caller, content, tags);
  }

  /** 仍要提交: files the draft kept when a similar opinion was offered. */
  fileAnyway(caller: Caller): Promise<FilingResult> {
    return fileDraftAnyway(this.deps, this.notices, caller);
  }

  /** 附议: one +1 per person. */
  plusOne(caller: Caller, number: string): Promise<OpinionRecord> {
    return plusOne(this.deps, caller, number);
  }

  /** The trimmed content, or the clear answer for empty or over-long text (nothing stored). */
  checkContent(content: string | undefined): string {
    return assertContent(this.deps, content);
  }

  /**
   * 活动结果: the escalated opinions a consultation meeting discussed are resolved with its
   * outcome (the events side finds this method and calls it; see `meetingResolverOf`).
   */
  resolveFromMeeting(meeting: MeetingOutcome): Promise<MeetingResolution> {
    return this.closing.resolveFromMeeting(meeting);
  }

  /**
   * 提案 or 社情民意信息 from an opinion: the privacy gate lets its filer, its handler or staff
   * draft from it, and gives them its text with contact details and the resident's name masked.
   */
  async draftSource(actor: Actor, word: string, kind: DraftKind): Promise<DraftSource> {
    const opinion = await loadOpinion(this.deps, word);
    const gate = this.deps.privacy;
    gate.assertMayDraftFrom(
      {
        isStaff: isStaff(actor),
        isFiler: actor.memberId !== undefined && opinion.filer.id === actor.memberId,
        isHandler: actor.memberId !== undefined && opinion.handlerId === actor.memberId,
      },
      opinion,
      kind,
    );
    return { opinion, content: await gate.content(opinion, 'caseworker'), summary: await gate.summary(opinion, 'caseworker', 20) };
  }

  /** The audit entry saying a proposal or report was drafted from this opinion, and by whom. */
  async recordDraftFrom(actor: Actor, opinion: OpinionRecord, kind: DraftKind, draftNumber: string): Promise<void> {
    const t = this.deps.messages.privacy;
    const note = t.draftAuditNote(t.draftKinds[kind], draftNumber);
    const entry = actorAuditEntry(this.deps, actor, opinion.state, opinion.state, `draft-${kind}`, note, `${kind}:${draftNumber}`);
    await this.deps.opinions.appendAudit(opinion.id, {}, entry, entry.at);
  }

  /** The opinion a person typed the number of, or the clear answer that there is none. */
  load(word: string): Promise<OpinionRecord> {
    return loadOpinion(this.deps, word);
  }

  /** By id or by number (`MY-2026-000123`). */
  find(idOrNumber: string): Promise<OpinionRecord | null> {
    return hasOpinionNumberPrefix(idOrNumber)
      ? this.deps.opinions.findByNumber(idOrNumber.toUpperCase())
      : this.deps.opinions.findById(idOrNumber);
  }

  list(filter: OpinionListFilter, page: { skip: number; limit: number }) {
    return this.deps.opinions.list(filter, page);
  }

  /** Community names for the 反映 dialogue's numbered list. */
  async communityNames(): Promise<string[]> {
    return (await this.deps.communities.list()).map((c) => c.name);
  }

  /** The overdue ladder's tick (src/scheduler/opinion-jobs.ts runs it every ten minutes). */
  runOverdueLadder(now: Date): Promise<number> {
    return this.ladder.run(now);
  }

  /** Days after 办结 in which the filer may reopen (or send back with 不满意); 7 unless set. */
  reopenDays(): Promise<number> {
    return reopenDays(this.deps);
  }

  async setReopenDays(days: number): Promise<number> {
    await this.deps.settings.set(REOPEN_DAYS_KEY, days, this.deps.clock.now());
    return days;
  }

  timeLimits(): Promise<TimeLimits> {
    return timeLimits(this.deps);
  }

  async setTimeLimits(limits: TimeLimits): Promise<TimeLimits> {
    await this.deps.settings.set(TIME_LIMITS_KEY, limits, this.deps.clock.now());
    return limits;
  }
}
