import { expect, vi } from 'vitest';
import type { FakeWecomServer } from '../../fakes/wecom-server.js';
import { postToApp, VECTOR_A } from '../../platforms/wecom/wecom-client.js';
import type { TestYishi } from '../../support/yishi.js';

/** The 微信客服 account of the tests (WECOM_KF_OPEN_KFID). */
export const OPEN_KFID = 'wkYishiTest0001';

/** The decrypted kf_msg_or_event WeCom sends to the app callback (protocols.md §4.1). */
export function kfEventXml(token: string, openKfId = OPEN_KFID, createTime = 1700000000): string {
  return `<xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[${token}]]></Token><OpenKfId><![CDATA[${openKfId}]]></OpenKfId></xml>`;
}

/** Signs and encrypts the kf event into /wecom/app, then waits until Yishi has synced everything queued. */
export async function notifyKf(yishi: TestYishi, fake: FakeWecomServer, token: string, openKfId = OPEN_KFID): Promise<void> {
  const response = await postToApp(yishi.url, kfEventXml(token, openKfId), yishi.clock.now());
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  await waitSynced(yishi, fake, openKfId);
}

/** The sync runs after the callback was acked: done when the stored cursor is at the end of the queue. */
export async function waitSynced(yishi: TestYishi, fake: FakeWecomServer, openKfId = OPEN_KFID): Promise<void> {
  const end = fake.kf.cursorAtEnd(openKfId);
  await vi.waitFor(
    async () => {
      expect(await yishi.repositories.kf.cursors.get(openKfId)).toBe(end);
    },
    { timeout: 10_000, interval: 20 },
  );
}

/** The resident writes; returns what Yishi sent them back (accepted kf/send_msg texts, joined). */
export async function residentSays(yishi: TestYishi, fake: FakeWecomServer, userId: string, text: string): Promise<string> {
  const before = fake.kf.sentTo(userId).length;
  await notifyKf(yishi, fake, fake.kf.customerSays(OPEN_KFID, userId, text));
  return fake.kf.sentTo(userId).slice(before).join('\n');
}

export async function residentSendsPhoto(yishi: TestYishi, fake: FakeWecomServer, userId: string, mediaId: string): Promise<string> {
  const before = fake.kf.sentTo(userId).length;
  await notifyKf(yishi, fake, fake.kf.customerSendsImage(OPEN_KFID, userId, mediaId));
  return fake.kf.sentTo(userId).slice(before).join('\n');
}

/** Adds a community through the admin API. */
export async function addCommunity(yishi: TestYishi, name: string, code?: string): Promise<{ id: string; name: string; code?: string }> {
  const { status, body } = await yishi.api('/api/communities', { body: { name, keywords: [], ...(code ? { code } : {}) } });
  expect(status).toBe(201);
  return body;
}
