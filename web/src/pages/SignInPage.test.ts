import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { session } from '../api/session';
import { fakeApi, settle } from '../test-support/fake-api';
import SignInPage from './SignInPage.vue';

const DINGTALK_UA = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile AliApp(DingTalk/7.6.10) com.laiwang.DingTalk/34036866';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete window.dd;
  session.member = null;
  session.loaded = false;
  document.body.innerHTML = '';
});

async function mountSignIn() {
  const router = createRouter({
    history: createMemoryHistory('/workbench/'),
    routes: [
      { path: '/login', name: 'sign-in', component: SignInPage },
      { path: '/opinions', name: 'opinions', component: { template: '<p>民意</p>' } },
    ],
  });
  await router.push('/login');
  const page = mount(SignInPage, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  await settle();
  return { page, router };
}

/** DingTalk's `dd` as the JSAPI file defines it, answering requestAuthCode for `corpId` with `code`. */
function dingtalkApp(corpId: string, code: string) {
  const asked: string[] = [];
  window.dd = {
    ready: (callback) => callback(),
    runtime: {
      permission: {
        requestAuthCode: (options) => {
          asked.push(options.corpId);
          if (options.corpId === corpId) options.onSuccess({ code });
          else options.onFail({ errorCode: '3', errorMessage: '企业 ID 不匹配' });
        },
      },
    },
  };
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(DINGTALK_UA);
  return asked;
}

describe('the sign-in page', () => {
  it('offers 钉钉登录 only when DingTalk is configured, and 企业微信登录 only with WeCom', async () => {
    fakeApi({ 'GET /workbench/auth/options': { wecom: false, dingtalk: { webLogin: true, corpId: null } } });
    const { page } = await mountSignIn();
    const links = page.findAll('a').map((a) => [a.text(), a.attributes('href')]);
    expect(links).toEqual([['钉钉登录', '/workbench/auth/dingtalk/start']]);
    page.unmount();

    fakeApi({ 'GET /workbench/auth/options': { wecom: true, dingtalk: null } });
    const again = await mountSignIn();
    expect(again.page.findAll('a').map((a) => a.text())).toEqual(['企业微信登录']);
  });

  it('inside DingTalk with a CorpId: asks the app for a code, posts it, and opens the board without a click', async () => {
    const asked = dingtalkApp('ding-corp', 'auth-123');
    const api = fakeApi({
      'GET /workbench/auth/options': { wecom: false, dingtalk: { webLogin: true, corpId: 'ding-corp' } },
      'POST /workbench/auth/dingtalk': {
        member: { id: 'm1', name: '吴委员', role: 'member' },
        csrfToken: 'csrf-1',
        expiresAt: '2026-12-02T10:00:00.000Z',
      },
    });
    const { router } = await mountSignIn();
    expect(asked).toEqual(['ding-corp']);
    expect(api.last('POST', '/workbench/auth/dingtalk')?.body).toEqual({ authCode: 'auth-123' });
    expect(session.member?.name).toBe('吴委员');
    expect(router.currentRoute.value.path).toBe('/opinions');
  });

  it('shows the server’s sentence when the member is refused, and stays on the sign-in page', async () => {
    dingtalkApp('ding-corp', 'auth-456');
    fakeApi({
      'GET /workbench/auth/options': { wecom: false, dingtalk: { webLogin: true, corpId: 'ding-corp' } },
      'POST /workbench/auth/dingtalk': () =>
        new Response(JSON.stringify({ error: { code: 'member_inactive', message: '您的成员账号已停用，不能登录工作台。' } }), {
          status: 403,
        }),
    });
    const { page, router } = await mountSignIn();
    expect(page.get('[role="alert"]').text()).toContain('您的成员账号已停用');
    expect(session.member).toBeNull();
    expect(router.currentRoute.value.path).toBe('/login');
  });

  it('in an ordinary browser never touches DingTalk’s JSAPI, even with a CorpId set', async () => {
    const api = fakeApi({ 'GET /workbench/auth/options': { wecom: false, dingtalk: { webLogin: true, corpId: 'ding-corp' } } });
    const appended = vi.spyOn(document.head, 'appendChild');
    await mountSignIn();
    expect(appended.mock.calls.some(([node]) => (node as HTMLScriptElement).src?.includes('dingtalk'))).toBe(false);
    expect(api.last('POST', '/workbench/auth/dingtalk')).toBeUndefined();
  });
});
