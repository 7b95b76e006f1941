import type { Clock } from '../../core/clock.js';
import { beijingDate, beijingYear } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { readOutcomeNumber } from '../../core/outcome-number.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord } from '../events/event-records.js';
import type { MemberRepository } from '../members/member-records.js';
import type { Notifier } from '../notifier.js';
import type { ActivityLedger } from '../records/activity-ledger.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import { filerRecipient } from '../opinions/support.js';
import type { OutcomeFilter, OutcomeRecord, OutcomeRepository, OutcomeState, OutcomeStep } from './outcome-records.js';
import { checkNewOutcome, type CheckedOutcome, type OutcomeInput } from './outcome-intake.js';
import { checkExtension, extendOutcome, type CheckedExtension, type OutcomeExtensionInput } from './outcome-extension.js';
import { countOutcomes, isOverdue, stepProblem, type OutcomeCounts } from './outcome-rules.js';
import { superviseOutcomes } from './outcome-supervision.js';

export type { CheckedOutcome, OutcomeInput, ResponsibleInput } from './outcome-intake.js';

export interface OutcomeDeps {
  outcomes: OutcomeRepository;
  members: Pick<MemberRepository, 'findById' | 'findByName'>;
  /** An event by number as typed or id, or the events side's clear error. */
  findEvent(ref: string): Promise<EventRecord>;
  /** An opinion by its canonical number. */
  findOpinion(number: string): Promise<OpinionRecord | null>;
  notifier: Notifier;
  clock: Clock;
  messages: Messages;
  /** 履职台账: a delivered result of an event counts for the member who ran it (recorded its outcome); 重新落实 withdraws it. */
  ledger?: Pick<ActivityLedger, 'outcomeDelivered' | 'outcomeDeliveryWithdrawn'>;
}

/** A confirmation's preview: the sentences of what changes, and who is told. */
export interface ChangePreview {
  changes: string[];
  notified: string[];
}

export interface OutcomeStepInput {
  to: OutcomeState;
  note?: string;
}

/**
 * 协商成果 and 督办: what a consultation agreed becomes items with a responsible unit or member and a
 * due date, reminded before it and supervised once after it while still 落实中; when one is
 * delivered, those whose opinions led to it are told.
 */
export class OutcomeService {
  constructor(private readonly deps: OutcomeDeps) {}

  private get t() {
    return this.deps.messages.outcomes;
  }

  private fail(code: string, userMessage: string, status = 400): never {
    throw new YishiError(code, { userMessage, status });
  }

  private today(): string {
    return beijingDate(this.deps.clock.now());
  }

  /** Checks a new item (nothing is stored); every problem gets a clear answer. */
  check(input: OutcomeInput): Promise<CheckedOutcome> {
    return checkNewOutcome(this.deps, input);
  }

  /** Who delivers it, in words: the unit, or the member's name as the directory has it now. */
  async responsibleName(item: Pick<OutcomeRecord, 'responsible'>): Promise<string> {
    const who = item.responsible;
    if (who.kind === 'unit') return who.name;
    return (await this.deps.members.findById(who.memberId))?.name ?? this.t.unknownMember;
  }

  /** Stores the item as 落实中; a responsible member is told. */
  async create(actor: Actor, input: OutcomeInput): Promise<OutcomeRecord> {
    const { item } = await this.check(input);
    const now = this.deps.clock.now();
    const first: OutcomeStep = { at: now, by: actor.memberId ?? actor.platformUserId, byName: actor.name, action: 'in-progress' };
    const stored = await this.deps.outcomes.create(item, first, now, beijingYear(now));
    if (stored.responsible.kind === 'member')
      await this.deps.notifier.notify(
        { kind: 'member', memberId: stored.responsible.memberId },
        { text: this.t.assigned(stored.number, stored.text, stored.dueDate), format: 'text' },
        { idempotencyKey: `outcome:${stored.id}:assigned` },
      );
    return stored;
  }

  /** The item a person typed the number of, or the clear answer that there is none. */
  async load(word: string): Promise<OutcomeRecord> {
    const number = readOutcomeNumber(word);
    if (!number) this.fail('outcome_number_invalid', this.t.errors.badNumber(word.trim()));
    const item = await this.deps.outcomes.findByNumber(number);
    if (!item) this.fail('outcome_not_found', this.t.errors.notFound(number), 404);
    return item;
  }

  /** The state a word names (已落实, 未落实…), or null. */
  readStateWord(word: string): OutcomeState | null {
    const words = this.t.stateWords;
    const found = (Object.keys(words) as OutcomeState[]).find((state) => words[state].includes(word.trim()));
    return found ?? null;
  }

