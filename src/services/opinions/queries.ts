import { YishiError } from '../../core/errors.js';
import { callerIdentity, isStaff, loadOpinion } from './support.js';
import { LADDER_STATES, type Caller, type OpinionDeps, type OpinionRecord } from './types.js';

/** What a person may see of one opinion: everything for filer, handler and staff; a masked summary otherwise. */
export interface OpinionView {
  opinion: OpinionRecord;
  full: boolean;
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
    const me = await callerIdentity(this.deps, caller);
    const full =
      isStaff(caller.actor) ||
      me.id === opinion.filer.id ||
      (opinion.handlerId !== undefined && opinion.handlerId === caller.actor.memberId);
    if (!full && !caller.actor.memberId) {
      throw new YishiError('opinion_not_yours', {
        userMessage: this.deps.messages.opinions.errors.notYours(opinion.number, this.deps.messages.opinions.actions.progress),
        status: 403,
      });
    }
    const handler = opinion.handlerId ? await this.deps.members.findById(opinion.handlerId) : null;
    return { opinion, full, ...(handler ? { handlerName: handler.name } : {}) };
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
