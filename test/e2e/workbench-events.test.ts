import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, consoleChat } from '../platforms/console/console-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, saveScreenshot, skipReason, stayLocal } from './browser.js';

// Issue 19's 活动 page, end to end in a real browser: an opinion filed in the console chat becomes a
// consultation topic; staff signs in with the chat link 工作台, creates an event with the form and
// records its outcome, picking that opinion; the opinion is resolved and its filer told in chat.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
const TITLE = '助推养老服务提质专题协商';

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let ids: Record<string, string>;

async function inbox(to: string): Promise<string> {
  const response = await app.api(`/console/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.messages as Array<{ text: string }>).map((message) => message.text).join('\n');
}

/** Beijing wall-clock time `minutes` from now, as a datetime-local input takes it. */
const beijingInput = (minutes: number) => new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(0, 16);

async function signInLink(): Promise<string> {
  const answer = await chat.say(ids.staff!, '工作台');
  const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(answer)?.[0];
  expect(link, answer).toBeDefined();
  return link!;
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

describe.skipIf(skip !== undefined)('the 活动 page in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url);
    ids = {
      staff: await addMember(app, { name: '王主任', role: 'staff', sector: '中共' }),
      filer: await addMember(app, { name: '张委员', role: 'member', sector: '文艺界' }),
    };
    chat = consoleChat(app);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates an event with the form and records its outcome, settling an opinion filed in chat', async () => {
    const filed = await chat.say(ids.filer!, '反映 青石社区老人多，附近没有助餐点，吃饭很不方便');
    const number = /MY-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(number, filed).toBeDefined();
    expect(await chat.sayConfirmed(ids.staff!, `受理 ${number}`)).toContain('已受理');
    expect(await chat.sayConfirmed(ids.staff!, `分级 ${number} 复杂`)).toContain('复杂');
    expect(await chat.sayConfirmed(ids.staff!, `转协商 ${number}`)).toContain('协商议题');

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto(await signInLink());
    await page.waitForURL(/\/workbench\/opinions/, WAIT);
    await page.getByRole('menuitem', { name: '活动' }).click();
    await page.waitForURL(/\/workbench\/events/, WAIT);

    // The form: Beijing time typed in a browser set to London; the meeting began an hour ago.
    await page.getByTestId('new-event').click();
    await page.getByTestId('event-form').getByLabel('活动名称').fill(TITLE);
    await choose(page, 'event-sectors', '文艺界');
    await page.getByLabel('开始时间（北京时间）').fill(beijingInput(-60));
    await page.getByLabel('结束时间（北京时间）').fill(beijingInput(60));
    await page.getByTestId('event-form').getByLabel('地点').fill('区政协协商议事厅');
    await page.getByTestId('event-save').click();
    const detail = page.getByTestId('event-detail');
    await detail.waitFor(WAIT);
    await expect.poll(() => detail.innerText(), WAIT).toContain(TITLE);
    expect(await detail.innerText()).toContain(beijingInput(-60).replace('T', ' '));

    await page.getByTestId('event-outcome').click();
    await page.locator('textarea[aria-label="结果内容"]').fill('会议商定由街道在青石社区增设老年助餐点，4月底前投入使用');
    await choose(page, 'outcome-opinions', number!);
    await page.getByTestId('outcome-preview-button').click();
    const preview = page.getByTestId('outcome-preview');
    await preview.waitFor(WAIT);
    expect(await preview.innerText()).toContain(`${number} 的反映人`);
    await page.getByTestId('outcome-confirm').click();
    const report = page.getByTestId('outcome-report');
    await report.waitFor(WAIT);
    expect(await report.innerText()).toContain(`已按本次结果办结：${number}`);
    await page.getByTestId('outcome-close').click();
    await expect.poll(() => detail.getByTestId('event-outcome-text').innerText(), WAIT).toContain('老年助餐点');
    await saveScreenshot(page, 'workbench-events-detail-1280');
    await page.keyboard.press('Escape');
    await page.getByTestId('event-table').getByText(TITLE).waitFor(WAIT);
    await saveScreenshot(page, 'workbench-events-1280');
    await context.close();

    // Through the API and the filer's console inbox: resolved, and told with the outcome.
    const opinion = await app.api(`/api/opinions/${number}`);
    expect(opinion.body.state).toBe('resolved');
    await expect
      .poll(() => inbox(ids.filer!), { timeout: 90_000, interval: 500 })
      .toMatch(new RegExp(`${number} 已办结[\\s\\S]*老年助餐点`));

    // The same page at a phone's width: cards instead of the table.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await stayLocal(phone);
    const phonePage = await phone.newPage();
    await phonePage.goto(await signInLink());
    await phonePage.waitForURL(/\/workbench\/opinions/, WAIT);
    await phonePage.goto(phonePage.url().replace(/\/opinions.*$/, '/events'));
    await phonePage.getByTestId('event-cards').getByText(TITLE).waitFor(WAIT);
    await saveScreenshot(phonePage, 'workbench-events-375');
    await phonePage.getByTestId('event-cards').getByText(TITLE).click();
    await phonePage.getByTestId('event-detail').getByText('报名与签到').waitFor(WAIT);
    // The drawer slides in: at a phone's width it covers the whole screen once it has arrived.
    const heading = phonePage.getByTestId('event-detail').getByText('报名与签到');
    await expect.poll(async () => (await heading.boundingBox())?.x ?? -1, WAIT).toBeLessThan(40);
    await saveScreenshot(phonePage, 'workbench-events-detail-375');
    await phonePage.keyboard.press('Escape');
    await phonePage.getByTestId('event-detail').waitFor({ state: 'hidden', ...WAIT });
    await phonePage.getByTestId('new-event').click();
    await phonePage.getByTestId('event-form').getByLabel('活动名称').waitFor(WAIT);
    await saveScreenshot(phonePage, 'workbench-events-form-375');
    await phone.close();
  }, 300_000);
});
