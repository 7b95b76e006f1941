import { expect } from 'vitest';
import { say } from '../../services/opinions/opinion-chat.js';
import type { TestYishi } from '../../support/yishi.js';

/** A browser's view of the workbench: its session cookie and CSRF token. */
export interface Browser {
  cookie: string;
  csrfToken: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on parsed JSON of many shapes
  call(path: string, init?: { method?: string; body?: unknown; csrf?: boolean }): Promise<{ status: number; body: any }>;
}

/** The sign-in link Yishi answered 工作台 with. */
export const linkIn = (reply: string): string => {
  const link = /https?:\/\/\S+\/workbench\/sign-in\?ticket=\S+/.exec(reply)?.[0];
  expect(link, reply).toBeDefined();
  return link!;
};

/** The `yishi_session=…` pair of a response's Set-Cookie, if any. */
export const sessionCookieOf = (response: Response): string | undefined =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((pair) => pair.startsWith('yishi_session=') && pair !== 'yishi_session=');

/** Opens a link as a browser would, without following redirects. */
export const open = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

/** A browser holding `cookie`: GET /api/session gives its CSRF token, which it sends on every non-GET unless told not to. */
export async function browserWith(yishi: TestYishi, cookie: string): Promise<Browser> {
  const call: Browser['call'] = async (path, init = {}) => {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const response = await fetch(`${yishi.url}${path}`, {
      method,
      headers: {
        cookie,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && init.csrf !== false ? { 'x-csrf-token': browser.csrfToken } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // HTML or empty: keep the text
    }
    return { status: response.status, body };
  };
  const browser: Browser = { cookie, csrfToken: '', call };
  const session = await call('/api/session');
  if (session.status === 200) browser.csrfToken = session.body.csrfToken as string;
  return browser;
}

/** Signs a member in the way a person does: 工作台 in a direct console chat, then the link. */
export async function signIn(yishi: TestYishi, memberId: string): Promise<Browser> {
  const response = await open(linkIn(await say(yishi, memberId, '工作台')));
  expect(response.status).toBe(303);
  const cookie = sessionCookieOf(response);
  expect(cookie).toBeDefined();
  return browserWith(yishi, cookie!);
}
