import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDingtalk } from '../../fakes/dingtalk-server.js';
import { FakeDingtalkLogin } from '../../fakes/dingtalk-login.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv } from '../../platforms/dingtalk/dingtalk-support.js';
import { register } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { browserWith, open, sessionCookieOf } from './workbench-client.js';

/**
 * Signing in to the workbench with DingTalk, through the front door against the fake DingTalk: 免登
 * inside the DingTalk app (requestAuthCode's code → `/topapi/v2/user/getuserinfo`) and web login on a
 * desktop (login.dingtalk.com/oauth2/auth → authCode → userAccessToken → users/me → getbyunionid).
 * Every refusal (bad, used or expired code, a state that does not match, someone who is no member
 * or is inactive) answers a sentence, opens no session and is written to the audit log.
 */
let yishi: TestYishi;
let dingtalk: FakeDingtalk;
/** How far the fake DingTalk's clock runs ahead of the wall clock (codes expire after 5 minutes). */
let skewMs = 0;
const logLines: Array<Record<string, unknown>> = [];
let staff: { id: string };
let member: { id: string };

const audits = (event: string) => logLines.filter((l) => l.audit === 'workbench-session' && l.event === event);
const refusals = () => audits('refused').length;

beforeAll(async () => {
  dingtalk = await FakeDingtalk.start({ appKey: APP_KEY, appSecret: APP_SECRET, robotCode: ROBOT_CODE, now: () => Date.now() + skewMs });
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  yishi = await startTestYishi(import.meta.url, { env: { ...dingtalkEnv(dingtalk), LOG_LEVEL: 'info' }, logDestination });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff', dingtalkStaffId: 'ding-wang' });
  member = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member', dingtalkStaffId: 'ding-zs' });
  const gone = await register(yishi, { name: '赵委员', sector: '工会', role: 'member', dingtalkStaffId: 'ding-zhao' });
  expect((await yishi.api(`/api/members/${gone.id}`, { method: 'DELETE' })).status).toBe(204);
});
afterAll(async () => {
  await yishi?.stop();
  await dingtalk?.close();
});

describe('what the sign-in page offers', () => {
  it('lists DingTalk web login and the CorpId for 免登 when DingTalk is configured, and no WeCom', async () => {
    const response = await fetch(`${yishi.url}/workbench/auth/options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ wecom: false, dingtalk: { webLogin: true, corpId: dingtalk.corpId } });
  });
});

describe('免登 inside the DingTalk app', () => {
  const post = (authCode: string) =>
    fetch(`${yishi.url}/workbench/auth/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authCode }),
    });
  const sentence = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

  it('turns the code requestAuthCode gives into a session for that member, audited', async () => {
    dingtalk.login.signedInUser = 'ding-zs';
    const answer = dingtalk.requestAuthCode(dingtalk.corpId);
    expect('code' in answer).toBe(true);
    const response = await post((answer as { code: string }).code);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { member: { id: string } }).member.id).toBe(member.id);
    const browser = await browserWith(yishi, sessionCookieOf(response)!);
    expect((await browser.call('/api/session')).body.member).toMatchObject({ id: member.id, role: 'member' });
    expect(audits('sign-in').some((l) => l.memberId === member.id && l.via === 'dingtalk-auth-code')).toBe(true);
  });

  it('refuses a used, an expired and a forged code (40078) with a sentence, no cookie, and a log line each', async () => {
    const used = dingtalk.issueAuthCode('ding-wang');
    expect((await post(used)).status).toBe(200);
    const expired = dingtalk.issueAuthCode('ding-wang');
    skewMs += 6 * 60_000;
    const before = refusals();
    for (const code of [used, expired, 'forged-code']) {
      const response = await post(code);
      expect(response.status, code).toBe(401);
      expect(await sentence(response)).toContain('登录凭证无效');
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    expect(
      audits('refused')
        .slice(before)
        .map((l) => [l.reason, l.platform]),
    ).toEqual(Array(3).fill(['code_invalid', 'dingtalk']));
  });

  it('refuses a DingTalk user who is no member (401) and a deactivated member (403)', async () => {
    const stranger = await post(dingtalk.issueAuthCode('ding-nobody'));
    expect(stranger.status).toBe(401);
    expect(await sentence(stranger)).toContain('没有找到与您的账号对应的成员');
    const inactive = await post(dingtalk.issueAuthCode('ding-zhao'));
    expect(inactive.status).toBe(403);
    expect(await sentence(inactive)).toContain('已停用');
    expect(sessionCookieOf(inactive)).toBeUndefined();
    expect(
      audits('refused')
        .slice(-2)
        .map((l) => l.reason),
    ).toEqual(['member_unknown', 'member_inactive']);
  });

  it('refuses a body that is not sent as JSON (a form on another site: login CSRF) without spending the code', async () => {
    const code = dingtalk.issueAuthCode('ding-wang');
    const forged = await fetch(`${yishi.url}/workbench/auth/dingtalk`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ authCode: code }),
    });
    expect(forged.status).toBe(415);
    expect(await sentence(forged)).toContain('application/json');
    expect(sessionCookieOf(forged)).toBeUndefined();
    expect(audits('refused').at(-1)).toMatchObject({ reason: 'not_json', platform: 'dingtalk' });
    expect((await post(code)).status).toBe(200);
  });

  it('answers requestAuthCode with a failure for another organisation’s CorpId (the fake as the JSAPI does)', () => {
    expect(dingtalk.requestAuthCode('ding-other-corp')).toMatchObject({ errorCode: expect.any(String) });
  });
});

