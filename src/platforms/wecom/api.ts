import { SendError } from '../types.js';
import { requestText, type TextResponse } from './json-http.js';

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
  let response: TextResponse;
  try {
    response = await requestText(url, body, REQUEST_TIMEOUT_MS);
  } catch (error) {
    throw new SendError(`WeCom could not be reached: ${(error as Error).message}`, 'wecom_unreachable', true, 5_000);
  }
  const { status, text } = response;
  if (status < 200 || status > 299) throw new SendError(`WeCom answered HTTP ${status}`, 'wecom_http_error', status >= 500, 5_000);
  try {
    const result = JSON.parse(text) as Partial<WecomResult>;
    return { ...result, errcode: Number(result.errcode ?? 0), errmsg: String(result.errmsg ?? '') };
  } catch {
    throw new SendError('WeCom answered with something that is not JSON', 'wecom_bad_answer', true, 5_000);
  }
}

/** What a file download from WeCom gave: the file, or WeCom's JSON error. */
export type WecomDownload = { kind: 'file'; bytes: Buffer; contentType: string } | { kind: 'error'; result: WecomResult };

const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * Downloads a file (`media/get`): WeCom answers a file with its own content type, and an error as
 * JSON. Files over `maxBytes` are refused without being read to the end.
 */
export async function downloadWecom(url: string, maxBytes: number): Promise<WecomDownload> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new SendError(`WeCom could not be reached: ${(error as Error).message}`, 'wecom_unreachable', true, 5_000);
  }
  if (!response.ok) throw new SendError(`WeCom answered HTTP ${response.status}`, 'wecom_http_error', response.status >= 500, 5_000);
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
  if (contentType === 'application/json' || contentType === 'text/plain') {
    const text = await response.text().catch(() => '');
    try {
      const result = JSON.parse(text) as Partial<WecomResult>;
      return { kind: 'error', result: { ...result, errcode: Number(result.errcode ?? 0), errmsg: String(result.errmsg ?? '') } };
    } catch {
      throw new SendError('WeCom answered with something that is neither a file nor JSON', 'wecom_bad_answer', true, 5_000);
    }
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SendError(`the file is ${declared} bytes, over the ${maxBytes}-byte limit`, 'wecom_file_too_large', false);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes)
    throw new SendError(`the file is ${bytes.length} bytes, over the ${maxBytes}-byte limit`, 'wecom_file_too_large', false);
  return { kind: 'file', bytes, contentType };
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
