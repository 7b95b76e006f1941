import type { DictionaryEntry } from './dictionary-records.js';
import type { OpinionDeps, OpinionRecord } from './types.js';
import { OPEN_STATES } from './types.js';

/** Two opinions whose bigram overlap reaches this are "similar": the filer is offered a +1. */
export const SIMILARITY_THRESHOLD = 0.5;

/** A keyword shorter than this is a character, not a word: `路` would match 路灯, 马路 and 一路. */
export const MIN_KEYWORD_CHARS = 2;

/**
 * The entry whose name or keywords occur most often in `text` (ties: the longer match wins).
 * Only words count: keywords of a single character are never matched.
 */
export function bestMatch(text: string, entries: readonly DictionaryEntry[]): DictionaryEntry | undefined {
  let best: { entry: DictionaryEntry; hits: number; length: number } | undefined;
  for (const entry of entries) {
    let hits = 0;
    let length = 0;
    for (const word of [entry.name, ...entry.keywords]) {
      if ([...(word ?? '')].length < MIN_KEYWORD_CHARS) continue;
      const count = text.split(word).length - 1;
      if (count > 0) {
        hits += count;
        length = Math.max(length, word.length);
      }
    }
    if (hits > 0 && (!best || hits > best.hits || (hits === best.hits && length > best.length))) best = { entry, hits, length };
  }
  return best?.entry;
}

/** A tag names an entry when it equals its name, a keyword, or (communities) its QR code. */
function byTag(tags: readonly string[], entries: readonly DictionaryEntry[]): DictionaryEntry | undefined {
  for (const tag of tags) {
    const found = entries.find((e) => e.name === tag || e.code === tag || e.keywords.includes(tag));
    if (found) return found;
  }
  return undefined;
}

/**
 * Community and category for a new opinion: `#标签` tags win, then the resident's QR-code scene
 * (community), then the keyword dictionaries staff maintain.
 */
export async function classify(
  deps: OpinionDeps,
  content: string,
  tags: readonly string[],
  scene?: string,
): Promise<{ community?: string; category?: string }> {
  const [communities, categories] = await Promise.all([deps.communities.list(), deps.categories.list()]);
  const fromScene = scene ? communities.find((c) => c.code === scene) : undefined;
  const community = byTag(tags, communities) ?? fromScene ?? bestMatch(content, communities);
  const category = byTag(tags, categories) ?? bestMatch(content, categories);
  return { ...(community ? { community: community.name } : {}), ...(category ? { category: category.name } : {}) };
}

function bigrams(text: string): Set<string> {
  const clean = text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i += 1) grams.add(clean.slice(i, i + 2));
  if (clean.length === 1) grams.add(clean);
  return grams;
}

/** Overlap of character bigrams, relative to the shorter text (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / Math.min(x.size, y.size);
}

/** The most similar open opinion in the same community, when one is similar enough. */
export async function findSimilar(deps: OpinionDeps, content: string, community: string | undefined): Promise<OpinionRecord | undefined> {
  if (!community) return undefined;
  const items = await deps.opinions.newest({ states: [...OPEN_STATES], community }, 500);
  // The community's own name and keywords are shared by every opinion there: compare the rest.
  const entry = await deps.communities.findByName(community);
  const shared = [community, ...(entry?.keywords ?? [])].filter(Boolean).sort((a, b) => b.length - a.length);
  const strip = (text: string) => shared.reduce((rest, word) => rest.split(word).join(' '), text);
  const mine = strip(content);
  let best: { opinion: OpinionRecord; score: number } | undefined;
  for (const opinion of items) {
    const score = similarity(mine, strip(opinion.content));
    if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { opinion, score };
  }
  return best?.opinion;
}
