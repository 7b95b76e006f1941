import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWecom } from '../../../../src/platforms/wecom/api.js';

/** A local server answering each path as the test says, and remembering what it was sent. */
let server: Server;
let base = '';
const received: Array<{ method: string; type: string; body: string }> = [];

const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok","msgid":"m1"}'),
  '/refused': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":45009,"errmsg":"api freq out of limit"}'),
  '/bad-gateway': (res) => res.writeHead(502).end('bad gateway'),
  '/bad-request': (res) => res.writeHead(400).end('no'),
  '/html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>维护中</html>'),
};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      (routes[new URL(req.url ?? '/', 'http://x').pathname] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a WeCom API call', () => {
  it('POSTs the body as UTF-8 JSON and reads the answer, errcode included', async () => {
    await expect(callWecom(`${base}/ok?access_token=t`, { touser: '张三', text: { content: '您好' } })).resolves.toMatchObject({
      errcode: 0,
      msgid: 'm1',
    });
    expect(received.at(-1)).toEqual({
      method: 'POST',
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({ touser: '张三', text: { content: '您好' } }),
    });
    await expect(callWecom(`${base}/refused`)).resolves.toMatchObject({ errcode: 45009 });
    expect(received.at(-1)).toMatchObject({ method: 'GET', body: '' });
  });

  it('turns failures into SendErrors: retryable unless WeCom refused the request itself', async () => {
    await expect(callWecom(`${base}/bad-gateway`, {})).rejects.toMatchObject({ code: 'wecom_http_error', retryable: true });
    await expect(callWecom(`${base}/bad-request`, {})).rejects.toMatchObject({ code: 'wecom_http_error', retryable: false });
    await expect(callWecom(`${base}/html`)).rejects.toMatchObject({ code: 'wecom_bad_answer', retryable: true });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(callWecom(`http://127.0.0.1:${port}/gone`)).rejects.toMatchObject({ code: 'wecom_unreachable', retryable: true });
  });
});
