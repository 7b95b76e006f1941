import Router from '@koa/router';
import type { Context } from 'koa';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Serves the workbench's built Vue app (dist/web) at /workbench/ (issue 18). Hashed files under
 * assets/ are cached for a year; index.html and anything else is revalidated on every visit, so a
 * new build shows at once. Any other path under /workbench/ answers index.html and the app's router
 * takes over. The sign-in routes (/workbench/sign-in, /workbench/auth/*) belong to the session
 * routes, which are mounted before this router and answer first. /workbench is not an admin area:
 * the app asks /api/session who is signed in.
 */

/**
 * DingTalk's JSAPI, which the app loads only inside the DingTalk app (its user agent says DingTalk) to
 * ask for a 免登 code; the same address as in web/src/api/dingtalk.ts. Allowed as this one file.
 */
export const DINGTALK_JSAPI_URL = 'https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js';

/**
 * The app runs its own scripts (and DingTalk's JSAPI file) and styles (Element Plus sets inline
 * styles), and talks only to this origin.
 */
export const WORKBENCH_CSP =
  `default-src 'self'; script-src 'self' ${DINGTALK_JSAPI_URL}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; ` +
  `connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;

const HASHED_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工作台尚未构建</title></head><body>
<h1>工作台尚未构建</h1><p>请在 Yishi 的目录里运行 <code>npm run build</code>，然后刷新本页。</p>
<p lang="en">The workbench has not been built yet: run <code>npm run build</code> in Yishi's folder, then reload this page.</p>
</body></html>`;

async function fileAt(path: string): Promise<{ size: number; mtime: Date } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The file under `root` that `relative` names, or undefined when it would leave root or cannot be decoded. */
function inside(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, `.${sep}${decoded}`);
  return target === root || target.startsWith(`${root}${sep}`) ? target : undefined;
}

/** dist/web of this package, whether running from source (tsx) or from the build (dist/src/…). */
export function builtWorkbenchDir(): string {
  const top = fileURLToPath(new URL('../..', import.meta.url));
  return basename(resolve(top)) === 'dist' ? join(top, 'web') : join(top, 'dist', 'web');
}

export function workbenchStaticRouter(options: { root: string }): Router {
  const root = resolve(options.root);
  const router = new Router({ sensitive: true, strict: true });

  async function send(ctx: Context, path: string, cache: string): Promise<boolean> {
    const info = await fileAt(path);
    if (!info) return false;
    ctx.set('Content-Security-Policy', WORKBENCH_CSP);
    ctx.set('Cache-Control', cache);
    ctx.set('Last-Modified', info.mtime.toUTCString());
    ctx.type = extname(path) || 'application/octet-stream';
    ctx.length = info.size;
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(path);
    return true;
  }

  async function serve(ctx: Context): Promise<void> {
    const relative = ctx.path.slice('/workbench/'.length);
    const target = relative === '' ? undefined : inside(root, relative);
    if (target && !relative.startsWith('.vite/') && (await send(ctx, target, relative.startsWith('assets/') ? HASHED_CACHE : REVALIDATE)))
      return;
    // A missing hashed asset is a stale page asking for an old build: 404, not the app's HTML.
    if (relative.startsWith('assets/')) {
      ctx.status = 404;
      return;
    }
    if (await send(ctx, join(root, 'index.html'), REVALIDATE)) return;
    ctx.status = 503;
    ctx.type = 'html';
    ctx.set('Cache-Control', REVALIDATE);
    ctx.body = NOT_BUILT_PAGE;
  }

  router.get('/workbench', (ctx) => {
    ctx.status = 301;
    ctx.redirect('/workbench/');
  });
  router.get('/workbench/', serve);
  router.get('/workbench/{*rest}', serve);
  return router;
}
