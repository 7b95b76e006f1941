import { createHmac, timingSafeEqual } from 'node:crypto';

/** DingTalk refuses requests whose timestamp is more than one hour from now, either way. */
export const DINGTALK_SIGN_WINDOW_MS = 60 * 60 * 1000;

/** Base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), not URL-encoded. */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

export type SignCheck = { ok: true } | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_sign' };

/**
 * Checks the `timestamp` and `sign` headers of a robot callback: both must be present, the
 * timestamp within {@link DINGTALK_SIGN_WINDOW_MS} of `nowMs`, and the sign equal (timing-safe).
 */
export function checkDingtalkSign(timestamp: string | undefined, sign: string | undefined, appSecret: string, nowMs: number): SignCheck {
  if (!timestamp || !sign) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  if (Math.abs(nowMs - Number(timestamp)) > DINGTALK_SIGN_WINDOW_MS) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(dingtalkSign(timestamp, appSecret), 'utf8');
  const given = Buffer.from(sign, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_sign' };
  return { ok: true };
}
