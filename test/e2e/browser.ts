import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The workbench's end-to-end tests drive Debian's chromium (apt-get install chromium) through
// playwright-core; nothing downloads a browser. They run wherever /usr/bin/chromium exists, and
// always in CI (where a missing browser is a failure, not a skip).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** Why the browser tests cannot run here, or undefined when they can (or must: CI is set). */
export function skipReason(): string | undefined {
  if (existsSync(CHROMIUM) || process.env.CI) return undefined;
  return `workbench end-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH); CI is not set`;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'], timeout: 120_000 });
}

export { ensureWebBuilt } from '../support/build.js';

/** Keeps a browser context on this machine: any request to another host is aborted (no test reaches the internet). */
export async function stayLocal(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort('blockedbyclient'),
  );
}

/** Saves the whole page as test-artifacts/<name>.png (the name says the page and the width, e.g. `statistics-375`). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Saves the whole page as test-artifacts/<name>-<width>.png (the viewport's width: 1280 desktop, 375 phone). */
export async function screenshotAt(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-${page.viewportSize()?.width ?? 0}`);
}
