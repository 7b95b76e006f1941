import { z } from 'zod';
import { UNDOCUMENTED_INBOUND_LIMITS, type InboundLimits, type IncomingMessage } from '../types.js';

/** DingTalk documents no limit on the text a robot receives (protocols.md §5), so the default applies. */
export const DINGTALK_INBOUND_LIMITS: InboundLimits = UNDOCUMENTED_INBOUND_LIMITS;

/** What a DingTalk reply needs later: the session webhook while valid, else the OpenAPI target. */
export interface DingtalkReplyHandle {
  sessionWebhook?: string;
  /** Epoch ms after which the session webhook answers 300001. */
  sessionWebhookExpiredTime?: number;
  conversationId: string;
  conversationType: '1' | '2';
  robotCode?: string;
  senderStaffId?: string;
}

const atUser = z.object({ dingtalkId: z.string().optional(), staffId: z.string().optional() });

/** The robot message as DingTalk sends it over HTTP and in Stream `CALLBACK` frames (same JSON). */
const robotMessageSchema = z.object({
  msgId: z.string().min(1),
  msgtype: z.string().default('text'),
  conversationType: z.enum(['1', '2']),
  conversationId: z.string().min(1),
  conversationTitle: z.string().optional(),
  senderId: z.string().optional(),
  senderStaffId: z.string().optional(),
  senderNick: z.string().optional(),
  chatbotUserId: z.string().optional(),
  isInAtList: z.boolean().optional(),
  atUsers: z.array(atUser).optional(),
  sessionWebhook: z.string().optional(),
  sessionWebhookExpiredTime: z.coerce.number().optional(),
  robotCode: z.string().optional(),
  text: z.object({ content: z.string() }).optional(),
  content: z
    .object({
      recognition: z.string().optional(),
      richText: z.array(z.object({ text: z.string().optional() })).optional(),
    })
    .optional(),
});

export type RobotMessage = z.infer<typeof robotMessageSchema>;

export type ParsedRobotMessage = { ok: true; message: IncomingMessage } | { ok: false; problem: string };

function textOf(raw: RobotMessage): string {
  if (raw.msgtype === 'text') return raw.text?.content ?? '';
  if (raw.msgtype === 'richText') return (raw.content?.richText ?? []).map((part) => part.text ?? '').join('');
  // Voice messages carry DingTalk's own speech recognition; people expect it to work like text.
  if (raw.msgtype === 'audio') return raw.content?.recognition ?? '';
  return '';
}

/**
 * Turns a robot message (already authenticated) into the neutral {@link IncomingMessage}.
 * DingTalk strips the bot's own @-mention but leaves a leading space, so the text is trimmed.
 */
export function parseRobotMessage(body: unknown, receivedAt: Date): ParsedRobotMessage {
  const parsed = robotMessageSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const raw = parsed.data;
  if (!raw.senderStaffId && !raw.senderId) return { ok: false, problem: 'senderStaffId and senderId are both missing' };
  const kind = raw.conversationType === '2' ? 'group' : 'direct';
  const mentions = (raw.atUsers ?? [])
    .filter((user) => user.staffId && user.dingtalkId !== raw.chatbotUserId)
    .map((user) => user.staffId as string);
  const handle: DingtalkReplyHandle = {
    conversationId: raw.conversationId,
    conversationType: raw.conversationType,
    ...(raw.sessionWebhook ? { sessionWebhook: raw.sessionWebhook } : {}),
    ...(raw.sessionWebhookExpiredTime ? { sessionWebhookExpiredTime: raw.sessionWebhookExpiredTime } : {}),
    ...(raw.robotCode ? { robotCode: raw.robotCode } : {}),
    ...(raw.senderStaffId ? { senderStaffId: raw.senderStaffId } : {}),
  };
  const senderId = raw.senderStaffId ?? raw.senderId ?? '';
  return {
    ok: true,
    message: {
      platform: 'dingtalk',
      messageId: raw.msgId,
      chat: {
        id: raw.conversationId,
        kind,
        ...(raw.conversationTitle ? { title: raw.conversationTitle } : {}),
        ...(kind === 'group' ? { address: { platform: 'dingtalk', kind: 'group', openConversationId: raw.conversationId } } : {}),
      },
      // senderStaffId is the real userid; people outside the corp have only the encrypted senderId.
      sender: {
        platformUserId: senderId,
        identityKey: `dingtalk:${senderId}`,
        address: { platform: 'dingtalk', kind: 'user', staffId: senderId },
        ...(raw.senderNick ? { displayName: raw.senderNick } : {}),
      },
      source: 'member-chat',
      text: textOf(raw).trim(),
      maxTextLength: DINGTALK_INBOUND_LIMITS.maxTextLength,
      // Group messages reach the robot only when it is @-mentioned.
      mentionedBot: kind === 'direct' || raw.isInAtList !== false,
      mentions,
      receivedAt,
      replyHandle: handle,
    },
  };
}
