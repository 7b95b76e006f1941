import { foldWidth } from '../../core/parser.js';

/**
 * The words residents answer with, in the configured language (`messages.residents.words`): the one
 * place the lists live. The functions below read an answer with them; they know no language.
 */
export interface PlainWords {
  greet: readonly string[];
  /** 进度, 我的反映…: the whole message asks for the resident's opinions. */
  progress: readonly string[];
  /** Yes in its everyday forms: 对、对的、没问题、好、好的、是的、可以… */
  yes: readonly string[];
  /** No (this is not right): 不对、不是… At the summary it starts over; at a similar opinion it files their own. */
  no: readonly string[];
  /** Give up the filing: 取消、算了、不用了… */
  cancel: readonly string[];
  /** Nothing to add (no photo, no call back): 没有、不用、不需要… */
  skip: readonly string[];
  modify: readonly string[];
  reopen: readonly string[];
  plusOne: readonly string[];
  separate: readonly string[];
  /** Ratings in plain words, the longest read first (不满意 before 满意). */
  ratings: { satisfied: readonly string[]; basically: readonly string[]; unsatisfied: readonly string[] };
  /** Questions a resident asks (found anywhere in a short message), answered without starting a filing. */
  questions: { duty: readonly string[]; progress: readonly string[]; contact: readonly string[] };
}

export type Rating = 'satisfied' | 'basically' | 'unsatisfied';
export type Question = 'duty' | 'progress' | 'contact';

/** A question is a short message; a longer one is a report that happens to contain the words. */
export const QUESTION_MAX_CHARS = 16;

/** Particles that soften an answer without changing it (`好的呀`, `对啊`, `算了吧`). */
const PARTICLES = new Set([...'啊呀吧啦哈呢嘛哦噢喔了']);
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]+/gu;

/** The answer as the lists are written: folded, lower case, no spaces or punctuation. */
export function tidy(text: string): string {
  return foldWidth(text).toLowerCase().replace(PUNCTUATION_OR_SPACE, '');
}

function matches(part: string, list: readonly string[]): boolean {
  const listed = new Set(list.map(tidy));
  // Each particle taken off the end in turn: 算了吧 → 算了 (listed), not on to 算.
  for (let said = [...part]; said.length > 0; said = said.slice(0, -1)) {
    if (listed.has(said.join(''))) return true;
    if (!PARTICLES.has(said.at(-1)!)) return false;
  }
  return false;
}

/**
 * True when the answer is one of the words, or only such words (`对，没问题`, `好的，谢谢` is not):
 * width, case, spaces, punctuation and a trailing particle do not matter.
 */
export function isOneOf(text: string, list: readonly string[]): boolean {
  const parts = foldWidth(text)
    .toLowerCase()
    .split(PUNCTUATION_OR_SPACE)
    .filter((p) => p.length > 0);
  if (parts.length === 0) return false;
  return matches(tidy(text), list) || parts.every((p) => matches(p, list));
}

/** The rating a short answer gives (`挺满意的`, `还行`, `不太满意`), or at the start of a longer one (`不满意，灯还是不亮`). */
export function ratingIn(text: string, words: PlainWords, short: boolean): Rating | undefined {
  const said = tidy(text);
  const all = (Object.entries(words.ratings) as Array<[Rating, readonly string[]]>)
    .flatMap(([rating, list]) => list.map((word) => ({ rating, word: tidy(word) })))
    .sort((a, b) => b.word.length - a.word.length);
  return all.find(({ word }) => (short ? said.includes(word) : said.startsWith(word)))?.rating;
}

/** The rating word the resident used, to take it out of what they said besides. */
export function ratingWordIn(text: string, words: PlainWords): string | undefined {
  const folded = foldWidth(text).toLowerCase();
  return Object.values(words.ratings)
    .flat()
    .sort((a, b) => b.length - a.length)
    .find((word) => folded.includes(word.toLowerCase()));
}

/** The question a short message asks (`今天谁值班？`, `我的反映怎么样了`, `怎么联系你们`), if any. */
export function questionIn(text: string, words: PlainWords): Question | undefined {
  const said = tidy(text);
  if (!said || [...said].length > QUESTION_MAX_CHARS) return undefined;
  const order: Question[] = ['duty', 'progress', 'contact'];
  return order.find((question) => words.questions[question].some((phrase) => said.includes(tidy(phrase))));
}
