/**
 * Edit distance over code points (one Chinese character counts as one edit), where swapping two
 * neighbouring characters also counts as one edit (`hepl` → `help`, `班值` → `值班`).
 *
 * @example
 * editDistance('值斑', '值班'); // 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // The first row and column are the distances from the empty string; the inside is overwritten.
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      // Before the second character one side is undefined, so no swap is seen there.
      if (x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The closest known word to a typo, or undefined when nothing is close. Two- and three-character
 * Chinese words allow one wrong, missing or extra character (帮主 → 帮助, 值斑 → 值班, 帮 → 帮助);
 * longer words allow two (Latin words up to five letters allow one). A suggestion never needs as many edits as the word has characters.
 * On a tie the earlier word wins, so pass words in the registry's order.
 *
 * @example
 * suggestWord('帮主', ['帮助', '反映']); // '帮助'
 */
export function suggestWord(typed: string, words: readonly string[]): string | undefined {
  const length = [...typed].length;
  // A number or a lone sign is an answer to something, not a misspelt command.
  if (/^[\d\s\p{P}\p{S}]+$/u.test(typed)) return undefined;
  // Latin words are longer for the same meaning: `hello` is not a typo of `help`.
  const ascii = /^[\p{ASCII}]+$/u.test(typed);
  const allowed = length <= (ascii ? 5 : 3) ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const word of words) {
    // The distance is at least the difference in length: far longer input is no typo of a word.
    if (Math.abs([...word].length - length) > allowed) continue;
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (distance <= allowed && distance < [...word].length && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}
