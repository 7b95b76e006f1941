import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { consoleChat } from '../platforms/console/console-client.js';
import { inbox, roster, setUpCommittee, STAFF_ROOM } from '../services/roster/roster-support.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, saveScreenshot, skipReason, stayLocal } from './browser.js';

// Issue 19, 值班 in a real browser: staff signs in through the chat link 工作台 on the first working
// day after 国庆节 2026, opens the 值班 page, generates October (国庆节 off, the 调休 Saturday on) after
// the server's preview, hands one shift to another member, and the API and that member's console inbox
// show the change. The server runs on a fixed clock (the browser's cookies keep real time).

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
// Thursday 2026-10-08, 08:30 in Beijing.
const clock = new ManualClock('2026-10-08T00:30:00Z');
const SIGN_IN_LINK = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/;

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let ids: Record<string, string>;

async function signedIn(page: Page): Promise<void> {
  const link = SIGN_IN_LINK.exec(await chat.say(ids['刘干事']!, '工作台'))?.[0];
  expect(link).toBeDefined();
  await page.goto(link!);
  await page.waitForURL(/\/workbench\/opinions/, WAIT);
}

/** Opens an Element Plus select and picks options in order, each once the list has finished opening. */
async function choose(page: Page, select: string, options: string[]): Promise<void> {
  await page.getByTestId(select).click();
  const item = (option: string) => page.locator('.el-select-dropdown__item:visible', { hasText: option }).first();
  await item(options[0]!).waitFor(WAIT);
  await expect.poll(() => page.locator('[class*="-enter-active"]').count(), WAIT).toBe(0);
  for (const option of options) {
    await item(option).click();
    await expect.poll(() => item(option).getAttribute('class'), WAIT).toMatch(/is-selected/);
  }
}

describe.skipIf(skip !== undefined)('the 值班 page in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
    ids = await setUpCommittee(app, ['张委员', '李委员', '王委员']);
    chat = consoleChat(app);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('generates October after showing its holidays, then hands one shift to another member, who is told', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    await stayLocal(context);
    const page = await context.newPage();
    await signedIn(page);
    await page.locator('.el-menu-item', { hasText: '排班' }).click();
    await expect.poll(() => page.getByTestId('today-duty').innerText(), WAIT).toContain('今天没有安排值班');
    await page.waitForURL(/\/workbench\/roster\?month=2026-10$/, WAIT);
    await page.getByTestId('month-empty').waitFor(WAIT);

    await page.getByTestId('open-generate').click();
    await page.getByTestId('generate-dialog').waitFor(WAIT);
    await choose(page, 'generate-members', ['张委员', '李委员', '王委员']);
    await page.getByLabel('值班地点').click(); // closes the member list
    await expect.poll(() => page.getByTestId('generate-order').innerText(), WAIT).toContain('张委员 → 李委员 → 王委员');
    await page.getByTestId('generate-half-days').click();
    await page.getByTestId('generate-preview-button').click();
    const special = page.getByTestId('generate-special-days');
    await special.waitFor(WAIT);
    expect(await special.innerText()).toContain('10月1日（周四） 不排班（国庆节·法定节假日）');
    expect(await special.innerText()).toContain('10月10日（周六） 上班（国庆节·调休上班）');
    expect(await roster(app, '2026-10-01', '2026-10-31')).toEqual([]);
    await saveScreenshot(page, 'workbench-roster-preview-1280');
    await page.getByTestId('generate-confirm').click();
    await page.getByTestId('generate-dialog').waitFor({ state: 'hidden', ...WAIT });

    const generated = await roster(app, '2026-10-01', '2026-10-31');
    expect(generated.length).toBeGreaterThan(0);
    expect(generated.some((shift) => shift.date === '2026-10-01')).toBe(false);
    expect(generated.filter((shift) => shift.date === '2026-10-10').map((shift) => shift.slot)).toEqual(['上午', '下午']);
    const target = generated.find((shift) => shift.date === '2026-10-12' && shift.slot === '上午')!;
    const newName = ['张委员', '李委员', '王委员'].find((name) => name !== target.memberName)!;

    const button = page.getByTestId('shift-2026-10-12-上午');
    await expect.poll(() => button.innerText(), WAIT).toContain(target.memberName);
    // Today's duty at the top, as chat's 值班 answers it.
    const today = (await chat.say(ids['张委员']!, '值班')).split('\n').slice(1);
    expect(today).toHaveLength(2);
    for (const line of today) expect(await page.getByTestId('today-duty').innerText()).toContain(line);
    await saveScreenshot(page, 'workbench-roster-1280');
    await button.click();
    await page.getByTestId('change-dialog').waitFor(WAIT);
    await choose(page, 'change-member', [newName]);
    await page.getByTestId('change-preview-button').click();
    const preview = page.getByTestId('change-preview');
    await preview.waitFor(WAIT);
    expect(await preview.innerText()).toContain(`10月12日（周一）上午（委员服务中心）的值班将由${target.memberName}改为${newName}。`);
    expect(await preview.innerText()).toContain('政协办公室工作群');
    await page.getByTestId('change-confirm').click();
    await page.getByTestId('change-dialog').waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => button.innerText(), WAIT).toContain(newName);

    const [changed] = (await roster(app, '2026-10-12', '2026-10-12')).filter((shift) => shift.slot === '上午');
    expect(changed).toMatchObject({ id: target.id, memberId: ids[newName], memberName: newName });
    const told = '工作人员已将10月12日（周一）上午（委员服务中心）的值班安排给您。';
    const delivered = async (to: string) => {
      await app.tick();
      return inbox(app, to);
    };
    await expect.poll(() => delivered(ids[newName]!), { timeout: 90_000, interval: 500 }).toContain(told);
    await expect
      .poll(() => delivered(STAFF_ROOM), { timeout: 90_000, interval: 500 })
      .toContain(`调班：10月12日（周一）上午 ${target.memberName} → ${newName}（工作人员调整）。`);
    await context.close();

    // The same month at a phone's width: one day under another, only the days with duty or a holiday.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await stayLocal(phone);
    const phonePage = await phone.newPage();
    await signedIn(phonePage);
    await phonePage.locator('.menu-toggle').click();
    await phonePage.locator('.el-menu-item', { hasText: '排班' }).click();
    await phonePage.getByTestId('shift-2026-10-12-上午').waitFor(WAIT);
    expect(await phonePage.getByTestId('shift-2026-10-12-上午').innerText()).toContain(newName);
    const width = await phonePage.locator('html').evaluate((html) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await saveScreenshot(phonePage, 'workbench-roster-375');
    await phone.close();
  }, 300_000);
});
