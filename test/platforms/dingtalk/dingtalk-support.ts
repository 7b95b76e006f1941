import { createHmac, randomUUID } from 'node:crypto';
import type { ManualClock } from '../../../src/core/clock.js';
import type { FakeDingtalk } from '../../fakes/dingtalk-server.js';

export const APP_KEY = 'ding-test-app-key';
export const APP_SECRET = 'ding-test-app-secret-0123456789abcdef';
export const ROBOT_CODE = 'ding-test-robot';
export const SESSION_LIFETIME_MS = 90 * 60_000;

/** The DINGTALK_* environment that points Yishi at a fake. */
export function dingtalkEnv(fake: FakeDingtalk, mode: 'http' | 'stream' = 'http'): Record<string, string> {
  return {
    DINGTALK_APP_KEY: APP_KEY,
    DINGTALK_APP_SECRET: APP_SECRET,
    DINGTALK_ROBOT_CODE: ROBOT_CODE,
    DINGTALK_MODE: mode,
    DINGTALK_API_BASE: fake.url,
    DINGTALK_OAPI_BASE: fake.url,
    DINGTALK_LOGIN_BASE: fake.url,
    DINGTALK_CORP_ID: fake.corpId,
  };
}

/** A robot message as DingTalk sends it (§5.1), from `staffId`, with a live session webhook. */
export function robotMessage(fake: FakeDingtalk, clock: ManualClock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = clock.now().getTime();
  const expires = (overrides.sessionWebhookExpiredTime as number | undefined) ?? now + SESSION_LIFETIME_MS;
  return {
    msgtype: 'text',
    text: { content: ' 帮助' },
    msgId: `msg${randomUUID().replace(/-/g, '')}`,
    createAt: now,
    conversationType: '1',
    conversationId: 'cidDirectZhang==',
    senderId: '$:LWCP_v1:$zhang',
    senderNick: '张委员',
    senderCorpId: 'ding-corp',
    senderStaffId: 'staff-zhang',
    chatbotCorpId: 'ding-corp',
    chatbotUserId: '$:LWCP_v1:$robot',
    isAdmin: false,
    sessionWebhook: fake.sessionWebhook(expires),
    sessionWebhookExpiredTime: expires,
    robotCode: ROBOT_CODE,
    ...overrides,
  };
}

/** Base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)), computed here as DingTalk would. */
export function signFor(timestamp: string, secret = APP_SECRET): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

const usedStamps = new Set<number>();

/**
 * The `timestamp` DingTalk puts on one delivery at `now`: its own millisecond, so no two
 * deliveries share a (timestamp, sign) pair even while a test's clock stands still.
 */
export function deliveryStamp(now: number): string {
  let stamp = now;
  while (usedStamps.has(stamp)) stamp += 1;
  usedStamps.add(stamp);
  return String(stamp);
}

/** POSTs a robot message to `/dingtalk` with the given (or correct) timestamp and sign headers. */
export async function postCallback(
  baseUrl: string,
  payload: unknown,
  headers: { timestamp?: string | null; sign?: string | null } & { now: number },
): Promise<Response> {
  const timestamp = headers.timestamp === undefined ? deliveryStamp(headers.now) : headers.timestamp;
  const sign = headers.sign === undefined && timestamp !== null ? signFor(timestamp) : headers.sign;
  return fetch(`${baseUrl}/dingtalk`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(timestamp === null ? {} : { timestamp }),
      ...(sign === null || sign === undefined ? {} : { sign }),
    },
    body: JSON.stringify(payload),
  });
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). Not a timing assertion. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
