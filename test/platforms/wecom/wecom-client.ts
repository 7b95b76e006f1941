import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/**
 * The WeCom side of a callback, for tests: it seals and signs what WeCom would send, and opens
 * what Yishi answers. Vector A (WeCom's published example) supplies the app's keys.
 */
export const VECTOR_A = {
  corpId: 'wx5823bf96d3bd56c7',
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  agentId: '218',
  secret: 'fake-app-secret',
};

/** A smart robot's own callback keys (any 43-character key works). */
export const ROBOT = { token: 'robotToken42', encodingAesKey: randomBytes(32).toString('base64').slice(0, 43) };

/** The environment that switches on the app and the smart robot against a fake WeCom API. */
export function wecomEnv(apiBase: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WECOM_CORP_ID: VECTOR_A.corpId,
    WECOM_AGENT_ID: VECTOR_A.agentId,
    WECOM_SECRET: VECTOR_A.secret,
    WECOM_TOKEN: VECTOR_A.token,
    WECOM_ENCODING_AES_KEY: VECTOR_A.encodingAesKey,
    WECOM_BOT_TOKEN: ROBOT.token,
    WECOM_BOT_ENCODING_AES_KEY: ROBOT.encodingAesKey,
    WECOM_API_BASE: apiBase,
    ...extra,
  };
}

export interface Keys {
  token: string;
  encodingAesKey: string;
  receiveId: string;
}

export const APP_KEYS: Keys = { token: VECTOR_A.token, encodingAesKey: VECTOR_A.encodingAesKey, receiveId: VECTOR_A.corpId };
export const ROBOT_KEYS: Keys = { token: ROBOT.token, encodingAesKey: ROBOT.encodingAesKey, receiveId: '' };

/** WeCom's `timestamp` for a callback sent at `now`: whole seconds. */
export const stampOf = (now: Date = new Date()) => String(Math.floor(now.getTime() / 1000));

/** Seals a plaintext as WeCom does and returns the signed query with the ciphertext. */
export function seal(plaintext: string, keys: Keys = APP_KEYS, timestamp = stampOf(), nonce = String(Date.now())) {
  const ciphertext = encrypt(keys.encodingAesKey, plaintext, keys.receiveId);
  return signed(ciphertext, keys, timestamp, nonce);
}

/** Signs an arbitrary ciphertext (valid or not). */
export function signed(ciphertext: string, keys: Keys = APP_KEYS, timestamp = stampOf(), nonce = '12345') {
  const query = new URLSearchParams({ msg_signature: getSignature(keys.token, timestamp, nonce, ciphertext), timestamp, nonce });
  return { ciphertext, query };
}

export const envelope = (ciphertext: string) =>
  `<xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;

/** A member's text message as the app callback's inner XML. */
export function textMessageXml(options: { from: string; content: string; msgId: string; createTime?: number }): string {
  return `<xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><FromUserName><![CDATA[${options.from}]]></FromUserName><CreateTime>${options.createTime ?? 1700000000}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${options.content}]]></Content><MsgId>${options.msgId}</MsgId><AgentID>218</AgentID></xml>`;
}

export function eventXml(options: { from: string; event: string; eventKey?: string; createTime?: number; extra?: string }): string {
  return `<xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><FromUserName><![CDATA[${options.from}]]></FromUserName><CreateTime>${options.createTime ?? 1700000000}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${options.event}]]></Event>${options.eventKey === undefined ? '' : `<EventKey><![CDATA[${options.eventKey}]]></EventKey>`}${options.extra ?? ''}<AgentID>218</AgentID></xml>`;
}

/** POSTs a sealed app message to `/wecom/app` the way WeCom does, signed at `now` (the test's clock). */
export async function postToApp(baseUrl: string, innerXml: string, now?: Date): Promise<Response> {
  const { ciphertext, query } = seal(innerXml, APP_KEYS, stampOf(now));
  return fetch(`${baseUrl}/wecom/app?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope(ciphertext) });
}

const xml = new XMLParser({ parseTagValue: false, processEntities: false });

/** Opens Yishi's passive reply: checks its signature and returns the inner message fields. */
export function openAppReply(body: string): Record<string, string> {
  const outer = (xml.parse(body) as { xml: Record<string, string> }).xml;
  const expected = getSignature(APP_KEYS.token, outer.TimeStamp!, outer.Nonce!, outer.Encrypt!);
  if (expected !== outer.MsgSignature) throw new Error('the reply signature does not verify');
  const opened = decrypt(APP_KEYS.encodingAesKey, outer.Encrypt!);
  if (opened.id !== APP_KEYS.receiveId) throw new Error('the reply names another receive-id');
  return (xml.parse(opened.message) as { xml: Record<string, string> }).xml;
}

/** POSTs a sealed smart-robot callback to `/wecom/bot`, signed at `now` (the test's clock). */
export async function postToRobot(baseUrl: string, callback: unknown, now?: Date): Promise<Response> {
  const { ciphertext, query } = seal(JSON.stringify(callback), ROBOT_KEYS, stampOf(now));
  return fetch(`${baseUrl}/wecom/bot?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ encrypt: ciphertext }),
  });
}

/** Opens Yishi's encrypted JSON reply to the smart robot. */
export function openRobotReply(body: { encrypt: string; msgsignature: string; timestamp: string; nonce: string }): Record<string, unknown> {
  if (getSignature(ROBOT_KEYS.token, body.timestamp, body.nonce, body.encrypt) !== body.msgsignature)
    throw new Error('the reply signature does not verify');
  const opened = decrypt(ROBOT_KEYS.encodingAesKey, body.encrypt);
  if (opened.id !== '') throw new Error('the reply names a receive-id; the smart robot uses ""');
  return JSON.parse(opened.message) as Record<string, unknown>;
}
