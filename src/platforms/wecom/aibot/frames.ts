import { z } from 'zod';
import type { Address, IncomingMessage } from '../../types.js';
import { withoutLeadingMention } from '../bot-inbound.js';
import { WECOM_INBOUND_LIMITS } from '../limits.js';

/** What one callback frame of the long connection asks of Yishi. */
export type AibotCallback =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'welcome'; userId: string }
  | { kind: 'unsupported'; msgtype: string }
  | { kind: 'ignore'; what: string }
  | { kind: 'invalid'; problem: string };

const textPart = z.object({ content: z.string().max(100_000) });

/**
 * The body of `aibot_msg_callback` and `aibot_event_callback` frames (the SDK's BaseMessage and
 * EventMessage; developer.work.weixin.qq.com path/101463). Unknown fields are dropped.
 */
const bodySchema = z.object({
  msgid: z.string().min(1).max(256),
  chatid: z.string().min(1).max(256).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from: z.object({ userid: z.string().min(1).max(256) }),
  msgtype: z.string().min(1).max(64),
  text: textPart.optional(),
  voice: textPart.optional(),
  mixed: z.object({ msg_item: z.array(z.object({ msgtype: z.string(), text: textPart.optional() })).max(100) }).optional(),
  event: z.object({ eventtype: z.string() }).optional(),
});

type Body = z.infer<typeof bodySchema>;

/** Media Yishi cannot read yet: answered with a pointer to text (as on the HTTP smart robot). */
const MEDIA_TYPES = new Set(['image', 'file', 'video']);

function textOf(body: Body): string | undefined {
  if (body.msgtype === 'text') return body.text?.content;
  // WeCom's own speech recognition: people expect a spoken 反映 to work like a typed one.
  if (body.msgtype === 'voice') return body.voice?.content;
  if (body.msgtype === 'mixed')
    return body.mixed?.msg_item.flatMap((item) => (item.msgtype === 'text' && item.text ? [item.text.content] : [])).join('\n');
  return undefined;
}

/** Where a member of this chat is reached later through `aibot_send_msg` (chatid, or the userid in a 1:1 chat). */
export function aibotUserAddress(userId: string): Address {
  return { platform: 'wecom-aibot', kind: 'user', userId };
}

/** Reads one callback frame's body into a neutral message (or says what else it is). Never throws. */
export function readAibotCallback(frameBody: unknown, receivedAt: Date): AibotCallback {
  const parsed = bodySchema.safeParse(frameBody);
  if (!parsed.success)
    return {
      kind: 'invalid',
      problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
    };
  const body = parsed.data;
  const userId = body.from.userid;
  if (body.msgtype === 'event')
    return body.event?.eventtype === 'enter_chat'
      ? { kind: 'welcome', userId }
      : { kind: 'ignore', what: `event ${body.event?.eventtype ?? '?'}` };
  if (MEDIA_TYPES.has(body.msgtype)) return { kind: 'unsupported', msgtype: body.msgtype };
  const text = textOf(body);
  if (text === undefined) return { kind: 'ignore', what: `message type ${body.msgtype}` };

  const isGroup = body.chattype === 'group';
  if (isGroup && !body.chatid) return { kind: 'invalid', problem: 'a group message without chatid' };
  const chatId = isGroup ? body.chatid! : userId;
  return {
    kind: 'message',
    message: {
      platform: 'wecom-aibot',
      messageId: body.msgid,
      chat: {
        id: chatId,
        kind: isGroup ? 'group' : 'direct',
        // Notices to this group go out through aibot_send_msg; 登记本群 registers this address.
        ...(isGroup ? { address: { platform: 'wecom-aibot', kind: 'group', chatId } } : {}),
      },
      sender: { platformUserId: userId, identityKey: `wecom-aibot:${userId}`, address: aibotUserAddress(userId) },
      source: 'member-chat',
      text: isGroup ? withoutLeadingMention(text) : text.trim(),
      maxTextLength: WECOM_INBOUND_LIMITS.maxTextLength,
      // In a group only messages that @ the robot reach it; a single chat always addresses it.
      mentionedBot: true,
      mentions: [],
      receivedAt,
    },
  };
}
