import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, consoleChat } from '../platforms/console/console-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, screenshotAt, skipReason, stayLocal } from './browser.js';

// Issue 24 in a real browser: a member sends a 社情民意 report in chat; staff open it on the
// workbench's 社情民意 page, forward it to the city committee and record its adoption there, each
// after the preview; the member signs in and finds the adoption points on 我的履职, and staff find
// them on 履职积分. Screenshots at 1280 and 375 px.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
const TITLE = '关于老旧小区加装电梯难的情况反映';

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let ids: Record<string, string>;
let number: string;

async function signIn(context: BrowserContext, memberId: string): Promise<Page> {
  const answer = await chat.say(memberId, '工作台');
  const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(answer)?.[0];
  expect(link, answer).toBeDefined();
  const page = await context.newPage();
  await page.goto(link!);
  await page.waitForURL(/\/workbench\/opinions/, WAIT);
  return page;
}

async function newContext(width: number): Promise<BrowserContext> {
  const phone = width < 768;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 740 : 900 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  await stayLocal(context);
  return context;
}

/** Waits until nothing moves (a drawer sliding in, a panel opening), so a screenshot shows the page at rest. */
async function still(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate<number>("document.getAnimations().filter((animation) => animation.playState === 'running').length"), WAIT)
    .toBe(0);
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

/** One step in the drawer: the button, the level (and 批示), the preview, then 确认. */
async function step(page: Page, to: string, level: string, note?: string): Promise<string> {
  await page.getByTestId(`step-${to}`).click();
  const dialog = page.getByTestId('step-dialog');
  await dialog.waitFor(WAIT);
  await choose(page, 'step-level', level);
  if (note) await dialog.getByLabel('批示（可不填）').fill(note);
  await page.getByTestId('step-preview-button').click();
  const preview = await page.getByTestId('step-preview').innerText();
  await page.getByTestId('step-confirm').click();
  await dialog.waitFor({ state: 'hidden', ...WAIT });
  return preview;
}

