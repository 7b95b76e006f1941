import type { Clock } from '../../core/clock.js';
import { addDays, beijingDate, beijingTimeOfDay, beijingYear } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { looksLikeOpinionNumber, normalizeOpinionNumber } from '../../core/opinion-number.js';
import { readOutcomeNumber } from '../../core/outcome-number.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { EventRecord } from '../events/event-records.js';
import type { MemberRepository } from '../members/member-records.js';
import type { Notifier } from '../notifier.js';
import type { ActivityLedger } from '../records/activity-ledger.js';
import type { OpinionRecord } from '../opinions/opinion-records.js';
import { filerRecipient } from '../opinions/support.js';
import type {
  NewOutcome,
  OutcomeFilter,
  OutcomeRecord,
  OutcomeRepository,
  OutcomeResponsible,
  OutcomeState,
  OutcomeStep,
} from './outcome-records.js';
import {
  countOutcomes,
  isOverdue,
  MAX_OUTCOME_CHARS,
  NOTICE_HOUR,
  readDueDate,
  REMIND_DAYS_BEFORE,
  reminderDaysLeft,
  stepProblem,
  type OutcomeCounts,
} from './outcome-rules.js';

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
  /** 履职台账: a delivered result of an event counts for the member who ran it (recorded its outcome). */
  ledger?: Pick<ActivityLedger, 'outcomeDelivered'>;
}

/** Who delivers it, as typed: a unit's name, a member's id (API), or a word that may be a member's name (chat). */
export type ResponsibleInput = { unit: string } | { memberId: string } | { word: string };

/** What staff give for a new item, from chat or the API. */
export interface OutcomeInput {
  /** The event (number as typed, or id) or the escalated opinion (MY-2026-000123) it comes from. */
  source: string;
  text: string;
  responsible: ResponsibleInput;
  /** As typed: 2026-12-31, 12月31日… */
  dueDate: string;
  /** For an event: the opinions of its outcome that this item settles (default: all of them). */
  opinionNumbers?: string[];
}

/** A checked item, ready to store, where it comes from and who delivers it, in words (for the preview). */
export interface CheckedOutcome {
  item: NewOutcome;
  source: string;
  responsibleName: string;
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
  async check(input: OutcomeInput): Promise<CheckedOutcome> {
    const t = this.t;
    const text = input.text.trim();
    if (!text) this.fail('outcome_text_empty', t.errors.textEmpty);
    if ([...text].length > MAX_OUTCOME_CHARS) this.fail('outcome_text_too_long', t.errors.textTooLong(MAX_OUTCOME_CHARS));
    const today = this.today();
    const dueDate = readDueDate(input.dueDate, today);
    if (!dueDate) this.fail('outcome_due_date_invalid', t.errors.dueDateInvalid(input.dueDate.trim()));
    if (dueDate < today) this.fail('outcome_due_date_past', t.errors.dueDatePast(dueDate, today));
    const from = await this.sourceOf(input.source.trim(), input.opinionNumbers);
    const { responsible, name } = await this.responsibleOf(input.responsible);
    return { item: { text, responsible, dueDate, ...from.link }, source: from.words, responsibleName: name };
  }

  private async sourceOf(
    word: string,
    picked: string[] | undefined,
  ): Promise<{ link: Pick<NewOutcome, 'opinionNumbers' | 'eventId' | 'eventNumber'>; words: string }> {
    const t = this.t;
    const year = beijingYear(this.deps.clock.now());
    if (looksLikeOpinionNumber(word)) {
      const number = normalizeOpinionNumber(word, year) ?? word.toUpperCase();
      const opinion = await this.deps.findOpinion(number);
      if (!opinion) this.fail('opinion_not_found', t.errors.opinionNotFound(number), 404);
      const escalated = opinion.state === 'escalated' || opinion.audit.some((entry) => entry.to === 'escalated');
      if (!escalated) this.fail('outcome_opinion_not_escalated', t.errors.notEscalated(opinion.number), 409);
      return { link: { opinionNumbers: [opinion.number] }, words: t.sourceOpinion(opinion.number) };
    }
    let event: EventRecord;
    try {
      event = await this.deps.findEvent(word);
    } catch (error) {
      if (error instanceof YishiError && error.code === 'event_number_invalid')
        this.fail('outcome_source_invalid', t.errors.badSource(word));
      throw error;
    }
    if (event.state === 'cancelled') this.fail('event_cancelled', t.errors.eventCancelled(event.title), 409);
    if (!event.outcome) this.fail('outcome_event_without_outcome', t.errors.noEventOutcome(event.number, event.title), 409);
    const linked = event.outcome.opinionNumbers;
    const numbers = (picked ?? linked).map((n) => normalizeOpinionNumber(n, year) ?? n.trim().toUpperCase());
    for (const number of numbers) if (!linked.includes(number)) this.fail('outcome_opinion_not_linked', t.errors.opinionNotLinked(number));
    return {
      link: { eventId: event.id, eventNumber: event.number, opinionNumbers: [...new Set(numbers)] },
      words: t.sourceEvent(event.number, event.title),
    };
  }

