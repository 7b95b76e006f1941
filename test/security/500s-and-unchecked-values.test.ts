import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { wecomAppCiphertext } from '../fixtures/hostile/requests.js';
import { TEST_ADMIN_TOKEN } from '../support/yishi.js';

const { yishi } = useScenario(import.meta.url, { wecom: true });

const CHINESE = /[\u4e00-\u9fff]/;
/** What zod, JSON.parse and OpenSSL say; none of it may reach a caller. */
const LIBRARY_TEXT =
  /Invalid input|Invalid option|expected|received|Unexpected token|JSON at position|bad decrypt|wrong final block|error:[0-9a-f]{8}|Quote|Record Length|CsvError/i;

async function send(method: string, path: string, body?: string, contentType = 'application/json') {
  const response = await fetch(`${yishi.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(text) as { error?: { code: string; message: string } })
    : {};
  return { status: response.status, text, error: json.error };
}

function expectPoliteRefusal(answer: Awaited<ReturnType<typeof send>>, code: string): void {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.error?.code).toBe(code);
  expect(answer.error?.message).toMatch(CHINESE);
  expect(answer.error?.message).not.toMatch(LIBRARY_TEXT);
}

describe('500s and unchecked values', () => {
  it('answers a broken JSON body to POST /api/members/import with 400 and imports nothing', async () => {
    const before = await yishi.db.collection('members').countDocuments();
    for (const body of ['{"csv": "name,sector,role\\n', '"name,sector', '{', '{"csv":}']) {
      expectPoliteRefusal(await send('POST', '/api/members/import', body), 'body_not_json');
    }
    expect(await yishi.db.collection('members').countDocuments()).toBe(before);
  });

  it('says what is wrong with an imported CSV in Chinese, without the CSV parser’s or zod’s words', async () => {
    const badRole = await send('POST', '/api/members/import', 'name,sector,role\n孙委员,文艺界,chairman\n', 'text/csv');
    expectPoliteRefusal(badRole, 'csv_invalid');
    expect(badRole.error?.message).toContain('第2行');
    expect(badRole.error?.message).toContain('角色');
    const unclosed = await send('POST', '/api/members/import', 'name,sector,role\n"孙委员,文艺界,member\n', 'text/csv');
    expectPoliteRefusal(unclosed, 'csv_invalid');
  });

  it('answers malformed JSON with 400 on every JSON route, not only the import', async () => {
    for (const [method, path] of [
      ['POST', '/api/members'],
      ['PATCH', '/api/settings/time-limits'],
      ['POST', '/api/groups'],
      ['POST', '/api/events'],
      ['POST', '/api/roster/generate'],
      ['POST', '/console/messages'],
    ] as const) {
      expectPoliteRefusal(await send(method, path, '{"a":'), 'body_not_json');
    }
  });

  it('refuses dates that do not exist with 400 and says which field is wrong', async () => {
    for (const query of ['from=2026-99-99', 'to=2026-13-01', 'from=2026-02-30', 'from=2026-01-01Tnonsense', 'to=tomorrow']) {
      const answer = await send('GET', `/api/opinions?${query}`);
      expectPoliteRefusal(answer, 'invalid_request');
      expect(answer.error?.message).toContain(query.split('=')[0]!);
    }
    expect((await send('GET', '/api/opinions?from=2026-02-28&to=2026-03-01T12:00:00%2B08:00')).status).toBe(200);
  });

  it('keeps time limits to whole working days from 1 to 60', async () => {
    const before = (await send('GET', '/api/settings/time-limits')).text;
    for (const value of ['1e-300', '0', '61', '2.5', '-1', '"3"', 'null', '{"$gt":0}', '[]']) {
      const answer = await send('PATCH', '/api/settings/time-limits', `{"simple":${value}}`);
      expectPoliteRefusal(answer, 'invalid_request');
      expect(answer.error?.message).toContain('simple');
    }
    expectPoliteRefusal(await send('PATCH', '/api/settings/time-limits', '{"simpel":3}'), 'invalid_request');
    expect((await send('GET', '/api/settings/time-limits')).text).toBe(before);

    const accepted = await send('PATCH', '/api/settings/time-limits', '{"simple":1,"complex":60}');
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.text)).toMatchObject({ simple: 1, complex: 60 });
  });

  it('answers a WeCom ciphertext that cannot be decrypted with its code and a sentence, not OpenSSL’s message', async () => {
    const request = wecomAppCiphertext(randomBytes(40).toString('base64'));
    const response = await fetch(`${yishi.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(body).toEqual({ error: { code: 'wecom_decrypt_failed', message: zhCN.http.errors.wecom_decrypt_failed } });
  });

  it('answers bad input on every admin route with a 4xx, never a 500', async () => {
    const routes = yishi.running.app.middleware
      .flatMap((middleware) => (middleware as { router?: Router }).router?.stack ?? [])
      .filter((layer) => layer.methods.length > 0 && /^\/(api|console)\//.test(String(layer.path)))
      .flatMap((layer) => layer.methods.filter((method) => method !== 'HEAD').map((method) => ({ method, path: String(layer.path) })));
    expect(routes.length).toBeGreaterThan(40);
    const params = ['zz', '%00', '..%2F..', 'MY-2026-99999999', '0'.repeat(24), 'x'.repeat(2000)];
    const queries = ['from=2026-99-99', 'to=2026-02-30&from=x', 'page=-1&pageSize=1e9', 'period=2026-13', 'to=%00', 'state[$ne]=x'];
    const bodies = ['{"a":', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', '{"from":"2026-99-99","to":"2026-99-99","simple":1e-300}'];
    const failures: string[] = [];
    for (const route of routes) {
      for (const [i, param] of params.entries()) {
        const path = `${route.path.replace(/:\w+/g, param)}?${queries[i]}`;
        const answer = await send(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : bodies[i]);
        if (answer.status >= 500) failures.push(`${route.method} ${path} → ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives unknown admin paths and methods the same JSON shape (404, 405)', async () => {
    const unknown = await send('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.error).toEqual({ code: 'not_found', message: zhCN.http.errors.not_found });
    const wrongMethod = await send('PUT', '/api/opinions/export.csv', '{}');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.error?.code).toBe('method_not_allowed');
  });
});
