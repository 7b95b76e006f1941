import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/devtools/free-port.js';
import { ensureBuilt } from '../support/build.js';
import { testStores } from '../support/stores.js';

const stores = testStores(import.meta.url);
const adminToken = 'lifecycle-admin-token-123456';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const builtMain = 'dist/src/main.js';

/** Starts the built dist/src/main.js as its own process, exactly as `npm start` does after its build. */
function startProcess(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [builtMain], {
    env: {
      ...process.env,
      MONGODB_URI: stores.mongoUri,
      REDIS_URL: stores.redisUrl,
      ADMIN_TOKEN: adminToken,
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForReady(url: string, withinMs: number): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + withinMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return { status: 200, body: await response.json() };
      last = response.status;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`not ready within ${withinMs} ms (last: ${String(last)})`);
}

describe('the Yishi process', () => {
  const children: ChildProcess[] = [];
  beforeAll(() => {
    // `npm start` = `npm run build` + node dist/src/main.js: start-up is measured on the real artifact, built here
    // unless it is newer than its sources (CI builds just before `npm test`; building again cost ~40 s of both cores).
    ensureBuilt();
  }, 180_000);
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('refuses to start with a clear message naming a bad key', async () => {
    const child = spawn(process.execPath, [builtMain], {
      env: {
        ...process.env,
        MONGODB_URI: stores.mongoUri,
        ADMIN_TOKEN: adminToken,
        WECOM_CORP_ID: 'ww1',
        WECOM_AGENT_ID: '1',
        WECOM_SECRET: 's',
        WECOM_TOKEN: 't',
        WECOM_ENCODING_AES_KEY: 'short',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('WECOM_ENCODING_AES_KEY: must be exactly 43 Base64 characters');
  });

  it('is ready within 10 s on MongoDB and Redis, and on SIGTERM lets a request in flight finish, then exits 0', async () => {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const yishi = startProcess(port);
    children.push(yishi.child);

    const ready = await waitForReady(url, 10_000);
    expect(ready.body).toMatchObject({ status: 'ready', mongodb: 'ok', coordination: { kind: 'redis', status: 'ok' } });
    expect(yishi.output()).toContain('Yishi starting with Redis coordination');

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ name: '孙八', sector: '无党派', role: 'member' });
    const half = Math.floor(Buffer.byteLength(body) / 2);
    const bytes = Buffer.from(body);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${url}/api/members`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'content-length': bytes.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += String(chunk)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(bytes.subarray(0, half));
      setTimeout(() => {
        yishi.child.kill('SIGTERM');
        setTimeout(() => req.end(bytes.subarray(half)), 500);
      }, 300);
    });

    const finished = await response;
    expect(finished.status).toBe(201);
    expect(JSON.parse(finished.text)).toMatchObject({ name: '孙八' });
    expect(await yishi.exited).toBe(0);
    expect(yishi.output()).toContain('Yishi stopped');
  });
});
