import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { FakeWecomServer } from '../../fakes/wecom-server.js';
import { addCommunity, kfEventXml, notifyKf, OPEN_KFID, waitSynced } from '../../services/residents/kf-support.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { testStores } from '../../support/stores.js';
import { postToApp, VECTOR_A, wecomEnv } from './wecom-client.js';

const clock = new ManualClock('2026-03-02T01:00:00Z');
const stores = testStores(import.meta.url);
let fake: FakeWecomServer;
let yishi: TestYishi | undefined;

const start = () =>
  startTestYishi(import.meta.url, { env: wecomEnv(fake.url, { WECOM_KF_OPEN_KFID: OPEN_KFID }), clock, scheduler: 'manual', stores });
/** Every msgid the fake handed out, over all sync_msg calls. */
const readIds = () => fake.kf.syncCalls.flatMap((call) => call.returned);
const storedCursor = async (app: TestYishi) =>
  (await app.db.collection('kf_cursors').findOne({ _id: OPEN_KFID as never }))?.cursor as string | undefined;

beforeAll(async () => {
  fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret, clock });
  fake.kf.pageSize = 2;
});

afterAll(async () => {
  await yishi?.stop();
  await fake?.stop();
});

describe('kf/sync_msg with a cursor per open_kfid', () => {
  it('reads every page (has_more), answers each customer message once, and leaves servicer messages alone', async () => {
    yishi = await start();
    await addCommunity(yishi, '青石社区', 'qs01');
    fake.kf.customerSays(OPEN_KFID, 'wmOne', '进度');
    fake.kf.servicerSays(OPEN_KFID, 'wmOne', '您好，我是人工客服');
    fake.kf.customerSays(OPEN_KFID, 'wmTwo', '进度');
    const token = fake.kf.customerSays(OPEN_KFID, 'wmOne', '我的反映');
    await notifyKf(yishi, fake, token);

    expect(fake.kf.syncCalls.map((call) => [call.token, call.cursor === undefined, call.limit])).toEqual([
      [token, true, 2],
      [token, false, 2],
    ]);
    expect(readIds()).toHaveLength(4);
    expect(fake.kf.sentTo('wmOne')).toEqual([expect.stringContaining('还没有反映过'), expect.stringContaining('还没有反映过')]);
    expect(fake.kf.sentTo('wmTwo')).toHaveLength(1);
  });

  it('serialises two events that arrive together: nothing is read twice', async () => {
    const app = yishi!;
    const first = fake.kf.customerSays(OPEN_KFID, 'wmThree', '进度');
    const second = fake.kf.customerSays(OPEN_KFID, 'wmThree', '我的反映');
    const responses = await Promise.all([
      postToApp(app.url, kfEventXml(first), clock.now()),
      postToApp(app.url, kfEventXml(second), clock.now()),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await waitSynced(app, fake);
    expect(new Set(readIds()).size).toBe(readIds().length);
    expect(fake.kf.sentTo('wmThree')).toHaveLength(2);
  });

  it('survives a restart: the next instance goes on from the stored cursor, reading nothing twice and skipping nothing', async () => {
    const before = await storedCursor(yishi!);
    expect(before).toBe(fake.kf.cursorAtEnd(OPEN_KFID));
    await yishi!.stop();
    yishi = undefined;

    // Residents keep writing while Yishi is down.
    fake.kf.customerSays(OPEN_KFID, 'wmOne', '进度');
    fake.kf.customerSays(OPEN_KFID, 'wmFour', '进度');
    const token = fake.kf.customerSays(OPEN_KFID, 'wmFour', '我的反映');
    const callsBefore = fake.kf.syncCalls.length;

    yishi = await start();
    await notifyKf(yishi, fake, token);
    const afterRestart = fake.kf.syncCalls.slice(callsBefore);
    expect(afterRestart[0]!.cursor).toBe(before);
    expect(afterRestart.flatMap((call) => call.returned)).toHaveLength(3);
    expect(new Set(readIds()).size).toBe(readIds().length);
    expect(fake.kf.sentTo('wmOne')).toHaveLength(3);
    expect(fake.kf.sentTo('wmFour')).toHaveLength(2);
  });

  it('answers nothing twice even when a page is read again (a cursor lost in a crash)', async () => {
    const app = yishi!;
    const sent = fake.kf.sends.length;
    await app.db.collection('kf_cursors').deleteOne({ _id: OPEN_KFID as never });
    await notifyKf(app, fake, fake.kf.customerSays(OPEN_KFID, 'wmFive', '进度'));
    expect(fake.kf.syncCalls.at(-1)!.cursor).toBeDefined();
    expect(fake.kf.sends.slice(sent).map((s) => s.touser)).toEqual(['wmFive']);
  });
});
