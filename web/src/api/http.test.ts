import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './http';

afterEach(() => vi.unstubAllGlobals());

const answering = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );

describe('an error from the API', () => {
  it('carries the server’s code and Chinese sentence, as the server sends them ({ error: { code, message } })', async () => {
    answering(400, { error: { code: 'roster_member_not_found', message: '没有找到委员“x”（或已停用），请核对。' } });
    const error = await api.get('/api/roster').catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'roster_member_not_found', message: '没有找到委员“x”（或已停用），请核对。' });
  });

  it('falls back to a sentence with the status when the body says nothing', async () => {
    answering(502, {});
    await expect(api.get('/api/roster')).rejects.toMatchObject({ status: 502, code: 'http_502', message: '请求失败（502）。' });
  });
});
