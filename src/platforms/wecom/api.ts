import { SendError } from '../types.js';

/** WeCom's answer to every API call: errcode 0 means success. */
export interface WecomResult {
  errcode: number;
  errmsg: string;
  [field: string]: unknown;
}

/** WeCom error codes Yishi reacts to (global error table, developer.work.weixin.qq.com path/90455). */
export const WECOM_ERRORS = {
  invalidSecret: 40001,
  invalidToken: 40014,
  tokenExpired: 42001,
  rateLimited: 45009,
  allReceiversInvalid: 81013,
  webhookInvalid: 93000,
} as const;

/** How long to wait after a 45009 before trying again: WeCom's minute blocks last 60 s. */
export const RATE_LIMIT_BACKOFF_MS = 60_000;

const REQUEST_TIMEOUT_MS = 10_000;

/** Calls a WeCom API; network failures and non-JSON answers become retryable SendErrors. */
export async function callWecom(url: string, body?: unknown): Promise<WecomResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SendError(`WeCom could not be reached: ${(error as Error).message}`, 'wecom_unreachable', true, 5_000);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new SendError(`WeCom answered HTTP ${response.status}`, 'wecom_http_error', response.status >= 500, 5_000);
  try {
    const result = JSON.parse(text) as Partial<WecomResult>;
    return { ...result, errcode: Number(result.errcode ?? 0), errmsg: String(result.errmsg ?? '') };
  } catch {
    throw new SendError('WeCom answered with something that is not JSON', 'wecom_bad_answer', true, 5_000);
  }
}

/** Turns a non-zero errcode into the SendError the outbox understands. */
export function sendErrorFor(result: WecomResult, what: string): SendError {
  const detail = `${what}: WeCom errcode ${result.errcode} ${result.errmsg}`;
  switch (result.errcode) {
    case WECOM_ERRORS.rateLimited:
      return new SendError(detail, 'wecom_rate_limited', true, RATE_LIMIT_BACKOFF_MS);
    case WECOM_ERRORS.webhookInvalid:
      return new SendError(detail, 'wecom_robot_broken', false);
    case WECOM_ERRORS.allReceiversInvalid:
      return new SendError(detail, 'wecom_receiver_invalid', false);
    case WECOM_ERRORS.invalidToken:
    case WECOM_ERRORS.tokenExpired:
      return new SendError(detail, 'wecom_token_invalid', true, 5_000);
    default:
      return new SendError(detail, `wecom_error_${result.errcode}`, false);
  }
}
