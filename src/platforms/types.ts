/**
 * The neutral message contracts every platform adapter speaks. Core, commands and services see
 * only these shapes, never a raw WeCom XML or DingTalk JSON payload.
 */

/** Where a message came from. `wecom-kf` is the residents' customer-service account. */
export type PlatformName = 'wecom-app' | 'wecom-bot' | 'wecom-kf' | 'dingtalk' | 'console';

export type ChatKind = 'direct' | 'group';

/** What a platform lets through to Yishi, declared by each platform where its messages enter. */
export interface InboundLimits {
  /** The longest text Yishi reads from one message, in characters as people count them (code points). */
  maxTextLength: number;
  /** The largest callback body read at all; a larger one is refused (413) before it is parsed. */
  maxBodyBytes: number;
}

/**
 * For a platform that documents no limit on the text it delivers (protocols.md records none for
 * received messages; its 2048-byte limits are for sending). The body may hold a text ten times
 * the limit even with every character escaped (`\uXXXX`), so an over-long paste still gets the
 * polite answer; a larger body is no message a person typed, and is refused before it is read.
 */
export const UNDOCUMENTED_INBOUND_LIMITS: InboundLimits = { maxTextLength: 4_000, maxBodyBytes: 256 * 1024 };

/** The body limit of a platform's route: the platform's own, or the operator's BODY_LIMIT_BYTES when smaller. */
export function inboundBodyLimit(limits: InboundLimits, configuredBytes: number): number {
  return Math.min(limits.maxBodyBytes, configuredBytes);
}

/**
 * One message from a person, normalised by its adapter.
 *
 * @example
 * const message: IncomingMessage = {
 *   platform: 'wecom-app', messageId: '4561255354251345929',
 *   chat: { id: 'mycreate', kind: 'direct' }, sender: { platformUserId: 'mycreate' },
 *   text: '反映 路灯坏了', mentionedBot: true, mentions: [], receivedAt: new Date(),
 * };
 */
export interface IncomingMessage {
  platform: PlatformName;
  /** The platform's own id for the message (opaque string; WeCom MsgId may be Base64-like). */
  messageId: string;
  chat: { id: string; kind: ChatKind; title?: string };
  sender: { platformUserId: string; displayName?: string };
  /** The text with the bot's own @-mention removed and trimmed; '' for events. */
  text: string;
  /**
   * The longest text the platform lets people send, in characters (its InboundLimits); longer
   * text is answered politely and never parsed. Unset: {@link UNDOCUMENTED_INBOUND_LIMITS}.
   */
  maxTextLength?: number;
  /** True in direct chats, and in groups when the bot was @-mentioned. */
  mentionedBot: boolean;
  /** Platform user ids of other people @-mentioned in the text. */
  mentions: string[];
  receivedAt: Date;
  /** Set for events (WeCom `enter_agent`, menu `click`, …) instead of text. */
  event?: { type: string; key?: string };
  /** For residents arriving through a QR code: the scene value (community code). */
  scene?: string;
  /** Adapter-specific data needed to answer later (session webhook, response_url, …). Core never reads it. */
  replyHandle?: unknown;
}

/** What Yishi says. `markdown` falls back to text where a platform cannot show it. */
export interface OutgoingMessage {
  text: string;
  format: 'text' | 'markdown';
  /** Platform user ids to @-mention (groups only). */
  mentionUserIds?: string[];
  /** A PNG to send as an image message where the platform allows it. */
  image?: { png: Buffer };
}

/** A place a message can be delivered to without a prior incoming message. */
export type Address =
  | { platform: 'wecom-app'; kind: 'user'; userId: string }
  | { platform: 'wecom-group-robot'; kind: 'group'; webhookKey: string }
  | { platform: 'wecom-bot'; kind: 'response-url'; url: string }
  | { platform: 'wecom-kf'; kind: 'customer'; openKfId: string; externalUserId: string }
  | { platform: 'dingtalk'; kind: 'user'; staffId: string }
  | { platform: 'dingtalk'; kind: 'group'; openConversationId: string }
  | { platform: 'dingtalk-custom-robot'; kind: 'group'; accessToken: string; secret?: string }
  | { platform: 'console'; kind: 'user' | 'group'; id: string };

export interface SendOptions {
  /** Stable key for this logical message; used for platform-side duplicate checks where offered. */
  idempotencyKey?: string;
}

/** Result of a send the platform refused or deferred. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** True when trying again later may succeed (rate limit, network). */
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * Delivers messages to one family of addresses.
 *
 * @example
 * await sender.send({ platform: 'wecom-app', kind: 'user', userId: 'zhangsan' }, { text: '您好', format: 'text' });
 */
export interface Sender {
  /** Throws {@link SendError} when the platform refuses. */
  send(to: Address, message: OutgoingMessage, options?: SendOptions): Promise<void>;
}
