import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What a JSON API call got back: the status and the body as text. */
export interface TextResponse {
  status: number;
  text: string;
}

/**
 * Kept-alive connections to WeCom's API, one pool per scheme. Node's own `http.request` rather
 * than `fetch`: every answer sent after the callback is one call here, and fetch's web streams
 * cost several times the CPU of the request itself under load (bench:webhook's CPU profile).
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/** Reads at most this much of an answer: WeCom's JSON answers are small. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * GETs `url`, or POSTs `body` as JSON, and reads the answer as text. Rejects when the server
 * cannot be reached, the answer does not arrive within `timeoutMs`, or it is longer than 4 MiB.
 */
export function requestText(url: string, body: unknown, timeoutMs: number): Promise<TextResponse> {
  return new Promise<TextResponse>((resolve, reject) => {
    const target = new URL(url);
    const https = target.protocol === 'https:';
    if (!https && target.protocol !== 'http:') return reject(new Error(`unsupported protocol ${target.protocol}`));
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const options = {
      method: payload ? 'POST' : 'GET',
      agent: https ? agents['https:'] : agents['http:'],
      headers: payload ? { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length } : {},
      timeout: timeoutMs,
    };
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) request.destroy(new Error('the answer is too long'));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    };
    const request = https ? httpsRequest(target, options, onResponse) : httpRequest(target, options, onResponse);
    // `timeout` fires when the socket is idle that long; the whole call gets the same bound.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    deadline.unref();
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.on('close', () => clearTimeout(deadline));
    request.end(payload);
  });
}