  /** Checks a step against the item as it stands; the item, for the preview. Nothing changes. */
  async checkStep(word: string, step: OutcomeStepInput): Promise<OutcomeRecord> {
    const item = await this.load(word);
    const problem = stepProblem(item.state, step.to, step.note ?? '');
    const t = this.t;
    if (problem === 'final') this.fail('outcome_final', t.errors.final(item.number, t.states[item.state]), 409);
    if (problem === 'same') this.fail('outcome_same_state', t.errors.sameState(item.number, t.states[item.state]), 409);
    if (problem === 'reason-needed') this.fail('outcome_reason_needed', t.errors.reasonNeeded);
    if (problem === 'reopen-reason-needed') this.fail('outcome_reopen_reason_needed', t.errors.reopenReasonNeeded);
    return item;
  }

  /** What a step would change and who would be told, as chat's 确认 and the workbench show it; nothing changes. */
  async stepPreview(word: string, step: OutcomeStepInput): Promise<ChangePreview> {
    const t = this.t;
    const item = await this.checkStep(word, step);
    const note = step.note?.trim();
    if (step.to === 'in-progress') {
      const changes = [t.reopenPreview(item.number, item.text, t.states[item.state], note ?? '')];
      if (await this.withdrawsCredit(item)) changes.push(t.creditWithdrawn);
      return { changes, notified: [] };
    }
    const notified = step.to === 'delivered' && item.opinionNumbers.length > 0 ? [t.filersTold(item.opinionNumbers.join('、'))] : [];
    return { changes: [t.stepPreview(item.number, item.text, t.states[step.to], note)], notified };
  }

  /** What a 延期 would change and who would be told (a responsible member); nothing changes. */
  async extensionPreview(word: string, input: OutcomeExtensionInput): Promise<ChangePreview> {
    const { item, toDate, reason } = await this.checkExtension(word, input);
    return {
      changes: [this.t.extendPreview(item.number, item.text, item.dueDate, toDate, reason)],
      notified: item.responsible.kind === 'member' ? [await this.responsibleName(item)] : [],
    };
  }

  /**
   * Staff settle an item; on delivery, those whose opinions led to it are told (residents through
   * their own channel's allowance). To 落实中 from a settled state is 重新落实: the item was settled
   * by mistake; a delivery credit it gave the organiser is withdrawn (as a reopened opinion's rating).
   */
  async advance(actor: Actor, word: string, step: OutcomeStepInput): Promise<OutcomeRecord> {
    const item = await this.checkStep(word, step);
    const now = this.deps.clock.now();
    const note = step.note?.trim();
    const by = { at: now, by: actor.memberId ?? actor.platformUserId, byName: actor.name, ...(note ? { note } : {}) };
    if (step.to === 'in-progress') {
      const reopened = await this.deps.outcomes.reopen(item.number, item.state, { ...by, action: 'reopened' });
      if (!reopened) return this.advance(actor, word, step);
      if (item.state === 'delivered') await this.withdrawCredit(reopened, now);
      return reopened;
    }
    const changes = step.to === 'delivered' ? { deliveredAt: now } : { reason: note! };
    const moved = await this.deps.outcomes.advance(item.number, item.state, changes, { ...by, action: step.to });
    // Another staff member settled it first: answer from where it stands now.
    if (!moved) return this.advance(actor, word, step);
    if (moved.state === 'delivered') {
      const organiser = await this.organiserOf(moved);
      if (organiser) await this.deps.ledger?.outcomeDelivered(moved, organiser, now);
      await this.tellFilers(moved);
    }
    return moved;
  }

  /** 谁组织谁记录: the member who recorded the event's outcome ran it; a delivered result enters their record. */
  private async organiserOf(item: OutcomeRecord): Promise<string | null> {
    if (!this.deps.ledger || !item.eventId) return null;
    const event = await this.deps.findEvent(item.eventId).catch(() => null);
    const organiser = event?.outcome ? await this.deps.members.findById(event.outcome.recordedBy) : null;
    return organiser?.id ?? null;
  }

  /** Whether 重新落实 of this item takes a credit back (it was delivered, from an event with an organiser). */
  async withdrawsCredit(item: OutcomeRecord): Promise<boolean> {
    return item.state === 'delivered' && (await this.organiserOf(item)) !== null;
  }

  private async withdrawCredit(item: OutcomeRecord, at: Date): Promise<void> {
    const organiser = await this.organiserOf(item);
    if (organiser) await this.deps.ledger?.outcomeDeliveryWithdrawn(item, organiser, at);
  }

  /** Checks a 延期 of the item a person typed the number of; nothing changes. */
  async checkExtension(word: string, input: OutcomeExtensionInput): Promise<CheckedExtension> {
    return checkExtension(this.deps, await this.load(word), input);
  }

  /** 延期 by staff, with a reason: see {@link extendOutcome}. */
  async extend(actor: Actor, word: string, input: OutcomeExtensionInput): Promise<OutcomeRecord> {
    const moved = await extendOutcome(this.deps, actor, await this.checkExtension(word, input));
    // Settled or put back by someone else meanwhile: check again against where it stands now.
    return moved ?? this.extend(actor, word, input);
  }

