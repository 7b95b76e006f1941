/**
 * The neutral message contracts every platform adapter speaks, and the {@link Platform} contract
 * each platform folder implements. Core, commands and services see only these shapes, never a
 * raw WeCom XML or DingTalk JSON payload, and never switch on a platform's name.
 */
import type Router from '@koa/router';

/**
 * The names messages arrive under (`IncomingMessage['platform']`). A new platform adds its own
 * from its folder: `declare module '…/platforms/types.js' { interface PlatformNames { fake: true } }`.
 */
export interface PlatformNames {
  'wecom-app': true;
  'wecom-bot': true;
  /** The same smart robot over its long connection (长连接). */
  'wecom-aibot': true;
  /** The residents' customer-service account (微信客服). */
  'wecom-kf': true;
  dingtalk: true;
  console: true;
}

/** Where a message came from. `wecom-kf` is the residents' customer-service account. */
export type PlatformName = keyof PlatformNames;

/**
 * Which door a message came through; an opinion filed from it records this as its source.
 *
 * @example
 * const message: Partial<IncomingMessage> = { platform: 'wecom-kf', source: 'resident-service' };
 */
export type MessageSource = 'member-chat' | 'resident-service' | 'console';

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
 *   chat: { id: 'mycreate', kind: 'direct' },
 *   sender: { platformUserId: 'mycreate', identityKey: 'wecom-app:mycreate',
 *             address: { platform: 'wecom-app', kind: 'user', userId: 'mycreate' } },
 *   source: 'member-chat', text: '反映 路灯坏了', mentionedBot: true, mentions: [], receivedAt: new Date(),
 * };
 */
export interface IncomingMessage {
  platform: PlatformName;
  /** The platform's own id for the message (opaque string; WeCom MsgId may be Base64-like). */
  messageId: string;
  /** `address`: where notices to this group chat can be posted later, on platforms that allow it. */
  chat: { id: string; kind: ChatKind; title?: string; address?: Address };
  /**
   * `identityKey`: who the sender is across messages, set by the platform (a resident's record is
   * found by it). `address`: where the sender is answered and notified 1:1 later, if anywhere.
   */
  sender: { platformUserId: string; displayName?: string; identityKey: string; address?: Address };
  source: MessageSource;
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
  /** A photo the person sent instead of text, by the platform's media id (fetched through the platform later). */
  image?: { mediaId: string };
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
  /**
   * What a message to a resident is, for the channel that may send only a few of them (微信客服:
   * 5 in the 48 h after the resident last wrote). What each kind may take when the allowance runs
   * short is decided in one place: src/services/residents/notice-priority.ts. Unset: as `result`.
   */
  residentNotice?: ResidentNoticeKind;
}

/**
 * Messages to residents, most important first: the answer to what they just said, the final
 * word on their matter (办结 with the rating question, 不予受理, 合并, 归档), a step in its
 * handling (分派, 开始办理, 转协商, 退回重办), and an acknowledgement (已受理).
 */
export type ResidentNoticeKind = 'reply' | 'result' | 'progress' | 'acknowledgement';

/**
 * The address families, by `Address['platform']`. A new platform adds its own from its folder:
 * `declare module '…/platforms/types.js' { interface AddressFamilies { fake: { kind: 'user'; id: string } } }`.
 */
export interface AddressFamilies {
  'wecom-app': { kind: 'user'; userId: string };
  'wecom-group-robot': { kind: 'group'; webhookKey: string };
  'wecom-bot': { kind: 'response-url'; url: string };
  /** A chat of the smart robot's long connection: a group by its chatid, or one person by userid. */
  'wecom-aibot': { kind: 'group'; chatId: string } | { kind: 'user'; userId: string };
  'wecom-kf': { kind: 'customer'; openKfId: string; externalUserId: string };
  dingtalk: { kind: 'user'; staffId: string } | { kind: 'group'; openConversationId: string };
  'dingtalk-custom-robot': { kind: 'group'; accessToken: string; secret?: string };
  console: { kind: 'user' | 'group'; id: string };
}

/** A place a message can be delivered to without a prior incoming message. */
export type Address = { [P in keyof AddressFamilies]: { platform: P } & AddressFamilies[P] }[keyof AddressFamilies];

/** The platforms an {@link Address} can name; each has at most one {@link Sender}. */
export type AddressPlatform = Address['platform'];

/**
 * How a platform names its address families in bookkeeping (rate limits, delivered fingerprints).
 * Families without one are keyed by all their fields but a secret.
 *
 * @example
 * export const CONSOLE_ADDRESS_KEYS: AddressKeys = { console: (address) => `console:${address.kind}:${address.id}` };
 */
export type AddressKeys = { [P in AddressPlatform]?: (address: Extract<Address, { platform: P }>) => string };

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

/**
 * The member fields that hold a person's id on a platform (one per platform with ids of its own).
 *
 * @example
 * const zhang: MemberIds = { id: '65f0c0ffee0000000000abcd', wecomUserId: 'zhangsan' };
 */
export interface MemberIds {
  id: string;
  wecomUserId?: string;
  dingtalkStaffId?: string;
}

