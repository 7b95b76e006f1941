import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleChat, addMember } from '../platforms/console/console-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ARTIFACTS, ensureWebBuilt, launchBrowser, skipReason, stayLocal } from './browser.js';

// Issue 18, end to end in a real browser: a member files an opinion in the console chat, staff asks
// for a sign-in link with 工作台, opens it in Chromium, finds the opinion on the board and accepts,
// grades and assigns it through the dialogs; the handler's console inbox then shows the notice.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let ids: Record<string, string>;

async function inbox(to: string): Promise<string> {
  const response = await app.api(`/console/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.messages as Array<{ text: string }>).map((message) => message.text).join('\n');
}

/** Runs one action through its dialog: open, fill, read the server's preview, confirm; returns the preview text. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<string> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('action-dialog');
  await dialog.waitFor(WAIT);
  if (fill) {
    await fill();
    await page.getByTestId('action-preview-button').click();
  }
  const preview = page.getByTestId('action-preview');
  await preview.waitFor(WAIT);
  const text = await preview.innerText();
  await page.getByTestId('action-confirm').click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
  return text;
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

describe.skipIf(skip !== undefined)('the workbench in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url);
    ids = {
      staff: await addMember(app, { name: '王主任', role: 'staff' }),
      handler: await addMember(app, { name: '李委员', role: 'member' }),
      filer: await addMember(app, { name: '张委员', role: 'member' }),
    };
    chat = consoleChat(app);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes an opinion filed in chat from the board through 受理, 分级 and 分派 to the handler’s inbox', async () => {
    const filed = await chat.say(ids.filer!, '反映 青石社区北门的路灯坏了一周了，晚上很黑');
    const number = /MY-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(number, filed).toBeDefined();

    const answer = await chat.say(ids.staff!, '工作台');
    const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(answer)?.[0];
    expect(link, answer).toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto(link!);
    await page.waitForURL(/\/workbench\/opinions/, WAIT);
    await expect.poll(() => page.getByTestId('signed-in-member').innerText(), WAIT).toContain('王主任');

    await page.getByLabel('搜索内容中的词').fill('路灯');
    await page.getByTestId('filter-search').click();
    const row = page.locator('.el-table__row', { hasText: number! });
    await row.waitFor(WAIT);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-board-1280.png'), fullPage: true });

    await row.click();
    const drawer = page.getByTestId('opinion-drawer');
    await drawer.getByTestId('drawer-content').waitFor(WAIT);
    await expect.poll(() => drawer.getByTestId('drawer-content').innerText(), WAIT).toContain('路灯');
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-drawer-1280.png') });

    // The contact is masked until 查看联系方式 (audited by the server, as in chat).
    const masked = await drawer.getByTestId('contact-value').innerText();
    await drawer.getByTestId('reveal-contact').click();
    await expect.poll(() => drawer.getByTestId('contact-value').innerText(), WAIT).toContain('张委员');
    expect(masked).not.toContain('张委员');

    const acceptPreview = await act(page, 'accept');
    expect(acceptPreview).toContain('将发生的变化');
    await expect.poll(() => drawer.getByTestId('drawer-state').innerText(), WAIT).toContain('受理');

    await act(page, 'grade', () => choose(page, 'param-grade', '一般'));
    await expect.poll(() => drawer.innerText(), WAIT).toContain('一般');

    const assignPreview = await act(page, 'assign', () => choose(page, 'param-handler', '李委员'));
    expect(assignPreview).toContain('李委员');
    await expect.poll(() => drawer.innerText(), WAIT).toContain('李委员');

    await expect.poll(() => inbox(ids.handler!), { timeout: 90_000, interval: 500 }).toContain(number!);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-drawer-after-assign-1280.png') });

    // The board polls /api/opinions/changes: an opinion filed meanwhile shows up without a click.
    const second = /MY-\d{4}-\d{6}/.exec(await chat.say(ids.filer!, '反映 青石社区南门的路灯也不亮了'))?.[0];
    expect(second).toBeDefined();
    await page.locator('.el-table__row', { hasText: second! }).waitFor(WAIT);
    await context.close();

    // The same board at a phone's width: cards instead of the table.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await stayLocal(phone);
    const phonePage = await phone.newPage();
    const again = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(await chat.say(ids.staff!, '工作台'))![0];
    await phonePage.goto(again);
    await phonePage.getByTestId('opinion-cards').getByText(number!).waitFor(WAIT);
    await phonePage.screenshot({ path: join(ARTIFACTS, 'workbench-board-375.png'), fullPage: true });
    await phone.close();
  }, 300_000);
});
