import { beijingYear } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { normalizeOpinionNumber } from '../../core/opinion-number.js';
import type { OpinionNotices } from './notifications.js';
import type { Actor } from '../../core/roles.js';
import {
  actorAuditEntry,
  assertState,
  auditEntry,
  changed,
  classificationNote,
  isFiler,
  isReceiver,
  isStaff,
  limitFrom,
  loadOpinion,
  refuse,
  reopenDays,
  viewerOf,
} from './support.js';
import type { OpinionChanges } from './opinion-records.js';
import { DAY_MS, type AuditEntry, type Caller, type OpinionDeps, type OpinionRating, type OpinionRecord } from './types.js';

export interface Contact {
  name?: string;
  phone?: string;
}

/** A consultation meeting's outcome (活动结果) and the opinions it discussed. */
export interface MeetingOutcome {
  opinionNumbers: readonly string[];
  outcome: string;
  eventNumber: number;
  eventTitle: string;
  /** Whoever recorded it: a convenor, staff, or the admin API (no chat message needed). */
  actor: Actor;
}

/** What became of each number: resolved by this meeting, left alone (not escalated), or unknown. */
export interface MeetingResolution {
  resolved: string[];
  notEscalated: string[];
  notFound: string[];
}

const MEETING_ACTION = 'resolve-by-meeting';

/** 办结, 当场办结, 评价, 重新打开, 查看联系方式: the end of the loop and the way back. */
export class OpinionClosing {
  constructor(
    private readonly deps: OpinionDeps,
    private readonly notices: OpinionNotices,
  ) {}

  private get t() {
    return this.deps.messages.opinions;
  }

  /** The checks 办结 makes, without changing anything (for the confirmation preview). */
  async checkResolve(caller: Caller, word: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.resolve;
    assertState(this.deps, opinion, ['assigned', 'in_progress', 'escalated'], action);
    if (!isStaff(caller.actor) && (!opinion.handlerId || opinion.handlerId !== caller.actor.memberId)) refuse(this.deps, opinion, action);
    return opinion;
  }

