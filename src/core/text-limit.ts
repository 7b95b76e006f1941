import { UNDOCUMENTED_INBOUND_LIMITS, type IncomingMessage } from '../platforms/types.js';

/** A text longer than its platform allows: how long it is and what the limit was, in characters. */
export interface TextOverLimit {
  length: number;
  limit: number;
}

/**
 * Characters as people count them: code points, so a surrogate pair (an emoji, a rare 汉字) is one.
 *
 * @example
 * countCharacters('路灯😀'); // 3
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const completesPair = code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!completesPair) count += 1;
  }
  return count;
}

/**
 * The one length rule for what people send: undefined when `text` fits `limit` characters, else
 * its length. Linear and allocation-free, so it can run before anything else reads the text.
 *
 * @example
 * textOverLimit('反映 路灯坏了', 4000); // undefined
 */
export function textOverLimit(text: string, limit: number): TextOverLimit | undefined {
  // Code points never outnumber UTF-16 units: most texts are settled without counting.
  if (text.length <= limit) return undefined;
  const length = countCharacters(text);
  return length > limit ? { length, limit } : undefined;
}

/** {@link textOverLimit} for a message, at the limit its platform declared. */
export function messageOverLimit(message: Pick<IncomingMessage, 'text' | 'maxTextLength'>): TextOverLimit | undefined {
  return textOverLimit(message.text, message.maxTextLength ?? UNDOCUMENTED_INBOUND_LIMITS.maxTextLength);
}
