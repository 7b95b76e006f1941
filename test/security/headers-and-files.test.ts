import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { readToolEnvironment } from '../../src/config.js';
import { findFreePort } from '../../src/devtools/free-port.js';
import { eventually } from '../platforms/dingtalk/dingtalk-support.js';
import { addCommunity } from '../services/residents/kf-support.js';
import { testStores, withDatabase } from '../support/stores.js';
import { TEST_ADMIN_TOKEN } from '../support/yishi.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const { yishi } = useScenario(import.meta.url, { kf: true, env: { METRICS_TOKEN } }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
});

const asAdmin = (path: string) => fetch(`${yishi.url}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });

function expectSafeHeaders(response: Response, what: string): void {
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy, what).toContain("default-src 'none'");
  expect(policy, what).toContain("frame-ancestors 'none'");
  // No script at all: default-src 'none' and no script-src to widen it.
  expect(policy, what).not.toMatch(/script-src/);
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('Headers and files', () => {
  it('serves the QR sheet with a policy that forbids script and framing, and the sheet still works under it', async () => {
    const sheet = await asAdmin('/api/qr-codes/sheet');
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toMatch(/^text\/html/);
    expectSafeHeaders(sheet, 'the QR sheet');
    const html = await sheet.text();
    expect(html).toContain('青石社区');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    // What the page needs is allowed: its images are data: URLs (img-src data:), its styles inline.
    const images = [...html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const src of images) expect(src).toMatch(/^data:image\/png;base64,/);
    expect(sheet.headers.get('content-security-policy')).toContain('img-src');
    expect(sheet.headers.get('content-security-policy')).toMatch(/style-src[^;]*'unsafe-inline'/);
  });

  it('sends the same headers with QR PNGs, photos, JSON and refusals', async () => {
    const { body } = await yishi.api('/api/qr-codes');
    const png = await asAdmin(body.items[0].png);
    expect(png.headers.get('content-type')).toBe('image/png');
    expectSafeHeaders(png, 'a QR PNG');
    expectSafeHeaders(await asAdmin('/api/opinions/MY-2026-000001/photos/1'), 'a photo that is not there');
    expectSafeHeaders(await asAdmin('/api/members'), 'JSON');
    expectSafeHeaders(await fetch(`${yishi.url}/api/qr-codes/sheet`), 'a 401');
  });

  it('asks for METRICS_TOKEN on /metrics when it is set', async () => {
    const without = await fetch(`${yishi.url}/metrics`);
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('metrics_unauthorized');
    const wrong = await fetch(`${yishi.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const admin = await fetch(`${yishi.url}/metrics`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(admin.status).toBe(401);
    const right = await fetch(`${yishi.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('yishi_http_requests_total');
  });
});

describe('Headers and files: npm run dev keeps .data/ to its owner', () => {
  let workspace: string;
  let dev: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (dev?.pid && dev.exitCode === null) {
      const exited = new Promise((resolve) => dev!.once('exit', resolve));
      process.kill(-dev.pid, 'SIGTERM'); // the process group this test started (tsx, node, FerretDB)
      await exited;
    }
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  }, 120_000);

  it('makes .data/ 0700 and every file in it 0600, including ones that were there and FerretDB’s SQLite files', async () => {
    workspace = mkdtempSync(join(tmpdir(), 'yishi-dev-files-'));
    const data = join(workspace, '.data');
    // A folder left by an older run, readable by everyone.
    mkdirSync(join(data, 'ferretdb'), { recursive: true });
    chmodSync(data, 0o755);
    writeFileSync(join(data, 'admin-token'), 'an-older-dev-admin-token-0123', { mode: 0o644 });
    chmodSync(join(data, 'admin-token'), 0o644);

    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await findFreePort()), YISHI_DEMO: 'off', LOG_LEVEL: 'warn' };
    for (const key of [
      'ADMIN_TOKEN',
      'REDIS_URL',
      'YISHI_URL',
      'MONGODB_URI',
      'METRICS_TOKEN',
      'VITEST',
      'VITEST_WORKER_ID',
      'VITEST_POOL_ID',
    ])
      delete env[key];
    const external = readToolEnvironment().mongodbUri;
    if (external) env.MONGODB_URI = withDatabase(testStores(import.meta.url).mongoBaseUri, 'dev_files');
    dev = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/dev.ts')], {
      cwd: workspace,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await eventually(() => output.includes('npm run chat') || dev!.exitCode !== null, 'npm run dev to be ready', 120_000);
    expect(dev.exitCode, output).toBeNull();

    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(mode(data)).toBe('700');
    expect(mode(join(data, 'admin-token'))).toBe('600');
    expect(mode(join(data, 'mongodb-uri'))).toBe('600');
    expect(mode(join(data, 'ferretdb'))).toBe('700');
    if (!external) {
      const files = readdirSync(join(data, 'ferretdb'));
      expect(
        files.some((file) => /\.sqlite/.test(file)),
        files.join(', '),
      ).toBe(true);
      for (const file of files) expect(mode(join(data, 'ferretdb', file)), file).toBe('600');
    }
    expect(existsSync(join(data, 'admin-token'))).toBe(true);
  }, 600_000);
});
