import { YishiError } from '../../core/errors.js';
import type { OpinionNotices } from './notifications.js';
import { assertState, auditEntry, changed, classificationNote, isReceiver, isStaff, limitFrom, loadOpinion, refuse } from './support.js';
import { OPEN_STATES, type Caller, type OpinionDeps, type OpinionGrade, type OpinionRecord } from './types.js';

/**
 * Triage: 受理, 分级, 分派, 转协商, 不予受理, 合并. Each checks who may act and the state, then
 * moves the opinion in one atomic update with its audit entry; the filer hears every change.
 */
export class OpinionTriage {
  constructor(
    private readonly deps: OpinionDeps,
    private readonly notices: OpinionNotices,
  ) {}

  private get t() {
    return this.deps.messages.opinions;
  }

  /** 受理: staff or the member receiving residents accept it; the assigned handler's 受理 starts the work. */
  async accept(caller: Caller, word: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.accept;
    if (opinion.state === 'assigned' && opinion.handlerId && opinion.handlerId === caller.actor.memberId) {
      const entry = await auditEntry(this.deps, caller, 'assigned', 'in_progress', 'start');
      const updated = changed(
        this.deps,
        opinion,
        await this.deps.opinions.transition(opinion.id, ['assigned'], 'in_progress', {}, entry, entry.at),
        action,
      );
      await this.notices.tellFiler(updated);
      return updated;
    }
    assertState(this.deps, opinion, ['submitted'], action);
    if (!(await isReceiver(this.deps, caller.actor, opinion))) refuse(this.deps, opinion, action);
    const now = this.deps.clock.now();
    const limit = await limitFrom(this.deps, opinion.grade ?? 'general', now);
    const entry = await auditEntry(this.deps, caller, 'submitted', 'accepted', 'accept');
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, ['submitted'], 'accepted', { ...limit, acceptedAt: now }, entry, now),
      action,
    );
    await this.deps.ledger?.opinionAccepted(updated, caller.actor.memberId, now); // 履职台账
    await this.notices.tellFiler(updated);
    return updated;
  }

  /** 分级: staff set the grade; the time limit is counted again from acceptance. */
  async grade(caller: Caller, word: string, grade: OpinionGrade): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.grade;
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['accepted', 'assigned', 'in_progress'], action);
    const start = opinion.limitStart ?? opinion.acceptedAt ?? this.deps.clock.now();
    const limit = await limitFrom(this.deps, grade, start);
    const entry = await auditEntry(this.deps, caller, opinion.state, opinion.state, 'grade', this.t.grades[grade]);
    return changed(
      this.deps,
      opinion,
      await this.deps.opinions.appendAudit(opinion.id, { ...limit, ladderLevel: opinion.ladderLevel }, entry, entry.at),
      action,
    );
  }

  /**
   * 改分类: staff correct the community or category to a name in the dictionary; the change is an
   * audit entry like the admin API's (PATCH /api/opinions/:id).
   */
  async reclassify(
    caller: Caller,
    word: string,
    field: 'community' | 'category',
    name: string,
  ): Promise<{ opinion: OpinionRecord; from: string }> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.reclassify;
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, action);
    const label = this.t.classificationLabels[field];
    const dictionary = field === 'community' ? this.deps.communities : this.deps.categories;
    const entry = await dictionary.findByName(name.trim());
    if (!entry)
      throw new YishiError(`${field}_unknown`, {
        userMessage: this.t.errors.unknownClassification(
          label,
          name.trim(),
          (await dictionary.list()).map((e) => e.name),
        ),
      });
    const from = opinion[field] ?? (field === 'community' ? this.t.unknownCommunity : this.t.unclassified);
    if (opinion[field] === entry.name)
      throw new YishiError('classification_unchanged', {
        userMessage: this.t.errors.sameClassification(opinion.number, label, entry.name),
      });
    const audit = await auditEntry(
      this.deps,
      caller,
      opinion.state,
      opinion.state,
      'classify',
      classificationNote(opinion, { [field]: entry.name }),
    );
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.appendAudit(opinion.id, { [field]: entry.name }, audit, audit.at),
      action,
    );
    return { opinion: updated, from };
  }

  /** 分派: staff give it to a member, who is told at once (1:1). */
  async assign(caller: Caller, word: string, memberId: string | undefined, memberWord: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.assign;
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['accepted', 'assigned', 'in_progress'], action);
    const handler = memberId ? await this.deps.members.findById(memberId) : null;
    if (!handler || !handler.active) throw new YishiError('member_not_found', { userMessage: this.t.errors.unknownMember(memberWord) });
    const entry = await auditEntry(this.deps, caller, opinion.state, 'assigned', 'assign', handler.name);
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'assigned', { handlerId: handler.id }, entry, entry.at),
      action,
    );
    await this.notices.tellHandlerAssigned(updated);
    await this.notices.tellFiler(updated);
    return updated;
  }

  /** 转协商: a complex matter becomes a consultation topic. */
  async escalate(caller: Caller, word: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.escalate;
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['accepted', 'assigned', 'in_progress'], action);
    const limit = await limitFrom(this.deps, 'complex', opinion.limitStart ?? this.deps.clock.now());
    const entry = await auditEntry(this.deps, caller, opinion.state, 'escalated', 'escalate');
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'escalated', limit, entry, entry.at),
      action,
    );
    await this.notices.tellFiler(updated);
    return updated;
  }

  /** The checks 不予受理 makes, without changing anything (for the confirmation preview). */
  async checkDecline(caller: Caller, word: string): Promise<OpinionRecord> {
    const opinion = await loadOpinion(this.deps, word);
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, this.t.actions.decline);
    assertState(this.deps, opinion, ['submitted', 'accepted'], this.t.actions.decline);
    return opinion;
  }

  /** 不予受理: staff decline with a reason the filer reads. */
  async decline(caller: Caller, word: string, reason: string): Promise<OpinionRecord> {
    const opinion = await this.checkDecline(caller, word);
    const action = this.t.actions.decline;
    const entry = await auditEntry(this.deps, caller, opinion.state, 'declined', 'decline', reason);
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'declined', { reason }, entry, entry.at),
      action,
    );
    await this.notices.tellFiler(updated);
    return updated;
  }

  /** The checks 合并 makes, without changing anything (for the confirmation preview). */
  async checkMerge(caller: Caller, word: string, targetWord: string): Promise<{ opinion: OpinionRecord; target: OpinionRecord }> {
    const opinion = await loadOpinion(this.deps, word);
    const action = this.t.actions.merge;
    if (!isStaff(caller.actor)) refuse(this.deps, opinion, action);
    assertState(this.deps, opinion, ['submitted', 'accepted', 'assigned', 'in_progress'], action);
    const target = await loadOpinion(this.deps, targetWord);
    if (target.id === opinion.id) throw new YishiError('opinion_merge_self', { userMessage: this.t.errors.mergeSelf(opinion.number) });
    assertState(this.deps, target, OPEN_STATES, this.t.actions.mergeTarget);
    return { opinion, target };
  }

  /** 合并: a duplicate joins the open one; its filer and +1s become +1s there. */
  async merge(caller: Caller, word: string, targetWord: string): Promise<{ opinion: OpinionRecord; target: OpinionRecord }> {
    const { opinion, target } = await this.checkMerge(caller, word, targetWord);
    const action = this.t.actions.merge;
    const entry = await auditEntry(this.deps, caller, opinion.state, 'merged', 'merge', target.number);
    const updated = changed(
      this.deps,
      opinion,
      await this.deps.opinions.transition(opinion.id, [opinion.state], 'merged', { mergedInto: target.number }, entry, entry.at),
      action,
    );
    for (const who of [opinion.filer.id, ...opinion.plusOnes.by]) {
      if (who !== target.filer.id) await this.deps.opinions.addPlusOne(target.id, who, entry.at);
    }
    await this.notices.tellFiler(updated);
    return { opinion: updated, target: (await this.deps.opinions.findById(target.id)) ?? target };
  }
}
