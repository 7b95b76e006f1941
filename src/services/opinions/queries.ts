import { YishiError } from '../../core/errors.js';
import { audienceOf, SUMMARY_CHARS, type Audience } from '../privacy/privacy-gate.js';
import { callerIdentity, isStaff, loadOpinion, viewerOf } from './support.js';
import { LADDER_STATES, type AuditEntry, type Caller, type OpinionDeps, type OpinionRecord } from './types.js';

/**
 * What a person may see of one opinion, already through the privacy gate: the filer reads their
 * own words; handler and staff in a direct chat the whole text, masked, and its history; anyone
 * else (and any group) a masked one-line summary.
 */
export interface OpinionView {
  opinion: OpinionRecord;
  audience: Audience;
  content: string;
  result?: string;
  /** What the filer said with the rating, and why it was reopened (not for the public). */
  ratingReason?: string;
  reopenReason?: string;
  /** For the filer and caseworkers in a direct chat; notes through the gate. */
  history?: AuditEntry[];
  handlerName?: string;
}

/** 我的反映, 进度, 待办, 逾期: read-only views. */
export class OpinionQueries {
  constructor(private readonly deps: OpinionDeps) {}

  async mine(caller: Caller): Promise<OpinionRecord[]> {
    const me = await callerIdentity(this.deps, caller);
    return (await this.deps.opinions.list({ filerId: me.id }, { skip: 0, limit: 20 })).items;
  }

  async progress(caller: Caller, word: string): Promise<OpinionView> {
    const opinion = await loadOpinion(this.deps, word);
    const viewer = await viewerOf(this.deps, caller, opinion);
    if (!viewer.isStaff && !viewer.isFiler && !viewer.isHandler && !caller.actor.memberId) {
      throw new YishiError('opinion_not_yours', {
        userMessage: this.deps.messages.opinions.errors.notYours(opinion.number, this.deps.messages.opinions.actions.progress),
        status: 403,
      });
    }
    const audience = audienceOf(viewer);
    const gate = this.deps.privacy;
    const handler = opinion.handlerId ? await this.deps.members.findById(opinion.handlerId) : null;
    const history =
      audience === 'public'
        ? undefined
        : await Promise.all(
            opinion.audit.map(async (entry) => (entry.note ? { ...entry, note: await gate.text(opinion, entry.note, audience) } : entry)),
          );
    return {
      opinion,
      audience,
      content: await gate.content(opinion, audience),
      ...(opinion.result ? { result: await gate.text(opinion, opinion.result, audience) } : {}),
      ...(history ? { history } : {}),
      ...(history && opinion.ratingReason ? { ratingReason: await gate.text(opinion, opinion.ratingReason, audience) } : {}),
      ...(history && opinion.reopenReason ? { reopenReason: await gate.text(opinion, opinion.reopenReason, audience) } : {}),
      ...(handler ? { handlerName: handler.name } : {}),
    };
  }

  /** One-line summaries of opinions for the caller, where they are asking (待办, 逾期, 我的反映). */
  async summaries(caller: Caller, opinions: readonly OpinionRecord[], chars = SUMMARY_CHARS): Promise<string[]> {
    const me = await callerIdentity(this.deps, caller);
    return Promise.all(
      opinions.map(async (o) => this.deps.privacy.summary(o, audienceOf(await viewerOf(this.deps, caller, o, me)), chars)),
    );
  }

  /** 待办: mine to handle, residents waiting in my duty queue; staff also see everything untriaged. */
  async queue(caller: Caller): Promise<OpinionRecord[]> {
    const memberId = caller.actor.memberId;
    if (!memberId) return [];
    const page = { skip: 0, limit: 200 };
    const lists = [
      (await this.deps.opinions.list({ handlerId: memberId, states: ['assigned', 'in_progress'] }, page)).items,
      (await this.deps.opinions.list({ queueMemberId: memberId, state: 'submitted' }, page)).items,
    ];
    if (isStaff(caller.actor)) {
      lists.push((await this.deps.opinions.list({ state: 'submitted' }, page)).items);
      lists.push((await this.deps.opinions.list({ state: 'accepted' }, page)).items.filter((o) => !o.handlerId));
    }
    const seen = new Set<string>();
    return lists
      .flat()
      .filter((o) => !seen.has(o.id) && seen.add(o.id))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** 逾期: past their deadline and still open; staff see all, members their own. */
  async overdue(caller: Caller): Promise<OpinionRecord[]> {
    const now = this.deps.clock.now().getTime();
    const filter = isStaff(caller.actor)
      ? { states: [...LADDER_STATES] }
      : { states: [...LADDER_STATES], handlerId: caller.actor.memberId ?? '-' };
    const { items } = await this.deps.opinions.list(filter, { skip: 0, limit: 10_000 });
    return items.filter((o) => o.deadline && o.deadline.getTime() < now).sort((a, b) => a.deadline!.getTime() - b.deadline!.getTime());
  }
}