/**
 * The member lookups a platform may use to find who one of its users is.
 *
 * @example
 * findMember: (platformUserId, members) => members.findByPlatformId('dingtalk', platformUserId),
 */
export interface MemberFinder<M extends MemberIds> {
  findById(id: string): Promise<M | null>;
  findByPlatformId(platform: 'wecom' | 'dingtalk', userId: string): Promise<M | null>;
}

/**
 * Who sent a message, as the platform knows it: a member, or a guest or resident (with a name when it has one).
 *
 * @example
 * identify: async () => ({ kind: 'resident' }), // everyone on 微信客服 is a resident
 */
export type SenderIdentity<M> = { kind: 'member'; member: M } | { kind: 'guest' | 'resident'; name?: string };

/**
 * What core and services ask of a platform about its people: who a user is and where a member
 * is reached. Every method answers for this platform only.
 *
 * @example
 * const who = await platform.identify(message, members); // { kind: 'member', member } or a guest
 * const address = platform.memberAddress(member); // undefined when the member has no id here
 */
export interface PlatformPeople {
  /** A name for logs and wiring errors (`wecom`, `dingtalk`). */
  readonly name: string;
  /** The `IncomingMessage['platform']` values this platform's messages carry. */
  readonly delivers: readonly PlatformName[];
  /** What this platform lets through; its routes size their body limits by it, its messages carry `maxTextLength`. */
  readonly inboundLimits: InboundLimits;
  /** Who sent `message` (a message this platform delivered). */
  identify<M extends MemberIds>(message: IncomingMessage, members: MemberFinder<M>): Promise<SenderIdentity<M>>;
  /** The member behind one of this platform's user ids (an @-mention), or null. */
  findMember<M extends MemberIds>(platformUserId: string, members: MemberFinder<M>): Promise<M | null>;
  /** Where this platform reaches `member` 1:1, or undefined when the member has no id here. */
  memberAddress(member: MemberIds): Address | undefined;
}

/**
 * What a platform adds to a running Yishi once connected.
 *
 * @example
 * connect: (context) => ({ routers: [dingtalk.router], senders: dingtalk.senders, start: () => dingtalk.start(), stop: () => dingtalk.stop() }),
 */
export interface PlatformConnection {
  /** Its callback routes (none for a platform that connects outwards, or is not configured). */
  routers: Router[];
  /** Its senders, keyed by the {@link AddressPlatform} each serves; the outbox sends through them. */
  senders: Partial<Record<AddressPlatform, Sender>>;
  /** Opens outward connections (DingTalk Stream); called once the app is wired. */
  start?(): void;
  /** Closes them and waits for messages still being handled. */
  stop?(): Promise<void>;
  /** How its outward connection stands now (for /readyz and /metrics), if it keeps one. */
  status?(): ConnectionStatus;
}

/**
 * How an outward connection stands: `connected` here, `standby` while another instance holds it,
 * `connecting` (or reconnecting after a drop), `refused` when the platform turned the credentials
 * down, `stopped` after shutdown.
 *
 * @example
 * const status: ConnectionStatus = { name: 'wecom-aibot', state: 'refused', ready: false, detail: 'invalid secret (code 40001)' };
 */
export interface ConnectionStatus {
  name: string;
  state: 'connecting' | 'connected' | 'standby' | 'refused' | 'stopped';
  /** False only when the instance cannot do its part until a person fixes something (wrong secret). */
  ready: boolean;
  /** Why, in a sentence, when the state is not `connected`. */
  detail?: string;
}

/**
 * One platform: what it knows about its people ({@link PlatformPeople}) and how it connects.
 * Each platform folder exports one; the composition lists them once.
 *
 * @example
 * export const consolePlatform: Platform<PlatformContext> = {
 *   name: 'console', delivers: ['console'], inboundLimits: CONSOLE_INBOUND_LIMITS,
 *   identify: async (message, members) => …, findMember: (id, members) => members.findById(id),
 *   memberAddress: (member) => ({ platform: 'console', kind: 'user', id: member.id }),
 *   connect: (context) => ({ routers: [consoleRoutes(context)], senders: { console: new ConsoleSender(…) } }),
 * };
 */
export interface Platform<Context> extends PlatformPeople {
  connect(context: Context): PlatformConnection;
}

/**
 * The platforms as core and services see them (filled by the composition from one list).
 *
 * @example
 * const who = await platforms.of(message.platform).identify(message, members);
 * const addresses = platforms.memberAddresses(member); // in the list's order of preference
 */
export interface PlatformDirectory {
  /** The platform that delivers messages as `name`; an unknown name is a wiring mistake and throws. */
  of(name: PlatformName): PlatformPeople;
  /** Every address that reaches `member`, the preferred platform first. */
  memberAddresses(member: MemberIds): Address[];
}

/**
 * The identity of a sender found (or not) among the members: a member, else a guest.
 *
 * @example
 * identify: async (message, members) => memberOrGuest(await members.findByPlatformId('wecom', message.sender.platformUserId)),
 */
export function memberOrGuest<M>(member: M | null): SenderIdentity<M> {
  return member ? { kind: 'member', member } : { kind: 'guest' };
}
