import { SendError } from '../types.js';

/** DingTalk's error codes that Yishi treats specially. */
export const DingtalkCode = {
  tooFast: 130101,
  sessionExpired: 300001,
  customRobotRefused: 310000,
} as const;

/** A DingTalk answer, whichever style (oapi `errcode/errmsg`, OpenAPI v1.0 `code/message`). */
export interface DingtalkAnswer {
  status: number;
  body: Record<string, unknown>;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Sends one JSON request; network failures and timeouts become retryable {@link SendError}s. */
export async function requestJson(
  url: string,
  init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
): Promise<DingtalkAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SendError(`DingTalk could not be reached: ${(error as Error).message}`, 'dingtalk_unreachable', true, 5_000);
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = { raw: text.slice(0, 200) };
  }
  return { status: response.status, body };
}

/** The numeric error code of an answer: oapi `errcode`, or a numeric OpenAPI `code`; 0 when fine. */
export function errorCodeOf(answer: DingtalkAnswer): number {
  const { errcode, code } = answer.body;
  if (typeof errcode === 'number') return errcode;
  if (typeof code === 'string' && /^\d+$/.test(code)) return Number(code);
  if (typeof code === 'number') return code;
  return 0;
}

/** True when DingTalk says "too fast": 130101, HTTP 429, or an OpenAPI throttling code. */
export function isThrottled(answer: DingtalkAnswer): boolean {
  const { code } = answer.body;
  return (
    answer.status === 429 || errorCodeOf(answer) === DingtalkCode.tooFast || (typeof code === 'string' && code.startsWith('Throttling'))
  );
}

/** True when the access token was refused (oapi 40001/40014/42001, OpenAPI 401 or InvalidAuthentication). */
export function isAuthFailure(answer: DingtalkAnswer): boolean {
  const { code } = answer.body;
  return answer.status === 401 || [40001, 40014, 42001].includes(errorCodeOf(answer)) || code === 'InvalidAuthentication';
}

/** Describes a refused answer for logs and errors, without tokens. */
export function describeAnswer(answer: DingtalkAnswer): string {
  const { errcode, errmsg, code, message } = answer.body;
  return `HTTP ${answer.status} ${String(errcode ?? code ?? '')} ${String(errmsg ?? message ?? '')}`.trim();
}

/** True when the answer reports success (HTTP 2xx and no error code). */
export function isSuccess(answer: DingtalkAnswer): boolean {
  return answer.status >= 200 && answer.status < 300 && errorCodeOf(answer) === 0;
}
