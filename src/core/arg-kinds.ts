import type { ArgSpec, ParsedArgs } from './command.js';
import { readDatePhrase, type DatePhrase } from './date-phrases.js';
import { beijingYear, parseTimeOfDay } from './dates.js';
import { normalizeOpinionNumber } from './opinion-number.js';

/** Why a value does not fit its argument. */
export type ArgProblem = 'choice' | 'date' | 'time' | 'opinion-number';

/** The outcome of reading one value for one argument. */
export type ArgReading = { ok: true; values: ParsedArgs; leftover?: string } | { ok: false; problem: ArgProblem };

/** Formats a time of day as `HH:MM`. */
function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * Longer than any date with a time run together (`2026年12月31日下午十二点三刻` is 20): a longer
 * token is not tried, since splitting it at every position costs the square of its length.
 */
const MAX_DATE_TIME_LENGTH = 32;

/**
 * A date token, possibly run together with a time (`明天下午3点`: the time is the leftover). Sets
 * `<name>`, `<name>To`, `<name>Kind`, and `<name>Part` (上午/下午/晚上 → morning/afternoon/evening)
 * and `<name>Year` (the year taken for a date written without one) when they apply.
 */
function readDate(name: string, token: string, now: Date): ArgReading {
  if (token.length > MAX_DATE_TIME_LENGTH) return { ok: false, problem: 'date' };
  const whole = readDatePhrase(token, now);
  const found = whole ? { phrase: whole, leftover: undefined } : splitDateTime(token, now);
  if (!found) return { ok: false, problem: 'date' };
  const values = dateValues(name, found.phrase);
  return found.leftover ? { ok: true, values, leftover: found.leftover } : { ok: true, values };
}

/** The argument values of a date phrase (see {@link readDate}). */
export function dateValues(name: string, phrase: DatePhrase): ParsedArgs {
  return {
    [name]: phrase.from,
    [`${name}To`]: phrase.to,
    [`${name}Kind`]: phrase.kind,
    ...(phrase.part ? { [`${name}Part`]: phrase.part } : {}),
    ...(phrase.inferredYear !== undefined ? { [`${name}Year`]: String(phrase.inferredYear) } : {}),
  };
}

/** `明天下午3点` is 明天 + 下午3点: a head that took a day part (明天下午 + 3点) would lose the 下午. */
function splitDateTime(token: string, now: Date) {
  const chars = [...token];
  for (let cut = chars.length - 1; cut > 0; cut--) {
    const head = chars.slice(0, cut).join('');
    const tail = chars.slice(cut).join('');
    const phrase = readDatePhrase(head, now);
    if (phrase && !phrase.part && parseTimeOfDay(tail)) return { phrase, leftover: tail };
  }
  return null;
}

/**
 * Reads one typed value for one declared argument (not `text`, which takes the rest of the line,
 * nor `member`, which needs the member list). Pure: `now` is the injected clock's time.
 */
export function readArg(spec: ArgSpec, token: string, now: Date): ArgReading {
  switch (spec.kind) {
    case 'date':
      return readDate(spec.name, token, now);
    case 'time': {
      const time = parseTimeOfDay(token);
      return time ? { ok: true, values: { [spec.name]: hhmm(time.hour, time.minute) } } : { ok: false, problem: 'time' };
    }
    case 'opinion-number': {
      const number = normalizeOpinionNumber(token, beijingYear(now));
      return number ? { ok: true, values: { [spec.name]: number } } : { ok: false, problem: 'opinion-number' };
    }
    case 'choice': {
      const choice = spec.choices?.find((c) => c.toLowerCase() === token.toLowerCase());
      return choice !== undefined || !spec.choices
        ? { ok: true, values: { [spec.name]: choice ?? token } }
        : { ok: false, problem: 'choice' };
    }
    case 'member':
      return { ok: true, values: { [spec.name]: token.replace(/^@/, '') } };
    case 'text':
    case 'word':
      return { ok: true, values: { [spec.name]: token } };
  }
}

/**
 * True when `rest` can follow the command word with no separator (`反映路灯坏了`, `值班明天`):
 * only when the first argument is free text, or the rest reads as that argument's kind.
 * Words and member names are never split off, since `帮助中心` or `换班张` would be guesses.
 */
export function acceptsJoinedRest(args: readonly ArgSpec[], rest: string, now: Date): boolean {
  const first = args[0];
  if (!first || !rest) return false;
  if (first.kind === 'text') return true;
  if (first.kind === 'word' || first.kind === 'member') return false;
  const token = /^\S+/.exec(rest)?.[0] ?? '';
  return readArg(first, token, now).ok;
}
