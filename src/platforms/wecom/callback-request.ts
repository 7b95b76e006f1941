import type { Context } from 'koa';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import { readRawBody } from '../../http/raw-body.js';
import { signedQuery, type SignedQuery, type WecomCipher } from './crypto.js';
import { assertFreshTimestamp } from './freshness.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The callback body as text: at most `limitBytes` (else 413), and valid UTF-8 (else 400). */
export async function readCallbackText(ctx: Context, limitBytes: number): Promise<string> {
  const raw = await readRawBody(ctx, limitBytes);
  try {
    return utf8.decode(raw);
  } catch {
    throw new YishiError('wecom_body_not_utf8', { status: 400, detail: 'the callback body is not valid UTF-8' });
  }
}

/**
 * The signed query of a callback (URL check or message), refused unless its timestamp is within
 * a day of `clock`: every WeCom route reads its query here, before any body is read or opened.
 */
export function freshSignedQuery(ctx: Context, clock: Clock): SignedQuery {
  const query = signedQuery(ctx.query);
  assertFreshTimestamp(query.timestamp, clock.now());
  return query;
}

/**
 * Answers WeCom's URL check (`GET ?msg_signature&timestamp&nonce&echostr`): the decrypted echostr,
 * exactly, as the body. Koa has already percent-decoded the query once, which is what WeCom needs.
 */
export function answerUrlCheck(ctx: Context, cipher: WecomCipher, clock: Clock): void {
  const query = freshSignedQuery(ctx, clock);
  const echostr = ctx.query.echostr;
  if (typeof echostr !== 'string' || echostr === '')
    throw new YishiError('wecom_query_invalid', { status: 400, detail: 'query parameter echostr is missing' });
  ctx.type = 'text/plain';
  ctx.body = cipher.open(query, echostr);
}

/** Acknowledges a callback with an empty 200: received, nothing to say in this response. */
export function ackEmpty(ctx: Context): void {
  ctx.status = 200;
  ctx.type = 'text/plain';
  ctx.body = '';
}

/** Seconds since the epoch, as WeCom writes CreateTime and TimeStamp. */
export const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
