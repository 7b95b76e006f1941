import { beijingDate, beijingYear } from '../../core/dates.js';
import { YishiError } from '../../core/errors.js';
import { looksLikeOpinionNumber, normalizeOpinionNumber } from '../../core/opinion-number.js';
import type { EventRecord } from '../events/event-records.js';
import type { NewOutcome, OutcomeResponsible } from './outcome-records.js';
import { MAX_OUTCOME_CHARS, readDueDate } from './outcome-rules.js';
import type { OutcomeDeps } from './outcome-service.js';

// A new 成果 item, checked before anything is stored: where it comes from (an event with a recorded
// outcome, or an escalated opinion), who delivers it, and a due date not in the past.

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

type IntakeDeps = Pick<OutcomeDeps, 'members' | 'findEvent' | 'findOpinion' | 'clock' | 'messages'>;

function fail(code: string, userMessage: string, status = 400): never {
  throw new YishiError(code, { userMessage, status });
}

/** Checks a new item (nothing is stored); every problem gets a clear answer. */
export async function checkNewOutcome(deps: IntakeDeps, input: OutcomeInput): Promise<CheckedOutcome> {
  const t = deps.messages.outcomes;
  const text = input.text.trim();
  if (!text) fail('outcome_text_empty', t.errors.textEmpty);
  if ([...text].length > MAX_OUTCOME_CHARS) fail('outcome_text_too_long', t.errors.textTooLong(MAX_OUTCOME_CHARS));
  const today = beijingDate(deps.clock.now());
  const dueDate = readDueDate(input.dueDate, today);
  if (!dueDate) fail('outcome_due_date_invalid', t.errors.dueDateInvalid(input.dueDate.trim()));
  if (dueDate < today) fail('outcome_due_date_past', t.errors.dueDatePast(dueDate, today));
  const from = await sourceOf(deps, input.source.trim(), input.opinionNumbers);
  const { responsible, name } = await responsibleOf(deps, input.responsible);
  return { item: { text, responsible, dueDate, ...from.link }, source: from.words, responsibleName: name };
}

async function sourceOf(
  deps: IntakeDeps,
  word: string,
  picked: string[] | undefined,
): Promise<{ link: Pick<NewOutcome, 'opinionNumbers' | 'eventId' | 'eventNumber'>; words: string }> {
  const t = deps.messages.outcomes;
  const year = beijingYear(deps.clock.now());
  if (looksLikeOpinionNumber(word)) {
    const number = normalizeOpinionNumber(word, year) ?? word.toUpperCase();
    const opinion = await deps.findOpinion(number);
    if (!opinion) fail('opinion_not_found', t.errors.opinionNotFound(number), 404);
    const escalated = opinion.state === 'escalated' || opinion.audit.some((entry) => entry.to === 'escalated');
    if (!escalated) fail('outcome_opinion_not_escalated', t.errors.notEscalated(opinion.number), 409);
    return { link: { opinionNumbers: [opinion.number] }, words: t.sourceOpinion(opinion.number) };
  }
  let event: EventRecord;
  try {
    event = await deps.findEvent(word);
  } catch (error) {
    if (error instanceof YishiError && error.code === 'event_number_invalid') fail('outcome_source_invalid', t.errors.badSource(word));
    throw error;
  }
  if (event.state === 'cancelled') fail('event_cancelled', t.errors.eventCancelled(event.title), 409);
  if (!event.outcome) fail('outcome_event_without_outcome', t.errors.noEventOutcome(event.number, event.title), 409);
  const linked = event.outcome.opinionNumbers;
  const numbers = (picked ?? linked).map((n) => normalizeOpinionNumber(n, year) ?? n.trim().toUpperCase());
  for (const number of numbers) if (!linked.includes(number)) fail('outcome_opinion_not_linked', t.errors.opinionNotLinked(number));
  return {
    link: { eventId: event.id, eventNumber: event.number, opinionNumbers: [...new Set(numbers)] },
    words: t.sourceEvent(event.number, event.title),
  };
}

async function responsibleOf(deps: IntakeDeps, input: ResponsibleInput): Promise<{ responsible: OutcomeResponsible; name: string }> {
  const t = deps.messages.outcomes;
  if ('memberId' in input) {
    const member = await deps.members.findById(input.memberId);
    if (!member || !member.active) fail('member_not_found', t.errors.memberNotFound(input.memberId), 400);
    return { responsible: { kind: 'member', memberId: member.id }, name: member.name };
  }
  const name = ('unit' in input ? input.unit : input.word).trim();
  if (!name) fail('outcome_responsible_empty', t.errors.responsibleEmpty);
  if ('word' in input) {
    // A word that is the name of exactly one active member names that member; anything else is a unit.
    const members = (await deps.members.findByName(name)).filter((m) => m.active);
    if (members.length === 1) return { responsible: { kind: 'member', memberId: members[0]!.id }, name: members[0]!.name };
  }
  const unit = [...name].slice(0, 100).join('');
  return { responsible: { kind: 'unit', name: unit }, name: unit };
}