describe('web login on a desktop', () => {
  const stateCookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('yishi_oauth_state='))!;
  const start = async () => {
    const response = await open(`${yishi.url}/workbench/auth/dingtalk/start`);
    expect(response.status).toBe(302);
    const cookie = stateCookieOf(response);
    return { cookie, state: cookie.split('=')[1]!, location: new URL(response.headers.get('location')!) };
  };
  const callback = (cookie: string, params: Record<string, string>) =>
    open(`${yishi.url}/workbench/auth/dingtalk/callback?${new URLSearchParams(params)}`, { cookie });

  it('sends the browser to DingTalk’s login page with the app key, our callback, scope openid and the state', async () => {
    const { location, state } = await start();
    expect(`${location.origin}${location.pathname}`).toBe(`${dingtalk.url}/oauth2/auth`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: APP_KEY,
      redirect_uri: `${yishi.url}/workbench/auth/dingtalk/callback`,
      response_type: 'code',
      scope: 'openid',
      state,
      prompt: 'consent',
    });
  });

  it('signs the person in through DingTalk’s page and back, as the member their unionId belongs to', async () => {
    dingtalk.login.signedInUser = 'ding-wang';
    const { cookie, location } = await start();
    const atDingtalk = await open(location.toString());
    expect(atDingtalk.status).toBe(302);
    const back = await open(atDingtalk.headers.get('location')!, { cookie });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/workbench/');
    const browser = await browserWith(yishi, sessionCookieOf(back)!);
    expect((await browser.call('/api/session')).body.member).toMatchObject({ id: staff.id, role: 'staff' });
    expect(audits('sign-in').some((l) => l.memberId === staff.id && l.via === 'dingtalk-web')).toBe(true);
  });

  it('refuses a state that does not match without spending the code, then a used, an expired and a forged code', async () => {
    const code = dingtalk.login.issueLoginCode('ding-wang');
    const first = await start();
    const mismatch = await callback(first.cookie, { authCode: code, state: 'not-the-state' });
    expect(mismatch.status).toBe(401);
    expect(await mismatch.text()).toContain('登录请求已失效');
    expect(sessionCookieOf(mismatch)).toBeUndefined();
    expect(dingtalk.login.refusedCodes.map((r) => r.code)).not.toContain(code);
    expect(audits('refused').at(-1)).toMatchObject({ reason: 'state_invalid' });

    const second = await start();
    expect((await callback(second.cookie, { authCode: code, state: second.state })).status).toBe(303);
    const expired = dingtalk.login.issueLoginCode('ding-wang');
    skewMs += 6 * 60_000;
    const before = refusals();
    for (const bad of [code, expired, 'forged-login-code']) {
      const again = await start();
      const response = await callback(again.cookie, { authCode: bad, state: again.state });
      expect(response.status, bad).toBe(401);
      expect(await response.text()).toContain('登录凭证无效');
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    expect(dingtalk.login.refusedCodes.map((r) => r.code)).toEqual(expect.arrayContaining([code, expired, 'forged-login-code']));
    expect(
      audits('refused')
        .slice(before)
        .map((l) => l.reason),
    ).toEqual(['code_invalid', 'code_invalid', 'code_invalid']);
  });

  it('refuses a DingTalk account outside the organisation and a deactivated member, each with a Chinese page', async () => {
    const outsider = 'ding-outsider';
    dingtalk.login.outsideOrg.add(FakeDingtalkLogin.unionIdOf(outsider));
    for (const [userId, status, words, reason] of [
      [outsider, 401, '没有找到与您的账号对应的成员', 'member_unknown'],
      ['ding-zhao', 403, '您的成员账号已停用', 'member_inactive'],
    ] as const) {
      const { cookie, state } = await start();
      const response = await callback(cookie, { authCode: dingtalk.login.issueLoginCode(userId), state });
      expect(response.status, userId).toBe(status);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain(words);
      expect(sessionCookieOf(response)).toBeUndefined();
      expect(audits('refused').at(-1)).toMatchObject({ reason });
    }
  });
});

describe('without DingTalk configured', () => {
  it('offers no DingTalk on the sign-in page and answers its sign-in addresses with a page that says so', async () => {
    const plain = await startTestYishi(import.meta.url);
    try {
      expect(await (await fetch(`${plain.url}/workbench/auth/options`)).json()).toEqual({ wecom: false, dingtalk: null });
      const startPage = await open(`${plain.url}/workbench/auth/dingtalk/start`);
      expect(startPage.status).toBe(404);
      expect(await startPage.text()).toContain('这个登录方式还没有配置');
    } finally {
      await plain.stop();
    }
  });
});
