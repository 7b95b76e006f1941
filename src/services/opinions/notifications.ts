import { formatBeijingDateTime } from '../../core/dates.js';
import type { OutgoingMessage } from '../../platforms/types.js';
import type { Recipient } from '../notifier.js';
import { residentNoticeKindFor } from '../residents/notice-priority.js';
import { filerRecipient, reopenDays } from './support.js';
import type { OpinionDeps, OpinionRecord } from './types.js';

const text = (value: string): OutgoingMessage => ({ text: value, format: 'text' });

/** The notices opinions send; every one goes through the outbox with a key unique to its event. */
export class OpinionNotices {
  constructor(private readonly deps: OpinionDeps) {}

  private get t() {
    return this.deps.messages.opinions.notices;
  }

  /** The one-line summary every notice carries: the privacy gate's, for anyone but the filer. */
  summary(opinion: OpinionRecord): Promise<string> {
    return this.deps.privacy.summary(opinion, 'public');
  }

  private labels(opinion: OpinionRecord) {
    const t = this.deps.messages.opinions;
    return { community: opinion.community ?? t.unknownCommunity, category: opinion.category ?? t.unclassified };
  }

  /** Tells the filer, in the chat they used, about the change recorded by the latest audit entry. */
  async tellFiler(opinion: OpinionRecord): Promise<void> {
    const t = this.deps.messages.opinions;
    const index = opinion.audit.length - 1;
    const last = opinion.audit[index]!;
    let message: string;
    if (opinion.source === 'resident-service') {
      // What it is decides what happens when WeCom's allowance runs short (notice-priority.ts).
      const notice = { ...text(await this.residentNotice(opinion, last.note)), residentNotice: residentNoticeKindFor(opinion.state) };
      await this.deps.notifier.notify(filerRecipient(opinion), notice, { idempotencyKey: `opinion:${opinion.id}:filer:${index}` });
      return;
    }
    if (opinion.state === 'resolved') message = this.t.resolvedAskRate(opinion.number, opinion.result ?? '', await reopenDays(this.deps));
    else if (opinion.state === 'declined') message = this.t.declined(opinion.number, opinion.reason ?? '');
    else if (opinion.state === 'merged') message = this.t.merged(opinion.number, opinion.mergedInto ?? '');
    else message = this.t.stateChanged(opinion.number, t.states[opinion.state], last.note);
    await this.deps.notifier.notify(filerRecipient(opinion), text(message), { idempotencyKey: `opinion:${opinion.id}:filer:${index}` });
  }

  /** A resident on 微信客服 reads plain words and answers in plain words: no command syntax to type. */
  private async residentNotice(opinion: OpinionRecord, note: string | undefined): Promise<string> {
    const t = this.deps.messages.opinions;
    const r = this.deps.messages.residents;
    if (opinion.state === 'resolved') return r.resolvedAskRate(opinion.number, opinion.result ?? '', await reopenDays(this.deps));
    if (opinion.state === 'declined') return this.t.declined(opinion.number, opinion.reason ?? '');
    if (opinion.state === 'merged') return this.t.merged(opinion.number, opinion.mergedInto ?? '');
    const state = r.stateWords[opinion.state] ?? t.states[opinion.state] ?? opinion.state;
    return r.stateChanged(opinion.number, state, note);
  }

  /** The filer of an opinion archived as 未评价: told once, politely (keyed by the archive's audit entry). */
  async tellFilerArchived(opinion: OpinionRecord, days: number): Promise<void> {
    const index = opinion.audit.length - 1;
    const message = { ...text(this.t.archivedUnrated(opinion.number, days)), residentNotice: 'result' as const };
    await this.deps.notifier.notify(filerRecipient(opinion), message, {
      idempotencyKey: `opinion:${opinion.id}:filer:${index}`,
    });
  }

  async tellHandlerAssigned(opinion: OpinionRecord): Promise<void> {
    if (!opinion.handlerId) return;
    const { community, category } = this.labels(opinion);
    const deadline = opinion.deadline ? formatBeijingDateTime(opinion.deadline) : this.deps.messages.opinions.noDeadline;
    const message = this.t.assignedToYou(opinion.number, community, category, await this.summary(opinion), deadline);
    await this.toMember(opinion.handlerId, message, `opinion:${opinion.id}:handler:${opinion.audit.length - 1}`);
  }

  async tellHandlerBack(opinion: OpinionRecord, reason: string): Promise<void> {
    if (!opinion.handlerId) return;
    await this.toMember(
      opinion.handlerId,
      this.t.backToYou(opinion.number, reason),
      `opinion:${opinion.id}:back:${opinion.audit.length - 1}`,
    );
  }

  /** The handler hears the filer's rating and what they said (through the privacy gate). */
  async tellHandlerRated(opinion: OpinionRecord, rating: string, reason: string | undefined): Promise<void> {
    if (!opinion.handlerId) return;
    const said = reason ? await this.deps.privacy.text(opinion, reason, 'caseworker') : undefined;
    await this.toMember(
      opinion.handlerId,
      this.t.ratedToHandler(opinion.number, rating, said),
      `opinion:${opinion.id}:rated:${opinion.audit.length - 1}`,
    );
  }

  async tellOnDuty(opinion: OpinionRecord, memberId: string): Promise<void> {
    const { community, category } = this.labels(opinion);
    await this.toMember(
      memberId,
      this.t.newInQueue(opinion.number, community, category, await this.summary(opinion)),
      `opinion:${opinion.id}:queue:${memberId}`,
    );
  }

  /** The office group hears of every new opinion (number, community, category, summary only). */
  async tellStaffNew(opinion: OpinionRecord): Promise<void> {
    const { community, category } = this.labels(opinion);
    const message = this.t.newOpinion(opinion.number, community, category, await this.summary(opinion));
    await this.deps.notifier.notify({ kind: 'group', groupKey: 'staff' }, text(message), {
      idempotencyKey: `opinion:${opinion.id}:staff-new`,
    });
  }

  async toMember(memberId: string, message: string, idempotencyKey: string): Promise<void> {
    await this.deps.notifier.notify({ kind: 'member', memberId }, text(message), { idempotencyKey });
  }

  async toGroup(groupKey: string, message: OutgoingMessage, idempotencyKey: string): Promise<void> {
    const recipient: Recipient = { kind: 'group', groupKey };
    await this.deps.notifier.notify(recipient, message, { idempotencyKey });
  }
}
