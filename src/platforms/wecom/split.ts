/** WeCom's limits are in UTF-8 bytes: text 2048, markdown 4096. */
export const TEXT_LIMIT_BYTES = 2048;
export const MARKDOWN_LIMIT_BYTES = 4096;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character (a
 * surrogate pair counts as one), preferring to break after a newline in the second half.
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  if (byteLength(text) <= maxBytes) return [text];
  const pieces: string[] = [];
  const characters = Array.from(text);
  let start = 0;
  while (start < characters.length) {
    let bytes = 0;
    let end = start;
    let lastNewline = -1;
    let bytesAtNewline = 0;
    while (end < characters.length) {
      const size = byteLength(characters[end]!);
      if (bytes + size > maxBytes) break;
      bytes += size;
      if (characters[end] === '\n') [lastNewline, bytesAtNewline] = [end, bytes];
      end += 1;
    }
    if (end === start) end = start + 1; // only when maxBytes < 4: keep making progress
    if (end < characters.length && lastNewline >= start && bytesAtNewline >= maxBytes / 2) end = lastNewline + 1;
    pieces.push(characters.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** Cuts text to at most `maxBytes` UTF-8 bytes (whole characters), adding `marker` when it had to cut. */
export function truncateUtf8(text: string, maxBytes: number, marker: string): string {
  if (byteLength(text) <= maxBytes) return text;
  const [head] = splitUtf8(text, maxBytes - byteLength(marker));
  return `${head ?? ''}${marker}`;
}
