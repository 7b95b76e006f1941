import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { register, say } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { browserWith, linkIn, open, sessionCookieOf, signIn } from './workbench-client.js';

/**
 * 工作台登录 through the front door: 工作台 in the console chat → a one-time link → the cookie →
 * the API with that cookie; and every way it must refuse (reused, forged, foreign cookie, no CSRF
 * token, a role too low, a member deactivated or demoted), with nothing changed and a log line.
 */
let yishi: TestYishi;
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
const logLines: Array<Record<string, unknown>> = [];
let staff: { id: string };
let member: { id: string };
let admin: { id: string };

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { LOG_LEVEL: 'info' }, logDestination });
  admin = await register(yishi, { name: '周管理员', sector: '中共', role: 'admin' });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  member = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
});
afterAll(async () => {
  await yishi?.stop();
});

const audits = (event: string) => logLines.filter((l) => l.audit === 'workbench-session' && l.event === event);

describe('signing in with a link from chat', () => {
  it('answers 工作台 in a direct chat with a link that signs in once and lands on the workbench', async () => {
    const reply = await say(yishi, staff.id, '工作台');
    expect(reply).toContain('10分钟内有效');
    const response = await open(linkIn(reply));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/workbench/');
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/yishi_session=[^;]+;.*httponly/i);
    expect(setCookie).toMatch(/samesite=lax/i);
    expect(setCookie).not.toMatch(/secure/i); // PUBLIC_URL is http here

    const browser = await browserWith(yishi, sessionCookieOf(response)!);
    const session = await browser.call('/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ member: { id: staff.id, name: '王主任', role: 'staff', sector: '中共' } });
    expect(session.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(audits('sign-in').some((l) => l.memberId === staff.id && l.via === 'chat-link')).toBe(true);
  });

  it('also answers 登录, and in a group says the link comes in private and sends it 1:1', async () => {
    expect(linkIn(await say(yishi, member.id, '登录'))).toContain('/workbench/sign-in?ticket=');
    const inGroup = await fetch(`${yishi.url}/console/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ from: member.id, text: '@议事助手 工作台', chat: 'group:文艺界', mentionedBot: true }),
    });
    const replies = ((await inGroup.json()) as { replies: Array<{ text: string }> }).replies.map((r) => r.text).join('\n');
    expect(replies).toContain('单聊');
    expect(replies).not.toContain('ticket=');
    await yishi.tick();
    const inbox = (await yishi.api(`/console/inbox?to=${member.id}`)).body as { messages: Array<{ text: string }> };
    expect(inbox.messages.some((m) => m.text.includes('/workbench/sign-in?ticket='))).toBe(true);
  });

  it('refuses a reused link and a forged one with a clear page, changing nothing', async () => {
    const link = linkIn(await say(yishi, member.id, '工作台'));
    expect((await open(link)).status).toBe(303);
    const again = await open(link);
    expect(again.status).toBe(401);
    expect(sessionCookieOf(again)).toBeUndefined();
    const page = await again.text();
    expect(page).toContain('已经用过');
    expect(page.indexOf('已经用过')).toBeLessThan(page.indexOf('already been used'));

    const forged = await open(link.replace(/ticket=.*/, 'ticket=AAAAforgedAAAA'));
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('无效或已过期');
    expect(audits('refused').map((l) => l.reason)).toEqual(expect.arrayContaining(['ticket_used', 'ticket_invalid']));
  });

  it('refuses a link older than 10 minutes with the 401 page, changing nothing', async () => {
    const link = linkIn(await say(yishi, member.id, '工作台'));
    const signInsBefore = audits('sign-in').length;
    clock.advance(10 * 60_000 + 1000); // the app's clock: no waiting
    const late = await open(link);
    expect(late.status).toBe(401);
    expect(sessionCookieOf(late)).toBeUndefined();
    expect(await late.text()).toContain('无效或已过期');
    expect(audits('sign-in')).toHaveLength(signInsBefore);
    expect(audits('refused').at(-1)).toMatchObject({ reason: 'ticket_invalid' });
    // A link asked for now still works: only the old one went stale.
    expect((await open(linkIn(await say(yishi, member.id, '工作台')))).status).toBe(303);
  });

  it('refuses a cookie another deployment signed, and one that was tampered with', async () => {
    const browser = await signIn(yishi, member.id);
    const [id] = browser.cookie.replace('yishi_session=', '').split('.');
    const foreign = await browserWith(yishi, `yishi_session=${id}.c2lnbmVkLWJ5LWFub3RoZXItZGVwbG95bWVudC0xMjM0NTY`);
    const answer = await foreign.call('/api/session');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain('不是本系统签发');
  });

  it('ends a session after 2 hours idle, and signs out with the CSRF token only', async () => {
    const browser = await signIn(yishi, member.id);
    const noToken = await browser.call('/api/session/sign-out', { method: 'POST', csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.message).toContain('X-CSRF-Token');
    expect((await browser.call('/api/session')).status).toBe(200);
    expect((await browser.call('/api/session/sign-out', { method: 'POST' })).status).toBe(204);
    expect((await browser.call('/api/session')).status).toBe(401);
    expect(audits('sign-out').some((l) => l.memberId === member.id)).toBe(true);

    const idle = await signIn(yishi, member.id);
    clock.advance(2 * 60 * 60_000 + 1000);
    const expired = await idle.call('/api/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('重新登录');
  });
});

describe('roles with a session', () => {
  it('keeps a member out of office routes and the console, and lets staff in', async () => {
    const memberBrowser = await signIn(yishi, member.id);
    for (const path of ['/api/members', '/api/groups', '/api/export/opinions.csv', '/API/Members', '/api/opinions/x/../../members']) {
      const answer = await memberBrowser.call(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body.error.message).toContain('工作人员');
    }
    expect((await memberBrowser.call(`/console/inbox?to=${member.id}`)).status).toBe(403);
    const staffBrowser = await signIn(yishi, staff.id);
    expect((await staffBrowser.call('/api/members')).status).toBe(200);
    // Changing members is for admins; with the session the CSRF token is still needed.
    expect((await staffBrowser.call(`/api/members/${member.id}`, { method: 'PATCH', body: { phone: '13800001111' } })).status).toBe(403);
    const adminBrowser = await signIn(yishi, admin.id);
    const noCsrf = await adminBrowser.call(`/api/members/${member.id}`, { method: 'PATCH', body: { phone: '13800001111' }, csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await yishi.api(`/api/members/${member.id}`)).body.phone).toBeUndefined();
    expect(audits('refused').some((l) => l.reason === 'role_too_low' && l.memberId === member.id)).toBe(true);
  });

  it('ends every session of a member who is demoted or deactivated, at once', async () => {
    const demoted = await register(yishi, { name: '钱干事', sector: '中共', role: 'staff' });
    const browser = await signIn(yishi, demoted.id);
    expect((await browser.call('/api/members')).status).toBe(200);
    expect((await yishi.api(`/api/members/${demoted.id}`, { method: 'PATCH', body: { role: 'member' } })).status).toBe(200);
    expect((await browser.call('/api/session')).status).toBe(401);

    const leaving = await register(yishi, { name: '孙委员', sector: '工会', role: 'member' });
    const first = await signIn(yishi, leaving.id);
    const second = await signIn(yishi, leaving.id);
    const link = linkIn(await say(yishi, leaving.id, '工作台'));
    expect((await yishi.api(`/api/members/${leaving.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await first.call('/api/session')).status).toBe(401);
    expect((await second.call('/api/session')).status).toBe(401);
    const late = await open(link);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('已停用');
    expect(audits('revoked').some((l) => l.memberId === leaving.id && l.reason === 'deactivated')).toBe(true);
  });

  it('keeps the admin token working everywhere, without CSRF', async () => {
    expect((await yishi.api('/api/members')).status).toBe(200);
    expect((await yishi.api('/api/session')).status).toBe(401);
    expect((await fetch(`${yishi.url}/api/members`)).status).toBe(401);
  });
});
