import type { AccessTokenClient } from './access-token.js';
import { sendErrorFor, type WecomDownload, type WecomResult } from './api.js';
import { WECOM_INBOUND_LIMITS } from './limits.js';

/** 微信客服 error codes Yishi reacts to (protocols.md §4.1). */
export const KF_ERRORS = {
  /** `send msg count limit`: more than 5 messages since the customer last wrote. */
  sendCountLimit: 95001,
  /** `send msg session status invalid`: the session is with a human servicer, or over. */
  sessionStateInvalid: 95018,
} as const;

/** Who sent a synced message: 3 the customer, 4 a system event, 5 a servicer in the WeCom client. */
export const KF_ORIGIN = { customer: 3, event: 4, servicer: 5 } as const;

/** One item of `kf/sync_msg`'s msg_list, read into plain fields (msgid stays an opaque string). */
export interface KfMessage {
  msgId: string;
  openKfId: string;
  externalUserId: string;
  sendTime: Date;
  origin: number;
  msgType: string;
  text?: string;
  /** The longest text a customer may send, in characters (longer is answered politely, not read). */
  maxTextLength: number;
  /** image (and other media) messages: the media id, valid for 3 days. */
  mediaId?: string;
  event?: { type: string; welcomeCode?: string; scene?: string; sceneParam?: string };
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** Reads one msg_list item; null when it lacks what every item has (msgid, send_time). */
export function readKfMessage(raw: unknown, openKfId: string): KfMessage | null {
  const item = obj(raw);
  const msgId = str(item.msgid);
  const sendTime = Number(item.send_time);
  if (!msgId || !Number.isFinite(sendTime)) return null;
  const msgType = str(item.msgtype) ?? '';
  const event = msgType === 'event' ? obj(item.event) : undefined;
  const externalUserId = str(item.external_userid) ?? str(event?.external_userid) ?? '';
  const message: KfMessage = {
    msgId,
    openKfId: str(item.open_kfid) ?? openKfId,
    externalUserId,
    sendTime: new Date(sendTime * 1000),
    origin: Number(item.origin ?? 0),
    msgType,
    maxTextLength: WECOM_INBOUND_LIMITS.maxTextLength,
  };
  if (msgType === 'text') message.text = str(obj(item.text).content) ?? '';
  const mediaId = str(obj(item[msgType]).media_id);
  if (msgType !== 'text' && msgType !== 'event' && mediaId) message.mediaId = mediaId;
  if (event) {
    message.event = {
      type: str(event.event_type) ?? '',
      ...(str(event.welcome_code) ? { welcomeCode: str(event.welcome_code)! } : {}),
      ...(str(event.scene) ? { scene: str(event.scene)! } : {}),
      ...(str(event.scene_param) ? { sceneParam: str(event.scene_param)! } : {}),
    };
  }
  return message;
}

/** One page of `kf/sync_msg`. */
export interface KfPage {
  nextCursor: string | undefined;
  hasMore: boolean;
  messages: KfMessage[];
}

/** The 微信客服 API calls Yishi makes, on the app's access token (a kf-enabled self-built app). */
export class KfClient {
  constructor(private readonly tokens: AccessTokenClient) {}

  /** Pulls the next page after `cursor` (from the oldest of the last 3 days without one). */
  async syncMsg(openKfId: string, token: string, cursor: string | undefined, limit = 1000): Promise<KfPage> {
    const result = await this.tokens.post('kf/sync_msg', {
      ...(cursor ? { cursor } : {}),
      token,
      limit,
      voice_format: 0,
      open_kfid: openKfId,
    });
    if (result.errcode !== 0) throw sendErrorFor(result, 'kf/sync_msg');
    const list = Array.isArray(result.msg_list) ? result.msg_list : [];
    return {
      nextCursor: str(result.next_cursor),
      hasMore: Number(result.has_more ?? 0) === 1,
      messages: list.map((item) => readKfMessage(item, openKfId)).filter((m): m is KfMessage => m !== null),
    };
  }

  /** `media/get`: a file a customer sent (media ids last 3 days), or WeCom's error. */
  downloadMedia(mediaId: string, maxBytes: number): Promise<WecomDownload> {
    return this.tokens.download('media/get', { media_id: mediaId }, maxBytes);
  }

  /** `kf/send_msg` (text); the caller decides what a non-zero errcode means. */
  sendText(openKfId: string, externalUserId: string, content: string, msgid?: string): Promise<WecomResult> {
    return this.tokens.post('kf/send_msg', {
      touser: externalUserId,
      open_kfid: openKfId,
      ...(msgid ? { msgid } : {}),
      msgtype: 'text',
      text: { content },
    });
  }

  /** `kf/send_msg_on_event`: the welcome message, with enter_session's single-use code. */
  sendOnEvent(code: string, content: string): Promise<WecomResult> {
    return this.tokens.post('kf/send_msg_on_event', { code, msgtype: 'text', text: { content } });
  }

  /** `kf/add_contact_way`: the customer-service link carrying `scene` (≤32 of [0-9a-zA-Z_-]). */
  async addContactWay(openKfId: string, scene: string): Promise<string> {
    const result = await this.tokens.post('kf/add_contact_way', { open_kfid: openKfId, scene });
    const url = str(result.url);
    if (result.errcode !== 0 || !url)
      throw sendErrorFor(result.errcode === 0 ? { ...result, errcode: -1, errmsg: 'no url in the answer' } : result, 'kf/add_contact_way');
    return url;
  }
}
