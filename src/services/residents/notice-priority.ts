import type { ResidentNoticeKind } from '../../platforms/types.js';
import type { OpinionRepository, OpinionState } from '../opinions/opinion-records.js';
import type { ResidentRepository } from './resident-records.js';
import type { HeldNotice, KfCustomer } from './kf-channel-stores.js';

/**
 * The one rule for what a resident hears when WeCom's allowance runs short (微信客服: at most 5
 * messages in the 48 h after the resident last wrote; protocols.md §4.1). Each kind of message
 * has a rank, and what happens to it when there is no room:
 * - `hold`: kept, and sent (with the other held ones, in one message) when the resident writes
 *   again; the office group hears of it if it is still held after 48 h;
 * - `drop`: not sent at all; the outbox records it as not delivered, with the reason, where the
 *   office sees failed notices (工作台 通知, `yishi outbox failed`).
 *
 * A message may use a slot only when, after it, enough slots are left for the more important
 * messages known to be pending (see {@link slotsToLeave}).
 */
export const RESIDENT_NOTICES: Readonly<Record<ResidentNoticeKind, { rank: number; whenNoRoom: 'hold' | 'drop' }>> = {
  /** The answer to what the resident just said (they wait for it; their message renewed the allowance). */
  reply: { rank: 4, whenNoRoom: 'hold' },
  /** The final word: 办结 with the rating question, 不予受理, 合并, 归档. */
  result: { rank: 3, whenNoRoom: 'hold' },
  /** A step in the handling: 分派, 开始办理, 转协商, 退回重办 (and 督办, should residents hear of it). */
  progress: { rank: 2, whenNoRoom: 'hold' },
  /** 已受理: the resident already has the number, can ask 进度, and later notices say more. */
  acknowledgement: { rank: 1, whenNoRoom: 'drop' },
};

/** The kind of the notice a resident gets when their opinion reaches `state`. */
export function residentNoticeKindFor(state: OpinionState): ResidentNoticeKind {
  if (state === 'resolved' || state === 'declined' || state === 'merged' || state === 'closed') return 'result';
  if (state === 'submitted' || state === 'accepted') return 'acknowledgement';
  return 'progress';
}

/** More important messages known to be pending for one resident. */
export interface PendingNotices {
  /** Final notices still to come: one per open opinion, plus held ones. */
  results: number;
  /** Held progress notices. */
  progress: number;
}

/** How many of the remaining slots a message of this kind must leave for more important pending ones. */
export function slotsToLeave(kind: ResidentNoticeKind, pending: PendingNotices): number {
  const rank = RESIDENT_NOTICES[kind].rank;
  let leave = 0;
  if (rank < RESIDENT_NOTICES.result.rank) leave += pending.results;
  if (rank < RESIDENT_NOTICES.progress.rank) leave += pending.progress;
  return leave;
}

/** The kind a message was sent or held as (unset: `result`, the rule before kinds existed). */
export const noticeKindOf = (kind: ResidentNoticeKind | undefined): ResidentNoticeKind => kind ?? 'result';

/** Held notices, most important first, then oldest first: the order they are sent in. */
export function byImportance(held: readonly HeldNotice[]): HeldNotice[] {
  return held
    .map((notice, index) => ({ notice, index }))
    .sort(
      (a, b) =>
        RESIDENT_NOTICES[noticeKindOf(b.notice.kind)].rank - RESIDENT_NOTICES[noticeKindOf(a.notice.kind)].rank || a.index - b.index,
    )
    .map(({ notice }) => notice);
}

export interface ResidentNoticeBudgetDeps {
  /** The resident's opinions still open (each will end with a final notice). */
  openOpinions(customer: KfCustomer): Promise<number>;
  held: { listHeld(customer: KfCustomer): Promise<HeldNotice[]> };
}

/** What the kf sender asks before a message takes a slot: how many it must leave free. */
export class ResidentNoticeBudget {
  constructor(private readonly deps: ResidentNoticeBudgetDeps) {}

  async slotsToLeave(customer: KfCustomer, kind: ResidentNoticeKind): Promise<number> {
    if (RESIDENT_NOTICES[kind].rank >= RESIDENT_NOTICES.result.rank) return 0;
    const held = await this.deps.held.listHeld(customer);
    const count = (k: ResidentNoticeKind) => held.filter((n) => noticeKindOf(n.kind) === k).length;
    const pending = { results: count('result') + (await this.deps.openOpinions(customer)), progress: count('progress') };
    return slotsToLeave(kind, pending);
  }
}

const OPEN: readonly OpinionState[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'];

/**
 * How many opinions a 微信客服 customer filed that are still open: residents are kept by their
 * identity (`wecom-kf:<open_kfid>:<external_userid>`, as the conversation files them).
 */
export function openOpinionsOfCustomer(deps: {
  residents: Pick<ResidentRepository, 'findOrCreate'>;
  opinions: Pick<OpinionRepository, 'countByState'>;
}): (customer: KfCustomer) => Promise<number> {
  return async (customer) => {
    // Only notices about an opinion ask this, so the resident is there already (found, not made).
    const resident = await deps.residents.findOrCreate(`wecom-kf:${customer.openKfId}:${customer.externalUserId}`, {
      platform: 'wecom-kf',
      kind: 'customer',
      ...customer,
    });
    const counts = await deps.opinions.countByState({ filerId: resident.id });
    return OPEN.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  };
}
