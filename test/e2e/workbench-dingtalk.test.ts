import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DINGTALK_JSAPI_URL } from '../../src/http/workbench-static.js';
import { FakeDingtalk } from '../fakes/dingtalk-server.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE, dingtalkEnv } from '../platforms/dingtalk/dingtalk-support.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, screenshotAt, skipReason, stayLocal } from './browser.js';

// Issue 18, end to end in Chromium: signing in to the workbench with DingTalk. Inside the DingTalk
// app (its user agent says DingTalk) the page loads DingTalk's JSAPI and signs in without a click
// (免登); the JSAPI file is never fetched from the internet here: the browser is given a stand-in at
// its address, a `dd` that asks the fake DingTalk for the code, as the real one asks the app. On a
// desktop the sign-in page's 钉钉登录 goes through the fake's login page (DINGTALK_LOGIN_BASE).

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
const TEST_TIMEOUT = 240_000;
const DINGTALK_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.6.10) com.laiwang.DingTalk/34036866 Channel/201200 language/zh-Hans-CN';

/** The JSAPI's `dd` as a page sees it: ready, error, runtime.permission.requestAuthCode with callbacks. */
const JSAPI_STAND_IN = `
window.dd = {
  ready: function (callback) { setTimeout(callback, 0); },
  error: function () {},
  runtime: { permission: { requestAuthCode: function (options) {
    window.__dingtalkApp(options.corpId).then(function (answer) {
      if (answer.code) options.onSuccess({ code: answer.code }); else options.onFail(answer);
    }, function (error) { options.onFail({ errorMessage: String(error) }); });
  } } },
};`;

let app: TestYishi;
let fake: FakeDingtalk;
let browser: Browser;
/** How often a page fetched DingTalk's JSAPI file. */
let jsapiLoads = 0;

async function contextAs(dingtalkUser: string, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  fake.login.signedInUser = dingtalkUser;
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  await stayLocal(context);
  // Registered after stayLocal, so it answers first: the JSAPI's address gets the stand-in.
  await context.route(DINGTALK_JSAPI_URL, async (route) => {
    jsapiLoads += 1;
    await route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: JSAPI_STAND_IN });
  });
  await context.exposeBinding('__dingtalkApp', (_source, corpId: string) => fake.requestAuthCode(corpId));
  return context;
}

describe.skipIf(skip !== undefined)('signing in to the workbench with DingTalk in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    fake = await FakeDingtalk.start({ appKey: APP_KEY, appSecret: APP_SECRET, robotCode: ROBOT_CODE });
    app = await startTestYishi(import.meta.url, { env: dingtalkEnv(fake) });
    for (const member of [
      { name: '周干事', role: 'staff', dingtalkStaffId: 'ding-zhou' },
      { name: '吴委员', role: 'member', dingtalkStaffId: 'ding-wu' },
    ]) {
      const response = await app.api('/api/members', { method: 'POST', body: { sector: '无党派', ...member } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it(
    'inside DingTalk at 375 px: opening the workbench signs the member in without a click (免登) and shows the board',
    async () => {
      const context = await contextAs('ding-wu', {
        viewport: { width: 375, height: 740 },
        isMobile: true,
        hasTouch: true,
        userAgent: DINGTALK_UA,
      });
      const page = await context.newPage();
      const loadsBefore = jsapiLoads;
      await page.goto(`${app.url}/workbench/`);
      await page.waitForURL(/\/workbench\/opinions$/, WAIT);
      await expect.poll(() => page.getByTestId('signed-in-member').innerText(), WAIT).toContain('吴委员');
      expect(jsapiLoads).toBe(loadsBefore + 1);
      const menu = await page.getByRole('navigation').innerText();
      expect(menu).toContain('民意');
      expect(menu).not.toContain('活动');
      await screenshotAt(page, 'workbench-dingtalk-mianden');
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'inside DingTalk, someone who is no member is told so on the sign-in page and is not signed in',
    async () => {
      const context = await contextAs('ding-stranger', { viewport: { width: 375, height: 740 }, isMobile: true, userAgent: DINGTALK_UA });
      const page = await context.newPage();
      await page.goto(`${app.url}/workbench/`);
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await expect.poll(() => page.getByRole('alert').innerText(), WAIT).toContain('没有找到与您的账号对应的成员');
      await screenshotAt(page, 'workbench-dingtalk-refused');
      const session = await page.evaluate(async () => (await fetch('/api/session')).status);
      expect(session).toBe(401);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'on a desktop: no JSAPI is loaded, and 钉钉登录 goes through DingTalk’s login page to the board as that person',
    async () => {
      const context = await contextAs('ding-zhou', { viewport: { width: 1280, height: 800 } });
      const visited: string[] = [];
      context.on('request', (request) => {
        if (request.url().startsWith(fake.url)) visited.push(new URL(request.url()).pathname);
      });
      const page = await context.newPage();
      const loadsBefore = jsapiLoads;
      await page.goto(`${app.url}/workbench/`);
      await page.waitForURL(/\/workbench\/login$/, WAIT);
      await page.getByRole('link', { name: '钉钉登录' }).click();
      await page.waitForURL(/\/workbench\/opinions$/, WAIT);
      await expect.poll(() => page.getByTestId('signed-in-member').innerText(), WAIT).toContain('周干事');
      expect(visited).toEqual(['/oauth2/auth']);
      expect(jsapiLoads).toBe(loadsBefore);
      await expect.poll(() => page.getByRole('navigation').innerText(), WAIT).toContain('活动');
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
