import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api/http';
import { session, signOut } from './api/session';
import { menuFor, createWorkbenchRouter } from './router';
import { fakeApi, settle } from './test-support/fake-api';

afterEach(() => {
  vi.unstubAllGlobals();
  session.member = null;
  session.loaded = false;
});

const signedIn = (role: string) =>
  fakeApi({ 'GET /api/session': { member: { id: 'x', name: '某人', role }, csrfToken: 't', expiresAt: '2026-12-02T10:00:00Z' } });

describe('who may open which page', () => {
  it('sends someone without a session to the sign-in page', async () => {
    fakeApi({
      'GET /api/session': () => new Response(JSON.stringify({ error: 'session_missing', message: '请先登录。' }), { status: 401 }),
    });
    const router = createWorkbenchRouter();
    await router.push('/opinions');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('shows a member the board, and a 403 page for an office page typed into the address bar', async () => {
    signedIn('member');
    const router = createWorkbenchRouter();
    await router.push('/opinions');
    expect(router.currentRoute.value.name).toBe('opinions');
    await router.push('/events');
    expect(router.currentRoute.value.fullPath).toBe('/error/403');
    await router.push('/social-reports');
    expect(router.currentRoute.value.name).toBe('social-reports');
    await router.push('/points');
    expect(router.currentRoute.value.fullPath).toBe('/error/403');
    await router.push('/outcomes');
    expect(router.currentRoute.value.fullPath).toBe('/error/403');
  });

  it('lists in the menu only what the role may see', () => {
    expect(menuFor('member').map((entry) => entry.name)).toEqual(['opinions', 'records', 'social-reports']);
    expect(menuFor('staff').map((entry) => entry.name)).toEqual([
      'opinions',
      'records',
      'social-reports',
      'points',
      'statistics',
      'events',
      'outcomes',
      'roster',
      'members',
    ]);
    expect(menuFor('admin').map((entry) => entry.name)).toContain('settings');
  });

  it('sends a member whose session ended while a page was open to the 401 page', async () => {
    fakeApi({
      'GET /api/session': { member: { id: 'x', name: '某人', role: 'member' }, csrfToken: 't', expiresAt: '2026-12-02T10:00:00Z' },
      'GET /api/opinions': () => new Response(JSON.stringify({ error: 'session_expired', message: '登录已过期。' }), { status: 401 }),
    });
    const router = createWorkbenchRouter();
    await router.push('/opinions');
    await expect(api.get('/api/opinions')).rejects.toThrow('登录已过期。');
    await expect.poll(() => router.currentRoute.value.fullPath).toMatch(/^\/error\/401/);
  });

  it('keeps a member who signed out on the sign-in page when a request sent before comes back 401', async () => {
    let answerLateRequest: (response: Response) => void = () => undefined;
    fakeApi({
      'GET /api/session': { member: { id: 'x', name: '某人', role: 'member' }, csrfToken: 't', expiresAt: '2026-12-02T10:00:00Z' },
      'GET /api/opinions/changes': () => new Promise<Response>((resolve) => (answerLateRequest = resolve)),
      'POST /api/session/sign-out': () => new Response(null, { status: 204 }),
    });
    const router = createWorkbenchRouter();
    await router.push('/opinions');
    const lateRequest = api.get('/api/opinions/changes');
    await signOut();
    await router.push({ name: 'sign-in' });
    answerLateRequest(new Response(JSON.stringify({ error: 'session_missing', message: '请先登录。' }), { status: 401 }));
    await expect(lateRequest).rejects.toThrow('请先登录。');
    await settle(20);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
