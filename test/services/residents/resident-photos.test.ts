import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { TEST_ADMIN_TOKEN } from '../../support/yishi.js';
import { signIn } from '../../http/workbench/workbench-client.js';
import { register } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays, residentSendsPhoto } from './kf-support.js';

const clock = new ManualClock('2026-04-07T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** A few bytes that start like a JPEG; what matters is that they come back unchanged. */
const jpeg = (seed: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, seed), Buffer.from([0xff, 0xd9])]);

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '柳湾社区', 'lw01');
});

/** A resident reports (`what`: unlike any other report, or Yishi offers a +1) with photos and confirms; returns the opinion number. */
async function reportWithPhotos(userId: string, what: string, mediaIds: string[]): Promise<string> {
  await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'lw01').token);
  await residentSays(yishi, fake, userId, what);
  for (const mediaId of mediaIds) await residentSendsPhoto(yishi, fake, userId, mediaId);
  await residentSays(yishi, fake, userId, '没有了');
  await residentSays(yishi, fake, userId, '不用');
  const filed = await residentSays(yishi, fake, userId, '确认');
  const number = /MY-\d{4}-\d{6}/.exec(filed)?.[0];
  if (!number || !filed.includes('接下来')) throw new Error(`not filed: ${filed}`);
  return number;
}

async function photoBytes(
  number: string,
  index: number,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer; text: string }> {
  const response = await fetch(`${yishi.url}/api/opinions/${number}/photos/${index}`, {
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes,
    text: bytes.toString('utf8'),
  };
}

describe("residents' photos", () => {
  it('are downloaded from WeCom while it keeps them, and staff get them back byte for byte', async () => {
    fake.media.set('MEDIA_DRAIN_1', { bytes: jpeg(1), contentType: 'image/jpeg' });
    fake.media.set('MEDIA_DRAIN_2', { bytes: jpeg(2), contentType: 'image/png' });
    const number = await reportWithPhotos('wmPhotoA', '小区南门的下水道堵了，污水漫到路上', ['MEDIA_DRAIN_1', 'MEDIA_DRAIN_2']);

    // Filed, not yet downloaded: listed as waiting, and asking for one says so.
    const before = await yishi.api(`/api/opinions/${number}/photos`);
    expect(before.body).toMatchObject({
      total: 2,
      items: [
        { index: 1, state: 'waiting' },
        { index: 2, state: 'waiting' },
      ],
    });
    const early = await photoBytes(number, 1);
    expect(early.status).toBe(404);
    expect(early.text).toContain('还没从企业微信取回');

    await yishi.tick();
    const after = await yishi.api(`/api/opinions/${number}/photos`);
    expect(after.body.items).toEqual([
      expect.objectContaining({
        index: 1,
        state: 'kept',
        contentType: 'image/jpeg',
        size: jpeg(1).length,
        url: `/api/opinions/${number}/photos/1`,
      }),
      expect.objectContaining({
        index: 2,
        state: 'kept',
        contentType: 'image/png',
        size: jpeg(2).length,
        url: `/api/opinions/${number}/photos/2`,
      }),
    ]);
    const first = await photoBytes(number, 1);
    expect(first.status).toBe(200);
    expect(first.type).toBe('image/jpeg');
    expect(first.bytes.equals(jpeg(1))).toBe(true);
    expect((await photoBytes(number, 2)).bytes.equals(jpeg(2))).toBe(true);

    // Long after WeCom forgot the media ids, the photos are still ours; nothing is downloaded again.
    fake.media.clear();
    const calls = fake.mediaGetCalls;
    clock.advance(10 * DAY);
    await yishi.tick();
    expect(fake.mediaGetCalls).toBe(calls);
    expect((await photoBytes(number, 2)).bytes.equals(jpeg(2))).toBe(true);

    const missing = await photoBytes(number, 3);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('共有 2 张照片，没有第 3 张');
    expect((await fetch(`${yishi.url}/api/opinions/${number}/photos`)).status).toBe(401);

    // Staff signed in to the workbench see how many there are in the board's detail, and open them (counted from 1).
    const staff = await register(yishi, { name: '照片干事', sector: '机关', role: 'staff' });
    const desk = await signIn(yishi, staff.id);
    expect((await desk.call(`/api/opinions/${number}`)).body.photos).toBe(2);
    expect((await desk.call(`/api/opinions/${number}/photos/1`)).status).toBe(200);
  });

  it('are never served as a page: a file WeCom calls anything but an image is a download', async () => {
    fake.media.set('MEDIA_ODD', { bytes: Buffer.from('<html><script>alert(1)</script></html>'), contentType: 'text/html' });
    const number = await reportWithPhotos('wmPhotoD', '路口的红绿灯坏了，行人过马路很危险', ['MEDIA_ODD']);
    await yishi.tick();
    const odd = await photoBytes(number, 1);
    expect(odd.status).toBe(200);
    expect(odd.type).toBe('application/octet-stream');
    expect(odd.disposition).toContain('attachment');
  });

  it('says which photos are lost and why: unknown to WeCom at once, or not downloaded within its 3 days', async () => {
    fake.media.set('MEDIA_TREE_OK', { bytes: jpeg(3), contentType: 'image/jpeg' });
    fake.media.set('MEDIA_TREE_LATE', { bytes: jpeg(4), contentType: 'image/jpeg' });
    const number = await reportWithPhotos('wmPhotoB', '幼儿园门口那棵大树的枯枝快要掉下来了', [
      'MEDIA_TREE_OK',
      'MEDIA_TREE_GONE',
      'MEDIA_TREE_LATE',
    ]);

    // WeCom is busy for the first download; the second photo it does not know at all.
    fake.mediaGetBusy = 1;
    await yishi.tick();
    let items = (await yishi.api(`/api/opinions/${number}/photos`)).body.items;
    expect(items[0]).toMatchObject({
      state: 'waiting',
      lastError: expect.stringContaining('errcode -1'),
      reason: expect.stringContaining('每 10 分钟再试'),
    });
    expect(items[1]).toMatchObject({
      state: 'lost',
      lastError: expect.stringContaining('40007'),
      reason: expect.stringContaining('企业微信已经没有这张照片'),
    });
    expect(items[2]).toMatchObject({ state: 'kept' });

    // The next run gets the one that failed; the lost one is not asked for again.
    const calls = fake.mediaGetCalls;
    await yishi.tick();
    expect(fake.mediaGetCalls).toBe(calls + 1);
    items = (await yishi.api(`/api/opinions/${number}/photos`)).body.items;
    expect(items.map((item: { state: string }) => item.state)).toEqual(['kept', 'lost', 'kept']);
    const lost = await photoBytes(number, 2);
    expect(lost.status).toBe(404);
    expect(lost.text).toContain('无法查看：企业微信已经没有这张照片');

    // WeCom busy for longer than it keeps media: after 3 days the photo is reported lost.
    const late = await reportWithPhotos('wmPhotoC', '菜市场后面的垃圾站三天没人清运', ['MEDIA_LATE_ONLY']);
    fake.mediaGetBusy = 1_000;
    await yishi.tick();
    clock.advance(3 * DAY + 60_000);
    await yishi.tick();
    fake.mediaGetBusy = 0;
    const [only] = (await yishi.api(`/api/opinions/${late}/photos`)).body.items;
    expect(only).toMatchObject({ state: 'lost', reason: expect.stringContaining('只保存照片 3 天') });
  });
});
