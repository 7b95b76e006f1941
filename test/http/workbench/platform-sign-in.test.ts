import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDingtalk } from '../../fakes/dingtalk-server.js';
import { FakeWecomServer } from '../../fakes/wecom-server.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv } from '../../platforms/dingtalk/dingtalk-support.js';
import { VECTOR_A, wecomEnv } from '../../platforms/wecom/wecom-client.js';
import { register } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { browserWith, open, sessionCookieOf } from './workbench-client.js';

/**
 * Signing in to the workbench from inside WeCom (OAuth2 snsapi_base, and web login on a desktop)
 * and DingTalk (免登), against the fake servers speaking the real endpoints and error codes.
 */
let yishi: TestYishi;
let wecom: FakeWecomServer;
let dingtalk: FakeDingtalk;
let member: { id: string };

beforeAll(async () => {
  wecom = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
  dingtalk = await FakeDingtalk.start({ appKey: APP_KEY, appSecret: APP_SECRET, robotCode: ROBOT_CODE });
  yishi = await startTestYishi(import.meta.url, {
    env: { ...wecomEnv(wecom.url, { WECOM_OAUTH_BASE: wecom.url, WECOM_WEB_LOGIN_BASE: wecom.url }), ...dingtalkEnv(dingtalk) },
  });
  member = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member', wecomUserId: 'zhangsan', dingtalkStaffId: 'ding-zs' });
  await register(yishi, { name: '李委员', sector: '工会', role: 'member', wecomUserId: 'lisi' });
});
afterAll(async () => {
  await yishi?.stop();
  await wecom?.stop();
  await dingtalk?.close();
});

/** Follows Yishi → WeCom → Yishi as a browser would, carrying the state cookie Yishi set. */
async function throughWecom(userAgent: string): Promise<Response> {
  const start = await open(`${yishi.url}/workbench/auth/wecom/start`, { 'user-agent': userAgent });
  expect(start.status).toBe(302);
  const stateCookie = start.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('yishi_oauth_state='))!;
  const atWecom = await open(start.headers.get('location')!);
  expect(atWecom.status).toBe(302);
  return open(atWecom.headers.get('location')!, { cookie: stateCookie });
}

describe('WeCom', () => {
  it('signs a member in through OAuth2 (snsapi_base) inside WeCom', async () => {
    const start = await open(`${yishi.url}/workbench/auth/wecom/start`, { 'user-agent': 'Mozilla/5.0 wxwork/4.1.0' });
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.pathname).toBe('/connect/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      appid: VECTOR_A.corpId,
      agentid: VECTOR_A.agentId,
      scope: 'snsapi_base',
      response_type: 'code',
      redirect_uri: `${yishi.url}/workbench/auth/wecom/callback`,
    });
    expect(authorize.hash).toBe('#wechat_redirect');

    wecom.signedInUser = 'zhangsan';
    const back = await throughWecom('Mozilla/5.0 wxwork/4.1.0');
    expect(back.status).toBe(303);
    const browser = await browserWith(yishi, sessionCookieOf(back)!);
    expect((await browser.call('/api/session')).body.member).toMatchObject({ id: member.id, role: 'member' });
  });

  it('uses WeCom web login (扫码) in a desktop browser', async () => {
    const start = await open(`${yishi.url}/workbench/auth/wecom/start`, { 'user-agent': 'Mozilla/5.0 Chrome/120' });
    expect(new URL(start.headers.get('location')!).pathname).toBe('/wwlogin/sso/login');
    wecom.signedInUser = 'lisi';
    const back = await throughWecom('Mozilla/5.0 Chrome/120');
    expect(back.status).toBe(303);
    expect(sessionCookieOf(back)).toBeDefined();
  });

  it('refuses a used or forged code (40029), a missing state, and someone who is not a member', async () => {
    const start = await open(`${yishi.url}/workbench/auth/wecom/start?mode=oauth`);
    const stateCookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('yishi_oauth_state='))!;
    const state = stateCookie.split('=')[1]!;
    const code = wecom.issueOauthCode('zhangsan');
    const callback = (c: string) => `${yishi.url}/workbench/auth/wecom/callback?code=${c}&state=${state}`;
    expect((await open(callback(code), { cookie: stateCookie })).status).toBe(303);
    // The state cookie is spent by its first use; a replay has neither a matching state nor a fresh code.
    const replay = await open(callback(code), { cookie: stateCookie });
    expect(replay.status).toBe(401);
    expect(sessionCookieOf(replay)).toBeUndefined();

    const fresh = await open(`${yishi.url}/workbench/auth/wecom/start?mode=oauth`);
    const cookie2 = fresh.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('yishi_oauth_state='))!;
    const forged = await open(`${yishi.url}/workbench/auth/wecom/callback?code=forged&state=${cookie2.split('=')[1]}`, { cookie: cookie2 });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('登录凭证无效');

    wecom.signedInUser = 'stranger';
    const stranger = await throughWecom('wxwork');
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).toContain('没有找到与您的账号对应的成员');
  });
});

describe('DingTalk 免登', () => {
  it('turns requestAuthCode’s code into a session, once', async () => {
    const code = dingtalk.issueAuthCode('ding-zs');
    const post = () =>
      fetch(`${yishi.url}/workbench/auth/dingtalk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ authCode: code }),
      });
    const first = await post();
    expect(first.status).toBe(200);
    const body = (await first.json()) as { member: { id: string }; csrfToken: string };
    expect(body.member.id).toBe(member.id);
    const browser = await browserWith(yishi, sessionCookieOf(first)!);
    expect(browser.csrfToken).toBe(body.csrfToken);

    const again = await post(); // 40078 不存在的临时授权码
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('登录凭证无效');
    expect(sessionCookieOf(again)).toBeUndefined();
  });
});
