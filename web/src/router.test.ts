import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from './api/session';
import { menuFor, createWorkbenchRouter } from './router';
import { fakeApi } from './test-support/fake-api';

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
  });

  it('lists in the menu only what the role may see', () => {
    expect(menuFor('member').map((entry) => entry.name)).toEqual(['opinions', 'records']);
    expect(menuFor('staff').map((entry) => entry.name)).toEqual(['opinions', 'records', 'events', 'roster', 'members']);
    expect(menuFor('admin').map((entry) => entry.name)).toContain('settings');
  });
});
