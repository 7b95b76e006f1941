import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { register, say, sayConfirmed } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays, residentSendsPhoto } from './kf-support.js';

// Erasing a resident who came through 微信客服 takes out what the channel keeps of them too:
// their photos, their send allowance and held notices, and the platform identity itself.
const clock = new ManualClock('2026-04-07T02:00:00Z');
const USER = 'wmEraseMe';
const NUMBER = /MY-\d{4}-\d{6}/;
let staffId: string;

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '柳湾社区', 'lw01');
  staffId = (await register(yishi, { name: '刘干事', sector: '机关', role: 'staff' })).id;
});

/** The resident scans the community's code, reports with a photo and leaves a name and phone. */
async function reportWithPhotoAndContact(): Promise<string> {
  fake.media.set('MEDIA_ERASE_1', { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]), contentType: 'image/jpeg' });
  await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, USER, 'lw01').token);
  await residentSays(yishi, fake, USER, '柳湾小区后门的围墙裂了一道大缝，怕塌下来砸到人');
  await residentSendsPhoto(yishi, fake, USER, 'MEDIA_ERASE_1');
  await residentSays(yishi, fake, USER, '没有了');
  await residentSays(yishi, fake, USER, '我姓王，电话13912345678');
  const filed = await residentSays(yishi, fake, USER, '确认');
  const number = NUMBER.exec(filed)?.[0];
  if (!number) throw new Error(`not filed: ${filed}`);
  return number;
}

describe('erasing a resident who came through 微信客服', () => {
  it('takes out their photos, their channel records and their platform identity, and logs each', async () => {
    const number = await reportWithPhotoAndContact();
    await yishi.tick();
    expect((await yishi.api(`/api/opinions/${number}/photos`)).body).toMatchObject({ total: 1, items: [{ state: 'kept' }] });

    const erased = await yishi.api(`/api/residents/${number}/erase`, {
      method: 'POST',
      body: { reason: '居民来电要求删除个人信息', by: '值班员' },
    });
    expect(erased.status).toBe(201);
    expect(erased.body.erasure.erased).toEqual(
      expect.arrayContaining(['name', 'phone', 'address', 'identityKey', 'kf.photos (1)', 'kf.customer']),
    );

    // The photo is gone, bytes and all.
    expect((await yishi.api(`/api/opinions/${number}/photos`)).body).toMatchObject({ total: 0, items: [] });
    expect((await yishi.api(`/api/opinions/${number}/photos/1`)).status).toBe(404);
    // The opinion itself stays, with the resident's words and the phone masked.
    const opinion = (await yishi.api(`/api/opinions/${number}`)).body;
    expect(opinion.content).toContain('围墙裂了');
    expect(JSON.stringify(opinion)).not.toContain('13912345678');

    // Asking again finds nothing left to erase.
    const again = await yishi.api(`/api/residents/${number}/erase`, { method: 'POST', body: { reason: '重复' } });
    expect(again.body.outcome).toBe('already');

    // The same WeCom account writing again is a new resident: nothing of the old one is tied to it.
    expect(await residentSays(yishi, fake, USER, '我的反映怎么样了')).toContain('您还没有反映过事情');
  });

  it('sends nothing to an erased resident when their opinion is closed, and tells the office why', async () => {
    const other = 'wmEraseTwo';
    await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, other, 'lw01').token);
    await residentSays(yishi, fake, other, '柳湾社区东边的路灯一到晚上就一闪一闪的');
    await residentSays(yishi, fake, other, '没有了');
    await residentSays(yishi, fake, other, '不用');
    const number = NUMBER.exec(await residentSays(yishi, fake, other, '确认'))![0];
    expect((await yishi.api(`/api/residents/${number}/erase`, { method: 'POST', body: { reason: '本人申请' } })).status).toBe(201);

    const sentBefore = fake.kf.sentTo(other).length;
    expect(await sayConfirmed(yishi, staffId, `受理 ${number}`)).toContain('已受理');
    expect(await sayConfirmed(yishi, staffId, `分派 ${number} 刘干事`)).toContain('刘干事');
    await say(yishi, staffId, `办结 ${number} 已请供电所换了灯`);
    expect(await say(yishi, staffId, '确认')).toContain('已办结');
    await yishi.tick();

    expect(fake.kf.sentTo(other)).toHaveLength(sentBefore);
    const failed = (await yishi.api('/api/outbox/failed')).body.items as Array<{ reason: string; text: string }>;
    const reasons = failed.filter((item) => item.text.includes(number)).map((item) => item.reason);
    expect(reasons).toContain('该居民的个人信息已应其要求删除，无法再联系');
  });
});
