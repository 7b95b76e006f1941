import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, consoleChat } from '../platforms/console/console-client.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { ensureWebBuilt, launchBrowser, screenshotAt, skipReason, stayLocal } from './browser.js';

// Issue 19, 名录 end to end in Chromium: the office's administrator signs in with the chat link
// 工作台, imports a member file with one bad row (the preview names the row and why, nothing is
// written), then a good file, and the members appear in the list.

const skip = skipReason();
if (skip) console.warn(skip);
const WAIT = { timeout: 60_000 };

let app: TestYishi;
let browser: Browser;
let chat: ReturnType<typeof consoleChat>;
let adminId: string;

const memberNames = async () => ((await app.api('/api/members')).body.items as Array<{ name: string }>).map((member) => member.name);

/** A page at `width` px signed in through a fresh 工作台 link, on the 名录 page. */
async function directoryAt(width: number): Promise<Page> {
  const answer = await chat.say(adminId, '工作台');
  const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=[\w-]+/.exec(answer)?.[0];
  expect(link, answer).toBeDefined();
  const phone = width < 768;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 740 : 800 },
    locale: 'zh-CN',
    isMobile: phone,
    hasTouch: phone,
  });
  await stayLocal(context);
  const page = await context.newPage();
  await page.goto(link!);
  await page.waitForURL(/\/workbench\/opinions/, WAIT);
  // The side menu's 名录 on a desktop; a phone folds the menu away, so it opens the address.
  if (phone) await page.goto(new URL('/workbench/members', link!).href);
  else await page.locator('.el-menu-item', { hasText: '名录' }).click();
  await page.waitForURL(/\/workbench\/members/, WAIT);
  await page.getByTestId('member-table').waitFor(WAIT);
  return page;
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
}

describe.skipIf(skip !== undefined)('名录 in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    app = await startTestYishi(import.meta.url);
    adminId = await addMember(app, { name: '周管理员', role: 'admin' });
    chat = consoleChat(app);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('previews a member file with one bad row without writing, then imports a good one', async () => {
    const page = await directoryAt(1280);
    const before = await memberNames();

    await page.getByTestId('member-import').click();
    await page.getByTestId('import-dialog').waitFor(WAIT);
    await chooseFile(
      page,
      '委员名单.csv',
      '姓名,界别,角色,电话\n孙委员,文艺界,委员,13800000001\n钱委员,文艺界,主席,\n吴委员,教育界,委员,\n',
    );
    const problems = page.getByTestId('import-problems');
    await problems.waitFor(WAIT);
    await expect.poll(() => problems.innerText(), WAIT).toContain('第3行：角色应当是委员、工作人员或管理员。');
    expect(await page.getByTestId('import-preview').innerText()).toContain('1 处错误，整个文件不会导入');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await screenshotAt(page, 'workbench-directory-import-preview');
    expect(await memberNames()).toEqual(before);

    await chooseFile(
      page,
      '委员名单.csv',
      '姓名,界别,角色,电话\n孙委员,文艺界,委员,13800000001\n钱委员,文艺界,工作人员,\n吴委员,教育界,委员,\n',
    );
    await expect.poll(() => page.getByTestId('import-preview').innerText(), WAIT).toContain('3 位成员，全部正确，可以导入');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden', ...WAIT });
    const table = page.getByTestId('member-table');
    await expect.poll(() => table.innerText(), WAIT).toContain('吴委员');
    expect(await table.innerText()).toContain('钱委员');
    expect(await memberNames()).toEqual([...before, '孙委员', '钱委员', '吴委员']);
    await screenshotAt(page, 'workbench-directory');
    await page.context().close();

    const phone = await directoryAt(375);
    await expect.poll(() => phone.getByTestId('member-table').innerText(), WAIT).toContain('吴委员');
    await screenshotAt(phone, 'workbench-directory');
    await phone.getByRole('tab', { name: '通知' }).click();
    await phone.getByTestId('notice-table').waitFor(WAIT);
    await screenshotAt(phone, 'workbench-directory-notices');
    await phone.context().close();
  }, 300_000);
});
