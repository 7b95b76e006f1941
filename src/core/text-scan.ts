/**
 * Character-level helpers for reading what people type, each one pass over the text. The parser
 * uses them instead of regular expressions whose backtracking grows with the square of the input
 * (`/[.。]+$/` on a long run of dots, a quote that never closes), and instead of slicing the line
 * once per token.
 */

/**
 * True for the UTF-16 code units JavaScript's `\s` matches (and `String.prototype.trim` removes):
 * ECMAScript's WhiteSpace and LineTerminator.
 *
 * @example
 * isWhitespace('\u3000'.charCodeAt(0)); // true
 */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * `text` without the run of `chars` at its end (as `text.replace(/[chars]+$/, '')`, in one pass).
 *
 * @example
 * withoutTrailing('路灯坏了。。', '。'); // '路灯坏了'
 */
export function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * True when `text` is not empty and every code unit of it is one of `chars`.
 *
 * @example
 * consistsOf('?!', '!?.'); // true
 */
export function consistsOf(text: string, chars: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) if (!chars.includes(text[i]!)) return false;
  return true;
}

/**
 * `text` without its leading run of `chars` and the whitespace right after that run; unchanged
 * when it does not start with one of `chars`.
 *
 * @example
 * withoutLeading('，  路灯坏了', ',，'); // '路灯坏了'
 */
export function withoutLeading(text: string, chars: string): string {
  let i = 0;
  while (i < text.length && chars.includes(text[i]!)) i++;
  if (i === 0) return text;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return text.slice(i);
}

/**
 * `text` with the ranges `[start, end)` (ascending, not overlapping) replaced by as many spaces,
 * so every other position stays where it was.
 */
export function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(last, start), ' '.repeat(end - start));
    last = end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * `text` from `offset` on with every whitespace run made one space and its end trimmed (as
 * `.replace(/\s+/g, ' ').trimEnd()`), built once; `from(position)` is the part from a position on,
 * a slice of that one copy rather than a copy per call.
 *
 * @example
 * const text = new CollapsedText('反映  路灯   坏了 ', 0);
 * text.from(4); // '路灯 坏了'
 */
export class CollapsedText {
  readonly body: string;
  /** Where each position of the text lands in `body`; built on the first `from`. */
  private landed: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly offset: number,
  ) {
    this.body = text.slice(offset).replace(/\s+/g, ' ').trimEnd();
  }

  /** The collapsed text from `position` (a character that is not whitespace) to the end. */
  from(position: number): string {
    this.landed ??= this.positions();
    return this.body.slice(this.landed[position - this.offset]);
  }

  private positions(): Int32Array {
    const landed = new Int32Array(this.text.length - this.offset);
    let out = 0;
    let inRun = false;
    for (let i = this.offset; i < this.text.length; i++) {
      landed[i - this.offset] = out;
      if (!isWhitespace(this.text.charCodeAt(i))) {
        out += 1;
        inRun = false;
      } else if (!inRun) {
        out += 1;
        inRun = true;
      }
    }
    return landed;
  }
}
