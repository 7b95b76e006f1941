import type Router from '@koa/router';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { TEST_ADMIN_TOKEN } from '../support/yishi.js';
import { rawRequest } from './http-raw.js';

// Every optional router on (WeCom app, robot and 微信客服), so the walk covers all the app can register.
const { yishi } = useScenario(import.meta.url, { kf: true });

interface Route {
  method: string;
  path: string;
}

/** Every route the running app registered: the routers' stacks, read from the Koa middleware. */
function registeredRoutes(): Route[] {
  const routers = yishi.running.app.middleware
    .map((middleware) => (middleware as { router?: Router }).router)
    .filter((router): router is Router => router !== undefined);
  return routers.flatMap((router) =>
    router.stack
      .filter((layer) => layer.methods.length > 0 && typeof layer.path === 'string')
      .flatMap((layer) => layer.methods.map((method) => ({ method, path: String(layer.path) }))),
  );
}

/** A concrete path for a route pattern: each `:param` becomes a plausible value. */
const concrete = (pattern: string) => pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'file' ? 'opinions.csv' : 'abc123'));

const alternateCase = (path: string) => [...path].map((char, i) => (i % 2 === 0 ? char.toUpperCase() : char.toLowerCase())).join('');

/** At least eight other spellings of one path, each of which some server or proxy reads as the same path. */
function spellings(path: string): Array<[string, string]> {
  const [, first, ...rest] = path.split('/');
  const tail = rest.length > 0 ? `/${rest.join('/')}` : '';
  const escapeFirstLetter = (segment: string) => `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}`;
  return [
    ['upper case', path.toUpperCase()],
    ['mixed case', alternateCase(path)],
    ['capitalised area', `/${first![0]!.toUpperCase()}${first!.slice(1)}${tail}`],
    ['double slashes', path.replace(/\//g, '//')],
    ['leading double slash', `/${path}`],
    ['trailing slash', `${path}/`],
    [
      'percent-encoded letters',
      `/${escapeFirstLetter(first!)}${tail.replace(/\/(\w)/g, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`)}`,
    ],
    ['upper-case escapes', `/${escapeFirstLetter(first!).toUpperCase()}${tail}`],
    ['double-encoded letter', `/%25${first!.charCodeAt(0).toString(16)}${first!.slice(1)}${tail}`],
    ['encoded slash', `/${first}%2F${rest.join('%2F')}`],
    ['encoded slash, lower case', `/${first}%2f${rest.join('%2f')}`],
    ['dot segment', `/${first}/.${tail}`],
    ['dot-dot segment', `/${first}/x/..${tail}`],
    ['from elsewhere by dot-dot', `/healthz/..${path}`],
    ['encoded dot-dot', `/healthz/%2e%2e${path}`],
    ['backslash', `/${first}\\${rest.join('\\')}`],
  ];
}

describe('Admin token bypassed by letter case', () => {
  it('finds every admin route the app registers (the walk below covers them all)', () => {
    const admin = registeredRoutes().filter((route) => /^\/(api|console)\//.test(route.path));
    // The admin API, roster, events, groups, QR codes, photos, exports and the console.
    expect(admin.length).toBeGreaterThan(40);
    for (const prefix of ['/api/export/', '/api/groups', '/console/messages', '/console/people', '/console/inbox', '/api/qr-codes/sheet']) {
      expect(
        admin.some((route) => route.path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('answers no spelling of any admin route with 2xx or 3xx without the token', async () => {
    const routes = registeredRoutes().filter((route) => /^\/(api|console)\//.test(route.path) && route.path !== '/api/openapi.json');
    let tried = 0;
    const reached: string[] = [];
    for (const route of routes) {
      const path = concrete(route.path);
      for (const [how, spelled] of [['as registered', path] as [string, string], ...spellings(path)]) {
        const answer = await rawRequest(yishi.url, route.method, spelled, {
          headers: { 'content-type': 'application/json' },
          ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
        });
        tried += 1;
        if (answer.status < 400) reached.push(`${route.method} ${spelled} (${how}) → ${answer.status}`);
      }
    }
    expect(reached).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(routes.length * 9);
  });

  it('refuses each path of the report without the token, as it is spelled there', async () => {
    const reported: Array<[string, string]> = [
      ['GET', '/API/EXPORT/opinions.csv'],
      ['GET', '/API/GROUPS'],
      ['PATCH', '/API/GROUPS/staff'],
      ['POST', '/Console/messages'],
      ['GET', '/Console/People'],
      ['GET', '/Console/inbox?to=x'],
      ['GET', '/Api/Qr-Codes'],
      ['GET', '/API/QR-CODES/sheet'],
      ['POST', '/Api/Roster/generate'],
    ];
    for (const [method, path] of reported) {
      const answer = await rawRequest(
        yishi.url,
        method,
        path,
        method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' },
      );
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('管理令牌') } });
    }
  });

  it('with the token, serves only the exact spelling: the others are unknown paths (404)', async () => {
    const bearer = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    expect((await rawRequest(yishi.url, 'GET', '/api/groups', { headers: bearer })).status).toBe(200);
    expect((await rawRequest(yishi.url, 'GET', '/api/export/opinions.csv', { headers: bearer })).status).toBe(200);
    for (const path of ['/API/GROUPS', '/api/groups/', '/api//groups', '/%61pi/groups', '/API/EXPORT/opinions.csv', '/api/nothing-here']) {
      const answer = await rawRequest(yishi.url, 'GET', path, { headers: bearer });
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.text).error.code).toBe('not_found');
    }
  });

  it('leaves the platform callbacks, health checks and the API description open', async () => {
    expect((await rawRequest(yishi.url, 'GET', '/healthz')).status).toBe(200);
    expect((await rawRequest(yishi.url, 'GET', '/api/openapi.json')).status).toBe(200);
    // WeCom's URL check reaches its own signature check (400/401 for a bad one), not the admin token's.
    const wecom = await rawRequest(yishi.url, 'GET', '/wecom/app?msg_signature=x&timestamp=1&nonce=1&echostr=x');
    expect(JSON.parse(wecom.text).error.code).not.toBe('unauthorized');
  });
});
