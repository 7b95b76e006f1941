import type { OutgoingMessage } from '../types.js';

/** The title DingTalk shows in notifications for a markdown message: its first line, shortened. */
export function markdownTitle(text: string): string {
  const first = text.split('\n').find((line) => line.trim()) ?? '';
  const plain = first
    .replace(/^[#>*\-\s]+/, '')
    .replace(/[*_`]/g, '')
    .trim();
  return Array.from(plain).slice(0, 30).join('') || '议事';
}

/**
 * The body for a session webhook or a custom robot: `text` or `markdown`, with `at.atUserIds`.
 * DingTalk only shows an @ when the content also names the person, so the names go in front.
 */
export function webhookBody(message: OutgoingMessage, atUserIds: string[]): Record<string, unknown> {
  const mentions = [...new Set(atUserIds)];
  const prefix = mentions.length > 0 ? `${mentions.map((id) => `@${id}`).join(' ')} ` : '';
  const at = { atUserIds: mentions, isAtAll: false };
  if (message.format === 'markdown') {
    return { msgtype: 'markdown', markdown: { title: markdownTitle(message.text), text: `${prefix}${message.text}` }, at };
  }
  return { msgtype: 'text', text: { content: `${prefix}${message.text}` }, at };
}

/** `msgKey` and `msgParam` (a JSON string) for the OpenAPI robot sends. */
export function openApiMessage(message: OutgoingMessage): { msgKey: string; msgParam: string } {
  if (message.format === 'markdown') {
    return { msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: markdownTitle(message.text), text: message.text }) };
  }
  return { msgKey: 'sampleText', msgParam: JSON.stringify({ content: message.text }) };
}