  private async responsibleOf(input: ResponsibleInput): Promise<{ responsible: OutcomeResponsible; name: string }> {
    const t = this.t;
    if ('memberId' in input) {
      const member = await this.deps.members.findById(input.memberId);
      if (!member || !member.active) this.fail('member_not_found', t.errors.memberNotFound(input.memberId), 400);
      return { responsible: { kind: 'member', memberId: member.id }, name: member.name };
    }
    const name = ('unit' in input ? input.unit : input.word).trim();
    if (!name) this.fail('outcome_responsible_empty', t.errors.responsibleEmpty);
    if ('word' in input) {
      // A word that is the name of exactly one active member names that member; anything else is a unit.
      const members = (await this.deps.members.findByName(name)).filter((m) => m.active);
      if (members.length === 1) return { responsible: { kind: 'member', memberId: members[0]!.id }, name: members[0]!.name };
    }
    const unit = [...name].slice(0, 100).join('');
    return { responsible: { kind: 'unit', name: unit }, name: unit };
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
    return item;
  }

  /** Staff settle an item; on delivery, those whose opinions led to it are told (residents through their own channel's allowance). */
  async advance(actor: Actor, word: string, step: OutcomeStepInput): Promise<OutcomeRecord> {
    const item = await this.checkStep(word, step);
    const now = this.deps.clock.now();
    const note = step.note?.trim();
    const entry: OutcomeStep = {
      at: now,
      by: actor.memberId ?? actor.platformUserId,
      byName: actor.name,
      action: step.to,
      ...(note ? { note } : {}),
    };
    const changes = step.to === 'delivered' ? { deliveredAt: now } : step.to === 'not-delivered' ? { reason: note! } : {};
    const moved = await this.deps.outcomes.advance(item.number, item.state, changes, entry);
    // Another staff member settled it first: answer from where it stands now.
    if (!moved) return this.advance(actor, word, step);
    if (moved.state === 'delivered') {
      await this.creditOrganiser(moved, now);
      await this.tellFilers(moved);
    }
    return moved;
  }

  /** 谁组织谁记录: the member who recorded the event's outcome ran it; the delivered result enters their record. */
  private async creditOrganiser(item: OutcomeRecord, at: Date): Promise<void> {
    if (!this.deps.ledger || !item.eventId) return;
    const event = await this.deps.findEvent(item.eventId).catch(() => null);
    const organiser = event?.outcome ? await this.deps.members.findById(event.outcome.recordedBy) : null;
    if (organiser) await this.deps.ledger.outcomeDelivered(item, organiser.id, at);
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
    const tag = item.state === 'in-progress' ? (this.isOverdue(item) ? t.overdueTag : '') + (item.supervisedAt ? t.supervisedTag : '') : '';
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
    };
  }

  presentAll(items: OutcomeRecord[] | Promise<OutcomeRecord[]>) {
    return Promise.resolve(items).then((list) => Promise.all(list.map((item) => this.present(item))));
  }

  /**
   * The scheduler's pass (from 09:00 Beijing): a reminder to the responsible member (or the office
   * group for a unit) once within {@link REMIND_DAYS_BEFORE} days of the due date, and ONE 督办
   * notice to the office group once it has passed while still 落实中. Outbox keys and the item's
   * 督办 mark make every later pass, on any instance, send nothing again.
   */
  async runSupervision(now: Date): Promise<{ reminded: number; supervised: number }> {
    const done = { reminded: 0, supervised: 0 };
    if (beijingTimeOfDay(now).hour < NOTICE_HOUR) return done;
    const today = beijingDate(now);
    const open = await this.deps.outcomes.list({ states: ['in-progress'], dueBy: addDays(today, REMIND_DAYS_BEFORE) }, 5000);
    for (const item of open) {
      if (isOverdue(item, today)) {
        if (item.supervisedAt) continue;
        await this.deps.notifier.notify(
          { kind: 'group', groupKey: 'staff' },
          {
            text: this.t.supervision(item.number, item.text, await this.responsibleName(item), item.dueDate, await this.sourceWords(item)),
            format: 'text',
          },
          { idempotencyKey: `outcome:${item.id}:supervision` },
        );
        if (await this.deps.outcomes.markSupervised(item.number, now)) done.supervised += 1;
        continue;
      }
      const days = reminderDaysLeft(item, today);
      if (days === null) continue;
      const recipient =
        item.responsible.kind === 'member'
          ? { kind: 'member' as const, memberId: item.responsible.memberId }
          : { kind: 'group' as const, groupKey: 'staff' };
      await this.deps.notifier.notify(
        recipient,
        { text: this.t.reminder(item.number, item.text, await this.responsibleName(item), item.dueDate, days), format: 'text' },
        { idempotencyKey: `outcome:${item.id}:remind:${item.dueDate}` },
      );
      done.reminded += 1;
    }
    return done;
  }

  private async sourceWords(item: OutcomeRecord): Promise<string> {
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
