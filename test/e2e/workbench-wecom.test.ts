import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { VECTOR_A, wecomEnv } from '../platforms/wecom/wecom-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ARTIFACTS, ensureWebBuilt, launchBrowser, skipReason, stayLocal } from './browser.js';

// Issue 18, end to end in Chromium: signing in to the workbench with WeCom, from the sign-in page's
// 企业微信登录 button, on a desktop (web login, 扫码) and inside WeCom's own browser (OAuth2,
// snsapi_base). WeCom's authorize and login pages are the fake WeCom server's (WECOM_OAUTH_BASE,
// WECOM_WEB_LOGIN_BASE): they send the browser back with a code for `signedInUser`, which Yishi
// exchanges at the fake's /cgi-bin/auth/getuserinfo.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
// Generous: Chromium, the app and FerretDB share a loaded machine.
const TEST_TIMEOUT = 240_000;

let app: TestYishi;
let fake: FakeWecomServer;
let browser: Browser;
/** Where the browser went on the fake WeCom (path and scope), in order. */
const visited: string[] = [];

async function contextFor(userId: string, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  fake.signedInUser = userId;
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  await stayLocal(context);
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (request.url().startsWith(fake.url)) visited.push(`${url.pathname}?scope=${url.searchParams.get('scope') ?? ''}`);
  });
  return context;
}

describe.skipIf(skip !== undefined)('signing in to the workbench with WeCom in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
    app = await startTestYishi(import.meta.url, {
      env: wecomEnv(fake.url, { WECOM_OAUTH_BASE: fake.url, WECOM_WEB_LOGIN_BASE: fake.url }),
    });
    for (const member of [
      { name: '周干事', role: 'staff', wecomUserId: 'zhougs' },
      { name: '吴委员', role: 'member', wecomUserId: 'wuwy' },
    ]) {
      const response = await app.api('/api/members', { method: 'POST', body: { sector: '无党派', ...member } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.stop();
  });

  it(
    'on a desktop: the sign-in page’s 企业微信登录 goes through WeCom web login and lands on the board as that member',
    async () => {
      const context = await contextFor('zhougs', { viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${app.url}/workbench/`);
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await page.screenshot({ path: join(ARTIFACTS, 'workbench-sign-in-1280.png') });
      await page.getByRole('link', { name: '企业微信登录' }).click();
      await page.waitForURL(/\/workbench\/opinions$/, WAIT);
      await expect.poll(() => page.getByTestId('signed-in-member').innerText(), WAIT).toContain('周干事');
      expect(visited.at(-1)).toBe('/wwlogin/sso/login?scope=');
      // The office's menu, and 退出登录 ends the session: the board asks to sign in again.
      await expect.poll(() => page.getByRole('navigation').innerText(), WAIT).toContain('活动');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await page.goto(`${app.url}/workbench/opinions`);
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'inside WeCom’s browser at 375 px: OAuth2 (snsapi_base) signs a member in, who sees no office pages',
    async () => {
      const context = await contextFor('wuwy', {
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile wxwork/4.1.20 MicroMessenger/7.0.1',
      });
      const page = await context.newPage();
      await page.goto(`${app.url}/workbench/login`);
      await page.getByRole('link', { name: '企业微信登录' }).click();
      // The browser keeps the authorize address's #wechat_redirect through WeCom's redirect.
      await page.waitForURL(/\/workbench\/opinions(#wechat_redirect)?$/, WAIT);
      await expect.poll(() => page.getByTestId('signed-in-member').innerText(), WAIT).toContain('吴委员');
      expect(visited.at(-1)).toBe('/connect/oauth2/authorize?scope=snsapi_base');
      const menu = await page.getByRole('navigation').innerText();
      expect(menu).toContain('民意');
      expect(menu).not.toContain('活动');
      await page.screenshot({ path: join(ARTIFACTS, 'workbench-member-375.png'), fullPage: true });
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a reused or forged code is refused with a page that says so, and nobody is signed in',
    async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      await stayLocal(context);
      const page = await context.newPage();
      const response = await page.goto(`${app.url}/workbench/auth/wecom/callback?code=forged&state=whatever`);
      expect(response?.status()).toBe(401);
      expect(await page.locator('body').innerText()).toMatch(/登录/);
      await page.goto(`${app.url}/workbench/opinions`);
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
