import { YishiError } from '../../core/errors.js';

/**
 * How far a callback's `timestamp` (seconds) may be from our clock, either way. WeCom signs each
 * callback when it sends it and retries within seconds (three times, 5 s apart), so a day is
 * generous for clock drift and queueing, and it bounds how long a captured callback can be
 * replayed, and so how long the inbox must remember message ids (see inboxPruningJob).
 */
export const WECOM_TIMESTAMP_WINDOW_MS = 24 * 60 * 60 * 1000;

const SECONDS = /^\d{1,12}$/;

/** Refuses a `timestamp` that is not whole seconds (400) or is outside the window around `now` (401). */
export function assertFreshTimestamp(timestamp: string, now: Date): void {
  if (!SECONDS.test(timestamp))
    throw new YishiError('wecom_query_invalid', { status: 400, detail: 'query parameter timestamp is not a number of seconds' });
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > WECOM_TIMESTAMP_WINDOW_MS)
    throw new YishiError('wecom_timestamp_stale', { status: 401, detail: 'the callback timestamp is more than a day from now' });
}
