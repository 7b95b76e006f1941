import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleChat, addMember } from '../platforms/console/console-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, saveScreenshot, skipReason, stayLocal } from './browser.js';

// Issue 19, end to end in a real browser: opinions are filed and handled in the console chat, staff
// signs in with the chat link 工作台, opens 统计 and reads the five rates per sector, community and
// member; every figure on the page equals the records API's, to the digit. Then one member's 履职档案.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };
const KEYS = ['response', 'onTime', 'resolution', 'satisfaction', 'participation'] as const;

interface Ratio {
  num: number;
  den: number;
  percent: string | null;
}
type Rates = Partial<Record<(typeof KEYS)[number], Ratio>>;

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let ids: Record<string, string>;

/** A rate as the page shows it: `66.7%（2/3）`, or `—（0/0）` over nothing. */
const shown = (ratio: Ratio) => `${ratio.percent ?? '—'}（${ratio.num}/${ratio.den}）`;

/** Every rate of `rows` in the table `testid` equals the API's (and nothing more is shown). */
async function expectTable(page: Page, testid: string, rows: Array<{ key: string; rates: Rates }>): Promise<void> {
  const table = page.getByTestId(testid);
  await table.waitFor(WAIT);
  for (const row of rows) {
    for (const key of KEYS) {
      const ratio = row.rates[key];
      const cell = table.locator(`[data-row="${row.key}"][data-rate="${key}"]`);
      if (!ratio) {
        expect(await cell.count(), `${testid} ${row.key} ${key}`).toBe(0);
        continue;
      }
      expect((await cell.innerText()).replace(/\s+/g, ''), `${testid} ${row.key} ${key}`).toBe(shown(ratio));
    }
  }
  expect(await table.locator('[data-rate="response"]').count(), testid).toBe(rows.length);
}

async function signIn(page: Page): Promise<void> {
  const answer = await chat.say(ids.staff!, '工作台');
  const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(answer)?.[0];
  expect(link, answer).toBeDefined();
  await page.goto(link!);
  await page.waitForURL(/\/workbench\/opinions/, WAIT);
}

describe.skipIf(skip !== undefined)('the statistics page in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url);
    ids = {
      staff: await addMember(app, { name: '王主任', role: 'staff', sector: '中共' }),
      handler: await addMember(app, { name: '李委员', role: 'member', sector: '文艺界' }),
      filer: await addMember(app, { name: '张委员', role: 'member', sector: '无党派' }),
      quiet: await addMember(app, { name: '赵委员', role: 'member', sector: '无党派' }),
    };
    for (const name of ['青石社区', '柳岸村'])
      expect((await app.api('/api/communities', { body: { name, keywords: [] } })).status).toBe(201);
    chat = consoleChat(app);

    // One opinion accepted, assigned, resolved and rated; one from a resident assigned and still open; one waiting.
    const first = /MY-\d{4}-\d{6}/.exec(await chat.say(ids.filer!, '反映 青石社区北门的路灯坏了一周了 #青石社区'))![0];
    await chat.sayConfirmed(ids.staff!, `受理 ${first}`);
    await chat.sayConfirmed(ids.staff!, `分派 ${first} 李委员`);
    expect(await chat.sayConfirmed(ids.handler!, `办结 ${first} 已联系供电所换了灯泡`)).toContain(first);
    expect(await chat.say(ids.filer!, `评价 ${first} 满意`)).toContain(first);
    const second = /MY-\d{4}-\d{6}/.exec(await chat.say('resident:王阿姨', '反映 柳岸村村口的垃圾没人清运 #柳岸村'))![0];
    await chat.sayConfirmed(ids.staff!, `受理 ${second}`);
    await chat.sayConfirmed(ids.staff!, `分派 ${second} 张委员`);
    expect(/MY-\d{4}-\d{6}/.exec(await chat.say('resident:李大爷', '反映 青石社区广场的健身器材松动了 #青石社区'))).not.toBeNull();
    browser = await launchBrowser();
    // Generous: the first browser test of a run may build the web app (minutes on a loaded machine).
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the same five rates as GET /api/records/rates, per sector, community and member, and a member’s record', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    await stayLocal(context);
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.waitForURL(/\/workbench\/statistics/, WAIT);
    await page.getByTestId('rates-sector').waitFor(WAIT);

    const api = await app.api('/api/records/rates?period=本月');
    expect(api.status).toBe(200);
    const body = api.body as {
      overall: Rates;
      bySector: Array<{ name: string; rates: Rates }>;
      byCommunity: Array<{ name: string; rates: Rates }>;
      byMember: Array<{ id: string; name: string; rates: Rates }>;
    };
    // The figures are not all empty: the page is compared with something.
    expect(body.overall.response).toMatchObject({ num: 2, den: 3 });
    expect(body.byMember.find((m) => m.id === ids.handler)!.rates.onTime).toMatchObject({ den: 1 });

    await expectTable(page, 'rates-overall', [{ key: 'overall', rates: body.overall }]);
    await expectTable(
      page,
      'rates-sector',
      body.bySector.map((s) => ({ key: s.name, rates: s.rates })),
    );
    await page.locator('[data-testid="rates-chart"] svg').first().waitFor(WAIT);
    await saveScreenshot(page, 'workbench-statistics-1280');

    await page.getByRole('tab', { name: '按村/社区' }).click();
    await expectTable(
      page,
      'rates-community',
      body.byCommunity.map((c) => ({ key: c.name, rates: c.rates })),
    );
    await page.getByRole('tab', { name: '按委员' }).click();
    await expectTable(
      page,
      'rates-member',
      body.byMember.map((m) => ({ key: m.id, rates: m.rates })),
    );
    await saveScreenshot(page, 'workbench-statistics-members-1280');

    // The export link answers an XLSX file to the signed-in staff (the session cookie, no token).
    const href = await page.getByTestId('export-member').getAttribute('href');
    const file = await page.request.get(new URL(href!, page.url()).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    await page.getByRole('link', { name: '查看履职档案：李委员' }).click();
    await page.waitForURL(new RegExp(`/workbench/statistics/members/${ids.handler}`), WAIT);
    await page.getByTestId('member-summary').waitFor(WAIT);
    const record = (await app.api(`/api/records/members/${ids.handler}?period=本月`)).body as {
      summary: { resolved: number };
      rates: Rates;
    };
    expect(record.summary.resolved).toBe(1);
    expect(await page.getByTestId('count-resolved').innerText()).toBe('1');
    await expectTable(page, 'member-rates', [{ key: ids.handler!, rates: record.rates }]);
    await saveScreenshot(page, 'workbench-member-record-1280');
    await context.close();

    // The same page at a phone's width.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await stayLocal(phone);
    const phonePage = await phone.newPage();
    await signIn(phonePage);
    await phonePage.goto(new URL('/workbench/statistics?period=本月', phonePage.url()).toString());
    await expectTable(phonePage, 'rates-overall', [{ key: 'overall', rates: body.overall }]);
    await phonePage.locator('[data-testid="rates-chart"] svg').first().waitFor(WAIT);
    expect(await phonePage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await saveScreenshot(phonePage, 'workbench-statistics-375');
    await phonePage.goto(new URL(`/workbench/statistics/members/${ids.handler}?period=本月`, phonePage.url()).toString());
    await phonePage.getByTestId('member-summary').waitFor(WAIT);
    await saveScreenshot(phonePage, 'workbench-member-record-375');
    await phone.close();
  }, 300_000);
});