describe.skipIf(skip !== undefined)('社情民意 and 履职积分 in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url);
    ids = {
      staff: await addMember(app, { name: '王主任', role: 'staff', sector: '中共' }),
      member: await addMember(app, { name: '安然', role: 'member', sector: '无党派' }),
    };
    chat = consoleChat(app);
    for (const line of [
      `社情民意 ${TITLE}`,
      '青石社区老旧小区没有电梯，老人上下楼难。',
      '建成早，没有预留井道，费用分摊难。',
      '一是财政补贴；二是简化审批。',
      '同界别',
    ])
      await chat.say(ids.member!, line);
    const sent = await chat.say(ids.member!, '确认');
    number = /SQ-\d{4}-\d{4}/.exec(sent)?.[0] ?? '';
    expect(number, sent).not.toBe('');
    expect(await chat.sayConfirmed(ids.staff!, `社情民意办理 ${number} 已编发`)).toContain('已编发');
    browser = await launchBrowser();
    // Generous: the first browser test of a run may build the web app (minutes on a loaded machine).
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('staff move a report to 已采用 by the city committee, and the member’s points page shows the adoption points', async () => {
    const desk = await newContext(1280);
    const page = await signIn(desk, ids.staff!);
    await page.getByRole('menuitem', { name: '社情民意' }).click();
    await page.waitForURL(/\/workbench\/social-reports/, WAIT);
    await page.getByTestId('report-table').getByText(TITLE).click();
    await page.getByTestId('report-drawer').waitFor(WAIT);
    expect(await page.getByTestId('report-state').innerText()).toBe('已编发');

    expect(await step(page, 'forwarded', '市政协')).toContain(`将把社情民意信息 ${number}《${TITLE}》（安然）改为：已上报市政协。`);
    await expect.poll(() => page.getByTestId('report-state').innerText(), WAIT).toBe('已上报市政协');
    const adopted = await step(page, 'adopted', '市政协', '请住建局研究落实');
    expect(adopted).toContain('改为：已被市政协采用（批示：请住建局研究落实）');
    expect(adopted).toContain('安然（报送人）');
    await expect.poll(() => page.getByTestId('report-state').innerText(), WAIT).toBe('已被市政协采用');
    await still(page);
    await screenshotAt(page, 'workbench-social-report-adopted');

    const report = (await app.api(`/api/social-reports/${number}`)).body as { state: string; level: string; instruction: string };
    expect(report).toMatchObject({ state: 'adopted', level: 'city', instruction: '请住建局研究落实' });

    // The list and the figures, as the office sees them.
    await page.keyboard.press('Escape');
    await page.getByTestId('report-drawer').waitFor({ state: 'hidden', ...WAIT });
    await expect.poll(() => page.getByTestId('report-table').innerText(), WAIT).toContain('已被市政协采用');
    await page.getByRole('tab', { name: '采用统计' }).click();
    await expect
      .poll(() => page.getByTestId('adoption-overall').innerText(), WAIT)
      .toMatch(/共报送\s*1\s*篇，被采用\s*1\s*篇，采用率\s*100\.0%/);
    await still(page);
    await screenshotAt(page, 'workbench-social-reports-stats');

    // 履职积分 for the office: in name order, the adoption behind the points.
    const year = /\d{4}/.exec(number)![0];
    const points = (await app.api(`/api/points/${ids.member}?period=${year}`)).body as { total: number };
    expect(points.total).toBe(7); // 报送 2 + 采用 5 under the default rules
    await page.getByRole('menuitem', { name: '履职积分' }).click();
    await page.waitForURL(/\/workbench\/points/, WAIT);
    const row = page.locator(`[data-member="${ids.member}"]`);
    await row.waitFor(WAIT);
    await row.getByRole('button').first().click();
    await expect.poll(() => row.innerText(), WAIT).toContain('社情民意被采用 1 项 × 5 分 = 5 分');
    await still(page);
    await screenshotAt(page, 'workbench-points');
    await desk.close();

    // The member, on a phone: their own points on 我的履职, and their report on 社情民意.
    const phone = await newContext(375);
    const own = await signIn(phone, ids.member!);
    await own.goto(new URL('/workbench/records', own.url()).toString());
    const mine = own.getByTestId('my-points');
    await expect.poll(() => own.getByTestId('my-points-total').innerText(), WAIT).toBe(`${year}年共 ${points.total} 分`);
    expect(await mine.innerText()).toContain('社情民意被采用 1 项 × 5 分 = 5 分');
    expect(await mine.innerText()).toContain(`${number}（`);
    expect(await own.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshotAt(own, 'workbench-my-points');
    await own.goto(new URL('/workbench/social-reports', own.url()).toString());
    await expect.poll(() => own.getByTestId('report-cards').innerText(), WAIT).toContain('已被市政协采用');
    expect(await own.getByTestId('member-filter').count()).toBe(0);
    expect(await own.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshotAt(own, 'workbench-social-reports');
    await phone.close();

    // The office's pages at a phone's width too.
    const staffPhone = await newContext(375);
    const small = await signIn(staffPhone, ids.staff!);
    await small.goto(new URL('/workbench/social-reports', small.url()).toString());
    await small.getByTestId('report-cards').getByText(TITLE).waitFor(WAIT);
    expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await small.getByTestId('report-cards').getByText(TITLE).click();
    await small.getByTestId('report-drawer').waitFor(WAIT);
    await still(small);
    await screenshotAt(small, 'workbench-social-report-adopted');
    await small.goto(new URL('/workbench/points', small.url()).toString());
    await small.locator(`[data-member="${ids.member}"]`).waitFor(WAIT);
    expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshotAt(small, 'workbench-points');
    await small.getByRole('tab', { name: '积分规则' }).click();
    await small.getByTestId('points-rules').locator('table').waitFor(WAIT);
    expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshotAt(small, 'workbench-points-rules');
    await staffPhone.close();
  }, 300_000);
});
