import { YishiError } from '../../core/errors.js';
import type { IncomingMessage } from '../types.js';
import { WECOM_INBOUND_LIMITS } from './limits.js';
import type { XmlFields } from './xml.js';

/** What an app callback asks of Yishi, after decryption. */
export type AppCallback =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'welcome'; userId: string }
  | { kind: 'unsupported'; userId: string }
  | { kind: 'kf'; token: string; openKfId: string }
  | { kind: 'ignore'; what: string };

const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'location', 'link', 'file']);

function required(fields: XmlFields, name: string): string {
  const value = fields[name];
  if (value === undefined || value === '')
    throw new YishiError('wecom_message_invalid', { status: 400, detail: `the decrypted message has no ${name}` });
  return value;
}

/**
 * Reads a decrypted app callback (message or event XML, developer.work.weixin.qq.com path/96467
 * and path/90376). Events have no MsgId; their id is FromUserName + CreateTime + the event's own
 * key, because sender and second alone have merged distinct events.
 */
export function readAppCallback(fields: XmlFields, receivedAt: Date): AppCallback {
  const msgType = required(fields, 'MsgType');
  if (msgType === 'event') return readEvent(fields, receivedAt);

  const userId = required(fields, 'FromUserName');
  if (MEDIA_TYPES.has(msgType)) return { kind: 'unsupported', userId };
  if (msgType !== 'text') return { kind: 'ignore', what: `message type ${msgType}` };
  const messageId = fields.MsgId || `${userId}:${required(fields, 'CreateTime')}:text`;
  return {
    kind: 'message',
    message: {
      platform: 'wecom-app',
      messageId,
      chat: { id: userId, kind: 'direct' },
      sender: memberSender(userId),
      source: 'member-chat',
      text: (fields.Content ?? '').trim(),
      maxTextLength: WECOM_INBOUND_LIMITS.maxTextLength,
      mentionedBot: true,
      mentions: [],
      receivedAt,
    },
  };
}

function readEvent(fields: XmlFields, receivedAt: Date): AppCallback {
  const event = required(fields, 'Event');
  // 微信客服 events come from the kf system account, not a member: only Token and OpenKfId matter.
  if (event === 'kf_msg_or_event') return { kind: 'kf', token: required(fields, 'Token'), openKfId: required(fields, 'OpenKfId') };

  const userId = required(fields, 'FromUserName');
  if (event === 'enter_agent') return { kind: 'welcome', userId };
  if (event !== 'click') return { kind: 'ignore', what: `event ${event}` };

  const key = (fields.EventKey ?? '').trim();
  if (!key) return { kind: 'ignore', what: 'click without EventKey' };
  return {
    kind: 'message',
    message: {
      platform: 'wecom-app',
      messageId: `${userId}:${required(fields, 'CreateTime')}:click:${key}`,
      chat: { id: userId, kind: 'direct' },
      sender: memberSender(userId),
      source: 'member-chat',
      // A menu key is the command it stands for, e.g. "帮助".
      text: key,
      maxTextLength: WECOM_INBOUND_LIMITS.maxTextLength,
      mentionedBot: true,
      mentions: [],
      receivedAt,
      event: { type: 'click', key },
    },
  };
}

/** A member on the WeCom app, answered and notified through the app's 1:1 messages. */
export function memberSender(userId: string): IncomingMessage['sender'] {
  return { platformUserId: userId, identityKey: `wecom-app:${userId}`, address: { platform: 'wecom-app', kind: 'user', userId } };
}
