import type { ActivityRepository, NewActivity } from './activity-records.js';
import type { OpinionRating, OpinionRecord } from '../opinions/opinion-records.js';
import type { ProposalRecord } from '../proposals/proposal-records.js';
import type { OutcomeRecord } from '../outcomes/outcome-records.js';
import type { SocialReportRecord } from '../social-reports/social-report-records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the 履职台账 as things happen. The opinion, roster, events and proposal services call
 * it right after their own (atomic) transition succeeded; each fact has a stable key, so a
 * transition retried after a crash or by a second instance records it once.
 *
 * @example
 * await ledger.shiftServed({ id: shift.id, memberId: shift.memberId }, now);
 */
export class ActivityLedger {
  constructor(private readonly activities: ActivityRepository) {}

  private async add(entry: NewActivity): Promise<void> {
    await this.activities.append(entry, entry.at);
  }

  /** 值班签到: the shift was served by its member. */
  shiftServed(shift: { id: string; memberId: string; date?: string }, at: Date): Promise<void> {
    return this.add({
      key: `shift-served:${shift.id}`,
      kind: 'shift-served',
      at,
      memberId: shift.memberId,
      subjectId: shift.id,
      ...(shift.date ? { ref: shift.date } : {}),
    });
  }

  /** 活动签到: the member attended the event. */
  eventAttended(event: { id: string; number?: number }, memberId: string, at: Date): Promise<void> {
    return this.add({
      key: `event-attended:${event.id}:${memberId}`,
      kind: 'event-attended',
      at,
      memberId,
      subjectId: event.id,
      ...(event.number !== undefined ? { ref: String(event.number) } : {}),
    });
  }

  /** 反映: only members' opinions count in a record (residents' are counted by the rates). */
  async opinionFiled(opinion: OpinionRecord): Promise<void> {
    if (opinion.filer.kind !== 'member') return;
    await this.add({
      key: `opinion-filed:${opinion.id}`,
      kind: 'opinion-filed',
      at: opinion.createdAt,
      memberId: opinion.filer.id,
      ...about(opinion),
    });
  }

  /** 受理 (also the implicit acceptance of 当场办结): who accepted, and whether within 24 h. */
  opinionAccepted(opinion: OpinionRecord, memberId: string | undefined, at: Date): Promise<void> {
    const withinDay = at.getTime() - opinion.createdAt.getTime() <= DAY_MS;
    return this.add({
      key: `opinion-accepted:${opinion.id}`,
      kind: 'opinion-accepted',
      at,
      ...(memberId ? { memberId } : {}),
      ...about(opinion),
      withinDay,
    });
  }

  /** 办结 / 当场办结: on time when resolved by the deadline in force at that moment. */
  opinionResolved(opinion: OpinionRecord, handlerId: string | undefined, at: Date, onSpot: boolean): Promise<void> {
    const onTime = !opinion.deadline || at.getTime() <= opinion.deadline.getTime();
    return this.add({
      key: `opinion-resolved:${opinion.id}:${opinion.round}`,
      kind: 'opinion-resolved',
      at,
      ...(handlerId ? { memberId: handlerId } : {}),
      ...about(opinion),
      onTime,
      onSpot,
    });
  }

  /** 评价: credited to the handler whose result was rated; `round` is the one that was rated. */
  opinionRated(opinion: OpinionRecord, round: number, rating: OpinionRating, at: Date): Promise<void> {
    return this.add({
      key: `opinion-rated:${opinion.id}:${round}`,
      kind: 'opinion-rated',
      at,
      ...(opinion.handlerId ? { memberId: opinion.handlerId } : {}),
      ...about(opinion),
      rating,
    });
  }

  /**
   * 重新打开 after a rating: that rating (of `round`) no longer counts in any rate; the records
   * service leaves out every rating of the opinion given before this entry.
   */
  opinionRatingWithdrawn(opinion: OpinionRecord, round: number, at: Date): Promise<void> {
    return this.add({
      key: `opinion-rating-withdrawn:${opinion.id}:${round}`,
      kind: 'opinion-rating-withdrawn',
      at,
      ...(opinion.handlerId ? { memberId: opinion.handlerId } : {}),
      ...about(opinion),
    });
  }

  /** 社情民意信息 报送: the reporter sent it to the office. */
  socialReportSent(report: SocialReportRecord): Promise<void> {
    return this.add({
      key: `social-report-submitted:${report.id}`,
      kind: 'social-report-submitted',
      at: report.createdAt,
      memberId: report.authorId,
      subjectId: report.id,
      ref: report.number,
    });
  }

  /** 社情民意信息 采用: a committee adopted it (`level` says which). */
  socialReportAdopted(report: SocialReportRecord, at: Date): Promise<void> {
    return this.add({
      key: `social-report-adopted:${report.id}`,
      kind: 'social-report-adopted',
      at,
      memberId: report.authorId,
      subjectId: report.id,
      ref: report.number,
      ...(report.level ? { level: report.level } : {}),
    });
  }

  /**
   * 协商成果 已落实: one entry for the member who ran the event (and recorded its outcome). A delivery
   * after a 重新落实 is a new fact (its own key); the one before it was withdrawn.
   */
  outcomeDelivered(item: OutcomeRecord, memberId: string, at: Date): Promise<void> {
    const round = reopenings(item);
    const key = round === 0 ? `outcome-delivered:${item.id}` : `outcome-delivered:${item.id}:${round}`;
    return this.add({ key, kind: 'outcome-delivered', at, memberId, subjectId: item.id, ref: item.number });
  }

  /**
   * 重新落实 of a delivered item (`item` as it is after the step): its delivery no longer counts; the
   * records service leaves out every delivery of the item recorded before this entry.
   */
  outcomeDeliveryWithdrawn(item: OutcomeRecord, memberId: string, at: Date): Promise<void> {
    return this.add({
      key: `outcome-delivery-withdrawn:${item.id}:${reopenings(item)}`,
      kind: 'outcome-delivery-withdrawn',
      at,
      memberId,
      subjectId: item.id,
      ref: item.number,
    });
  }

  /** 提案提交: one entry for the author, one for each co-signer. */
  async proposalSubmitted(proposal: ProposalRecord, at: Date): Promise<void> {
    await this.add({
      key: `proposal-submitted:${proposal.id}`,
      kind: 'proposal-submitted',
      at,
      memberId: proposal.authorId,
      subjectId: proposal.id,
      ref: proposal.number,
    });
    for (const coSigner of proposal.coSignerIds) {
      await this.add({
        key: `proposal-cosigned:${proposal.id}:${coSigner}`,
        kind: 'proposal-cosigned',
        at,
        memberId: coSigner,
        subjectId: proposal.id,
        ref: proposal.number,
      });
    }
  }
}

/** How many times the item went back to 落实中 (重新落实). */
const reopenings = (item: OutcomeRecord) => item.steps.filter((step) => step.action === 'reopened').length;

function about(opinion: OpinionRecord): Pick<NewActivity, 'subjectId' | 'ref' | 'community'> {
  return { subjectId: opinion.id, ref: opinion.number, ...(opinion.community ? { community: opinion.community } : {}) };
}
