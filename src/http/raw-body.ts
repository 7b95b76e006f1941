import type { Context } from 'koa';
import { YishiError } from '../core/errors.js';

/**
 * Reads the request body as raw bytes, refusing more than `limitBytes` with 413 before reading
 * the rest. Signatures are checked on these exact bytes, never on a re-serialised body.
 */
export async function readRawBody(ctx: Context, limitBytes: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limitBytes)
    throw new YishiError('body_too_large', { status: 413, detail: `body of ${declared} bytes exceeds ${limitBytes}` });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of ctx.req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limitBytes) {
      ctx.req.destroy();
      throw new YishiError('body_too_large', { status: 413, detail: `body exceeds ${limitBytes} bytes` });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses request text as JSON; text that is not JSON → 400 `body_not_json`, never the parser's own message. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new YishiError('body_not_json', { status: 400, detail: `the body is not JSON: ${(error as Error).message}` });
  }
}

/** Reads a JSON body (admin API). A body that is not JSON → 400. */
export async function readJsonBody(ctx: Context, limitBytes: number): Promise<unknown> {
  const raw = await readRawBody(ctx, limitBytes);
  if (raw.length === 0) return {};
  return parseJsonText(raw.toString('utf8'));
}