  private async tellFilers(item: OutcomeRecord): Promise<void> {
    for (const number of item.opinionNumbers) {
      const opinion = await this.deps.findOpinion(number);
      if (!opinion) continue;
      await this.deps.notifier.notify(
        filerRecipient(opinion),
        { text: this.t.delivered(opinion.number, item.text), format: 'text' },
        { idempotencyKey: `outcome:${item.id}:filer:${opinion.id}` },
      );
    }
  }

  list(filter: OutcomeFilter, limit = 500): Promise<OutcomeRecord[]> {
    return this.deps.outcomes.list(filter, limit);
  }

  /** Items 落实中 past their due date, earliest due first. */
  overdue(): Promise<OutcomeRecord[]> {
    return this.search({}, true);
  }

  /** The filter's items; `overdue` true: only those 落实中 past their due date, false: none of those. */
  async search(filter: OutcomeFilter, overdue?: boolean, limit = 500): Promise<OutcomeRecord[]> {
    if (overdue === true) {
      const states = filter.states ? filter.states.filter((s) => s === 'in-progress') : ['in-progress' as const];
      return states.length === 0 ? [] : this.deps.outcomes.list({ ...filter, states, dueBefore: this.today() }, limit);
    }
    const items = await this.deps.outcomes.list(filter, limit);
    return overdue === false ? items.filter((item) => !this.isOverdue(item)) : items;
  }

  forEvent(eventId: string): Promise<OutcomeRecord[]> {
    return this.deps.outcomes.list({ eventId }, 200);
  }

  forOpinion(number: string): Promise<OutcomeRecord[]> {
    return this.deps.outcomes.list({ opinionNumber: number }, 200);
  }

  isOverdue(item: OutcomeRecord): boolean {
    return isOverdue(item, this.today());
  }

  /** One line: number, text, who, due date, state (with 已逾期 / 已督办). */
  async line(item: OutcomeRecord): Promise<string> {
    const t = this.t;
    const open =
      item.state === 'in-progress' ? (this.isOverdue(item) ? t.overdueTag : '') + (item.supervisedAt ? t.supervisedTag : '') : '';
    const tag = open + (item.extensions ? t.extendedTag(item.extensions) : '');
    const state = t.states[item.state] + (item.state === 'not-delivered' && item.reason ? `（${item.reason}）` : '');
    return t.line(item.number, item.text, await this.responsibleName(item), item.dueDate, state, tag);
  }

  /**
   * The 协商成果 lines under an opinion or event (a title, then one line each; none when there is no
   * item). `plain`: for residents, without numbers or the office's tags.
   */
  async linesFor(items: OutcomeRecord[] | Promise<OutcomeRecord[]>, plain = false): Promise<string[]> {
    const list = await items;
    if (list.length === 0) return [];
    const t = this.t;
    const lines = await Promise.all(
      list.map((item) => (plain ? t.plainLine(item.text, t.states[item.state], item.dueDate) : this.line(item))),
    );
    return [t.detailTitle, ...lines];
  }

  /** An item as the API shows it: the record, its state in words and whether it is overdue. */
  async present(item: OutcomeRecord) {
    return {
      ...item,
      responsibleName: await this.responsibleName(item),
      stateLabel: this.t.states[item.state],
      overdue: this.isOverdue(item),
      extensions: item.extensions ?? 0,
    };
  }

  presentAll(items: OutcomeRecord[] | Promise<OutcomeRecord[]>) {
    return Promise.resolve(items).then((list) => Promise.all(list.map((item) => this.present(item))));
  }

  /** The scheduler's pass: reminders before the due date, one 督办 after it (see {@link superviseOutcomes}). */
  runSupervision(now: Date): Promise<{ reminded: number; supervised: number }> {
    return superviseOutcomes(this.deps, this, now);
  }

  /** Where an item comes from, in words: the event by title, else its opinions. */
  async sourceWords(item: OutcomeRecord): Promise<string> {
    if (item.eventId) {
      const event = await this.deps.findEvent(item.eventId).catch(() => null);
      if (event) return this.t.sourceEvent(event.number, event.title);
    }
    return this.t.sourceOpinion(item.opinionNumbers.join('、'));
  }

  /** The weekly digest's 成果落实 figures: every item by state, the overdue among those 落实中. */
  async counts(now: Date): Promise<OutcomeCounts> {
    return countOutcomes(await this.deps.outcomes.list({}, 10_000), beijingDate(now));
  }

  /** The digest's line, or null when there is no item at all. */
  async digestLine(now: Date): Promise<string | null> {
    const c = await this.counts(now);
    return c.total === 0 ? null : this.t.digest(c.total, c.delivered, c.inProgress, c.overdue, c.notDelivered);
  }
}