  /** 办结: the handler (or staff) records the result; the filer is told and asked to rate. */
  async resolve(caller: Caller, word: string, result: string): Promise<OpinionRecord> {
    const opinion = await this.checkResolve(caller, word);
    const entry = await auditEntry(this.deps, caller, opinion.state, 'resolved', 'resolve', result);
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'resolved', { result, resolvedAt: entry.at }, entry, entry.at),
      this.t.actions.resolve,
    );
    await this.deps.ledger?.opinionResolved(updated, updated.handlerId ?? caller.actor.memberId, entry.at, false); // 履职台账
    await this.notices.tellFiler(updated);
    return updated;
  }

  /** 当场办结: the member receiving residents solved it on the spot (graded simple). */
  async resolveOnSpot(caller: Caller, word: string, result: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.resolveOnSpot;
    assertState(this.deps, opinion, ['submitted', 'accepted'], action);
    if (!(await isReceiver(this.deps, caller.actor, opinion))) refuse(this.deps, opinion, action);
    const now = this.deps.clock.now();
    const limit = await limitFrom(this.deps, 'simple', opinion.acceptedAt ?? now);
    const entry = await auditEntry(this.deps, caller, opinion.state, 'resolved', 'resolve-on-spot', result);
    const changes = {
      ...limit,
      result,
      resolvedAt: now,
      acceptedAt: opinion.acceptedAt ?? now,
      ...(caller.actor.memberId ? { handlerId: caller.actor.memberId } : {}),
    };
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'resolved', changes, entry, now),
      action,
    );
    if (!opinion.acceptedAt) await this.deps.ledger?.opinionAccepted(updated, caller.actor.memberId, now); // 履职台账
    await this.deps.ledger?.opinionResolved(updated, updated.handlerId, now, true);
    await this.notices.tellFiler(updated);
    return updated;
  }

  /**
   * 协商结果: every escalated opinion the meeting discussed is resolved with its outcome, audited
   * with a reference to the event, and its filer is told and asked to rate (as after 办结).
   * Others are reported back unchanged. The event side checked who may record the outcome.
   * Running it again is harmless: an opinion this meeting already resolved counts as resolved,
   * and its notice and ledger entry are keyed, so a run cut short by a crash is completed.
   */
  async resolveFromMeeting(meeting: MeetingOutcome): Promise<MeetingResolution> {
    const report: MeetingResolution = { resolved: [], notEscalated: [], notFound: [] };
    const year = beijingYear(this.deps.clock.now());
    const ref = `event:${meeting.eventNumber}`;
    const numbers = new Set(meeting.opinionNumbers.map((word) => normalizeOpinionNumber(word, year) ?? word.trim()));
    for (const number of numbers) {
      const opinion = await this.deps.opinions.findByNumber(number);
      if (!opinion) report.notFound.push(number);
      else if (opinion.state === 'escalated') {
        const entry = actorAuditEntry(
          this.deps,
          meeting.actor,
          'escalated',
          'resolved',
          MEETING_ACTION,
          this.t.meetingNote(meeting.eventNumber, meeting.eventTitle),
          ref,
        );
        const updated = await this.deps.opinions.transition(
          opinion.id,
          ['escalated'],
          'resolved',
          { result: meeting.outcome, resolvedAt: entry.at },
          entry,
          entry.at,
        );
        if (updated) await this.afterMeeting(updated, meeting.actor);
        (updated ? report.resolved : report.notEscalated).push(opinion.number);
      } else if (this.resolvedBy(opinion, ref)) {
        await this.afterMeeting(opinion, meeting.actor);
        report.resolved.push(opinion.number);
      } else report.notEscalated.push(opinion.number);
    }
    return report;
  }

  /** True while the opinion still stands resolved (or rated) by this meeting, in this round. */
  private resolvedBy(opinion: OpinionRecord, ref: string): boolean {
    if (opinion.state !== 'resolved' && opinion.state !== 'closed') return false;
    const resolution = opinion.audit.findLast((entry) => entry.to === 'resolved');
    return resolution?.action === MEETING_ACTION && resolution.ref === ref;
  }

  /** The ledger entry and the filer's notice; both keyed, so a repeat adds nothing. */
  private async afterMeeting(opinion: OpinionRecord, actor: Actor): Promise<void> {
    const last = opinion.audit[opinion.audit.length - 1];
    if (last?.action !== MEETING_ACTION) return; // rated or changed since: everything was sent then
    await this.deps.ledger?.opinionResolved(opinion, opinion.handlerId ?? actor.memberId, last.at, false); // 履职台账
    await this.notices.tellFiler(opinion);
  }

  /**
   * 评价: the filer rates, with what they said about it (`地砖换了但颜色不一样`), which is stored,
   * audited and sent to the handler; 不满意 within the reopening window sends it back to them.
   */
  async rate(caller: Caller, word: string, rating: OpinionRating, reason?: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.rate;
    if (!(await isFiler(this.deps, caller, opinion))) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['resolved'], action);
    const now = this.deps.clock.now();
    const said = reason?.trim() || undefined;
    const note = said ? this.t.reasonNote(this.t.ratings[rating]!, said) : this.t.ratings[rating];
    if (rating === 'unsatisfied' && (await this.withinWindow(opinion, now))) {
      const back = await this.backToHandler(caller, opinion, 'rate-unsatisfied', note!, { rating, ratingReason: said });
      await this.deps.ledger?.opinionRated(opinion, opinion.round, rating, now); // 履职台账: the round that was rated
      return back;
    }
    const entry = await auditEntry(this.deps, caller, 'resolved', 'closed', 'rate', note);
    const changes = { rating, closedAt: now, ratingReason: said };
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, ['resolved'], 'closed', changes, entry, now),
      action,
    );
    await this.deps.ledger?.opinionRated(opinion, opinion.round, rating, now); // 履职台账
    // Only the filer rates, and the reply to their rating tells them: no second message (a resident's are counted).
    await this.notices.tellHandlerRated(updated, this.t.ratings[rating]!, said);
    return updated;
  }

  /** The checks 重新打开 makes, without changing anything (for the confirmation preview). */
  async checkReopen(caller: Caller, word: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.reopen;
    const staff = isStaff(caller.actor);
    if (!staff && !(await isFiler(this.deps, caller, opinion))) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['resolved', 'closed'], action);
    if (staff) return opinion;
    if (opinion.state === 'closed')
      throw new YishiError('opinion_reopen_archived', { userMessage: this.t.errors.reopenArchived(opinion.number), status: 409 });
    if (!(await this.withinWindow(opinion, this.deps.clock.now())))
      throw new YishiError('opinion_reopen_too_late', {
        userMessage: this.t.errors.reopenTooLate(opinion.number, await reopenDays(this.deps)),
        status: 409,
      });
    return opinion;
  }

  /**
   * 重新打开: within the window after 办结 by the filer or staff; once 已归档, only staff, as a new
   * round that keeps the history. The reason is stored, audited and sent to the handler; a
   * rating given before no longer counts in any rate.
   */
  async reopen(caller: Caller, word: string, reason: string): Promise<OpinionRecord> {
    const opinion = await this.checkReopen(caller, word);
    const said = reason.trim();
    const updated = await this.backToHandler(caller, opinion, 'reopen', said, {
      reopenReason: said,
      rating: undefined,
      ratingReason: undefined,
    });
    if (opinion.rating) await this.deps.ledger?.opinionRatingWithdrawn(opinion, opinion.round, updated.updatedAt); // 履职台账
    return updated;
  }

  /**
   * 查看联系方式: the privacy gate lets only the assigned handler and staff, in a direct chat,
   * see it; every look goes into the audit trail before anything is read.
   */
  async revealContact(caller: Caller, word: string): Promise<{ opinion: OpinionRecord; contact: Contact }> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.revealContact;
    this.deps.privacy.assertMayRevealContact(await viewerOf(this.deps, caller, opinion), opinion);
    const entry = await auditEntry(this.deps, caller, opinion.state, opinion.state, 'reveal-contact');
    const updated = changed(this.deps, opinion, await this.deps.opinions.appendAudit(opinion.id, {}, entry, entry.at), action);
    let contact: Contact = {};
    if (opinion.filer.kind === 'resident') {
      const resident = await this.deps.residents.findById(opinion.filer.id);
      contact = { ...(resident?.name ? { name: resident.name } : {}), ...(resident?.phone ? { phone: resident.phone } : {}) };
    } else if (opinion.filer.kind === 'member') {
      const member = await this.deps.members.findById(opinion.filer.id);
      contact = { ...(member ? { name: member.name } : {}), ...(member?.phone ? { phone: member.phone } : {}) };
    }
    return { opinion: updated, contact };
  }

  /** Staff correct community or category (admin API); an audit entry says who and what. */
  async correctClassification(
    id: string,
    changes: { community?: string; category?: string },
    who: { id: string; role: string },
  ): Promise<OpinionRecord | null> {
    const opinion = await this.deps.opinions.findById(id);
    if (!opinion) return null;
    const note = classificationNote(opinion, changes);
    const entry: AuditEntry = {
      who: who.id,
      whoRole: who.role,
      at: this.deps.clock.now(),
      from: opinion.state,
      to: opinion.state,
      action: 'classify',
      note,
    };
    return this.deps.opinions.appendAudit(opinion.id, changes, entry, entry.at);
  }

  private async withinWindow(opinion: OpinionRecord, now: Date): Promise<boolean> {
    const windowMs = (await reopenDays(this.deps)) * DAY_MS;
    return opinion.resolvedAt !== undefined && now.getTime() - opinion.resolvedAt.getTime() <= windowMs;
  }

  private async backToHandler(
    caller: Caller,
    opinion: OpinionRecord,
    action: string,
    reason: string,
    extra: Pick<OpinionChanges, 'rating' | 'ratingReason' | 'reopenReason'>,
  ): Promise<OpinionRecord> {
    const now = this.deps.clock.now();
    const limit = await limitFrom(this.deps, opinion.grade ?? 'general', now);
    const entry = await auditEntry(this.deps, caller, opinion.state, 'in_progress', action, reason);
    const changes = { ...limit, ...extra, round: opinion.round + 1, closedAt: undefined, resolvedAt: undefined };
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'in_progress', changes, entry, now),
      this.t.actions.reopen,
    );
    await this.notices.tellHandlerBack(updated, await this.deps.privacy.text(updated, reason, 'caseworker'));
    // The filer who sent it back reads the reply; anyone else's doing is news to them.
    if (!(await isFiler(this.deps, caller, opinion))) await this.notices.tellFiler(updated);
    return updated;
  }
}
