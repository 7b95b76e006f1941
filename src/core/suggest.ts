/** Levenshtein distance over code points (so one Chinese character counts as one edit). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The closest known word to a typo, or undefined when nothing is close. Two- and three-character
 * Chinese words allow one wrong character (帮主 → 帮助, 值斑 → 值班).
 */
export function suggestWord(typed: string, words: readonly string[]): string | undefined {
  const length = [...typed].length;
  const allowed = length <= 3 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const word of words) {
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (distance <= allowed && distance < [...word].length && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}
