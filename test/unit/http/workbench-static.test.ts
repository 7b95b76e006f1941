import Koa from 'koa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKBENCH_CSP, workbenchStaticRouter } from '../../../src/http/workbench-static.js';

// The workbench's file serving on a throwaway build folder: what a browser gets for each kind of path.

let server: Server;
let base: string;
let missingBase: string;
let missingServer: Server;
const root = mkdtempSync(join(tmpdir(), 'workbench-'));

function listen(app: Koa): Promise<Server> {
  return new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
}
const address = (listening: Server) => `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;

beforeAll(async () => {
  mkdirSync(join(root, 'web', 'assets'), { recursive: true });
  mkdirSync(join(root, 'web', '.vite'), { recursive: true });
  writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>议事工作台</title>');
  writeFileSync(join(root, 'web', 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'web', '.vite', 'manifest.json'), '{}');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
  const app = new Koa();
  const router = workbenchStaticRouter({ root: join(root, 'web') });
  app.use(router.routes());
  server = await listen(app);
  base = address(server);
  const bare = new Koa();
  bare.use(workbenchStaticRouter({ root: join(root, 'nothing-built') }).routes());
  missingServer = await listen(bare);
  missingBase = address(missingServer);
});

afterAll(() => {
  server.close();
  missingServer.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serving the workbench app', () => {
  it('answers index.html for the app root and for any page path, revalidated each time, with a policy that lets the app run', async () => {
    for (const path of ['/workbench/', '/workbench/opinions', '/workbench/opinions/MY-2026-000001']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(WORKBENCH_CSP);
      expect(await response.text()).toContain('议事工作台');
    }
  });

  it('serves hashed assets with a year of caching, and a missing asset as 404 rather than the page', async () => {
    const asset = await fetch(`${base}/workbench/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/workbench/assets/index-old.js`)).status).toBe(404);
  });

  it('redirects /workbench to /workbench/ and never serves a file outside the build or the build manifest', async () => {
    const bare = await fetch(`${base}/workbench`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/workbench/');
    for (const path of [
      '/workbench/../secret.txt',
      '/workbench/%2e%2e/secret.txt',
      '/workbench/..%2fsecret.txt',
      '/workbench/.vite/manifest.json',
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).not.toContain('not for the web');
      expect(response.headers.get('content-type') ?? '', path).not.toMatch(/json/);
    }
  });

  it('says in Chinese (then English) to run npm run build when there is no build', async () => {
    const response = await fetch(`${missingBase}/workbench/`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('请在 Yishi 的目录里运行 <code>npm run build</code>');
    expect(text).toContain('The workbench has not been built yet');
  });
});
