import { z } from 'zod';
import { YishiError } from '../../core/errors.js';
import type { IncomingMessage } from '../types.js';
import { WECOM_INBOUND_LIMITS } from './limits.js';
import { memberSender } from './app-inbound.js';

/** What a smart-robot callback asks of Yishi, after decryption. */
export type BotCallback =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'welcome'; userId: string }
  | { kind: 'unsupported'; userId: string }
  | { kind: 'ignore'; what: string };

/** Where a late answer to a smart-robot message goes: its one-time response_url. */
export interface BotReplyHandle {
  responseUrl: string;
}

const textPart = z.object({ content: z.string().max(100_000) });

/** The decrypted callback JSON (developer.work.weixin.qq.com path/100719); unknown fields are dropped. */
const callbackSchema = z.object({
  msgid: z.string().min(1).max(256),
  chatid: z.string().max(256).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from: z.object({ userid: z.string().min(1).max(256) }),
  response_url: z.string().max(2048).optional(),
  msgtype: z.string(),
  text: textPart.optional(),
  mixed: z.object({ msg_item: z.array(z.object({ msgtype: z.string(), text: textPart.optional() })).max(100) }).optional(),
  event: z.object({ eventtype: z.string() }).optional(),
});

const MEDIA_TYPES = new Set(['image', 'voice', 'file', 'video']);

/** In a group only messages that @ the robot arrive, and their text starts with "@robot name". */
export function withoutLeadingMention(text: string): string {
  return text.replace(/^\s*@\S+\s*/u, '').trim();
}

/** Reads a decrypted smart-robot callback into a neutral message (or tells what else it is). */
export function readBotCallback(json: string, receivedAt: Date): BotCallback {
  let parsed: z.infer<typeof callbackSchema>;
  try {
    parsed = callbackSchema.parse(JSON.parse(json));
  } catch (error) {
    throw new YishiError('wecom_message_invalid', {
      status: 400,
      detail: 'the decrypted smart-robot callback is not the expected JSON',
      cause: error,
    });
  }
  const userId = parsed.from.userid;
  if (parsed.msgtype === 'event')
    return parsed.event?.eventtype === 'enter_chat'
      ? { kind: 'welcome', userId }
      : { kind: 'ignore', what: `event ${parsed.event?.eventtype ?? '?'}` };
  if (MEDIA_TYPES.has(parsed.msgtype)) return { kind: 'unsupported', userId };

  let text: string;
  if (parsed.msgtype === 'text' && parsed.text) text = parsed.text.content;
  else if (parsed.msgtype === 'mixed' && parsed.mixed)
    text = parsed.mixed.msg_item.flatMap((item) => (item.msgtype === 'text' && item.text ? [item.text.content] : [])).join('\n');
  // `stream` callbacks ask for the next chunk of a stream; Yishi always finishes its streams at once.
  else return { kind: 'ignore', what: `message type ${parsed.msgtype}` };

  const isGroup = parsed.chattype === 'group';
  const replyHandle: BotReplyHandle | undefined = parsed.response_url ? { responseUrl: parsed.response_url } : undefined;
  return {
    kind: 'message',
    message: {
      platform: 'wecom-bot',
      messageId: parsed.msgid,
      chat: { id: isGroup && parsed.chatid ? parsed.chatid : userId, kind: isGroup ? 'group' : 'direct' },
      // Notices go to the member 1:1 through the app: a response_url serves only this one answer.
      sender: { ...memberSender(userId), identityKey: `wecom-bot:${userId}` },
      source: 'member-chat',
      text: isGroup ? withoutLeadingMention(text) : text.trim(),
      maxTextLength: WECOM_INBOUND_LIMITS.maxTextLength,
      // Only messages that @ the robot reach it in a group; in a single chat it is always addressed.
      mentionedBot: true,
      mentions: [],
      receivedAt,
      ...(replyHandle ? { replyHandle } : {}),
    },
  };
}
