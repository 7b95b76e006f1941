import { readArg, type ArgProblem } from './arg-kinds.js';
import type { AnswerReading, ArgSpec, CommandContext, CommandSpec, ParsedArgs } from './command.js';
import type { MemberDirectory } from './member-directory.js';
import { lookupMemberByName } from './mentions.js';
import { foldWidth } from './parser.js';
import type { Messages } from '../i18n/messages.js';

/** One option of a numbered list. */
export interface Choice {
  label: string;
  value: string;
}

/** A question to send, and the list it showed (answers are read against it). */
export interface Question {
  text: string;
  choices?: Choice[];
}

/**
 * The arguments a guided dialogue asks for, in declaration order: those with a prompt that are
 * still missing. Empty when no prompt applies.
 */
export function argsToAsk<S>(command: CommandSpec<S>, args: ParsedArgs): string[] {
  return command.args
    .filter((spec) => {
      const prompt = command.prompts?.[spec.name];
      return prompt && !prompt.onlyWhenAsked && args[spec.name] === undefined;
    })
    .map((spec) => spec.name);
}

/** The question for one argument, with its numbered list when it has choices. */
export async function buildQuestion<S>(command: CommandSpec<S>, argName: string, ctx: CommandContext<S>): Promise<Question | null> {
  const prompt = command.prompts?.[argName];
  const spec = command.args.find((arg) => arg.name === argName);
  if (!prompt || !spec) return null;
  const t = ctx.t.core.dialogue;
  const ask = prompt.ask(ctx.t, ctx.args);
  const plain = command.dialogue?.hints === 'plain';
  const choices = prompt.choices ? await prompt.choices(ctx) : spec.choices?.map((choice) => ({ label: choice, value: choice }));
  if (!choices) return { text: plain ? ask : `${ask}\n${t.cancelHint}` };
  if (choices.length === 0) return null;
  const list = choices.map((choice, index) => t.choiceLine(index + 1, choice.label)).join('\n');
  return { text: plain ? `${ask}\n${list}` : `${ask}\n${list}\n${t.choiceHint}${t.cancelHint}`, choices };
}

/** The option a person picked: `2`, `第2个`, the label, the value, or a unique part of a label. */
export function pickChoice(answer: string, choices: readonly Choice[]): Choice | undefined {
  const folded = foldWidth(answer).trim();
  const number = /^第?\s*(\d{1,3})\s*(?:个|号|项|\.)?$/.exec(folded);
  if (number) return choices[Number(number[1]) - 1];
  const lower = folded.toLowerCase();
  const exact = choices.find((c) => c.label.toLowerCase() === lower || c.value.toLowerCase() === lower);
  if (exact) return exact;
  if ([...folded].length < 2) return undefined;
  const partial = choices.filter((c) => c.label.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0] : undefined;
}

export type { AnswerReading } from './command.js';

/** The sentence for a value that does not fit its argument. */
export function problemText(t: Messages, problem: ArgProblem, value: string, spec: ArgSpec): string {
  if (problem === 'date') return t.core.invalidDate(value);
  if (problem === 'time') return t.core.invalidTime(value);
  if (problem === 'opinion-number') return t.core.invalidOpinionNumber(value);
  return t.core.invalidChoice(value, (spec.choices ?? []).join('、'));
}

/** Reads one answer for the argument being asked, by its kind (free text is kept as typed). */
export async function readAnswer(
  spec: ArgSpec,
  answer: string,
  question: { choices?: Choice[] },
  deps: { t: Messages; now: Date; members: MemberDirectory },
): Promise<AnswerReading> {
  const t = deps.t;
  const text = answer.trim();
  if (!text) return { ok: false, reply: t.core.dialogue.emptyAnswer };
  if (question.choices) {
    const picked = pickChoice(text, question.choices);
    return picked ? { ok: true, values: { [spec.name]: picked.value } } : { ok: false, reply: t.core.dialogue.badChoice(text) };
  }
  if (spec.kind === 'text') return { ok: true, values: { [spec.name]: text } };
  if (spec.kind === 'member') {
    const found = await lookupMemberByName(deps.members, foldWidth(text));
    if (found.kind === 'found') return { ok: true, values: { [spec.name]: found.member.id } };
    return { ok: false, reply: found.kind === 'none' ? t.core.memberNotFound(text) : t.core.memberAmbiguous(text, found.count) };
  }
  const reading = readArg(spec, foldWidth(text).replace(/\s+/g, ''), deps.now);
  return reading.ok ? { ok: true, values: reading.values } : { ok: false, reply: problemText(t, reading.problem, text, spec) };
}
