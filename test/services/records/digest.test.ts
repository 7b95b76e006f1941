import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { FakeWecomServer } from '../../fakes/wecom-server.js';
import { addMember, bj, HOUR, inbox, numberIn, say, sayConfirmed } from './records-support.js';

const clock = new ManualClock(bj('2026-11-23 09:00'));
let fake: FakeWecomServer;
let first: TestYishi;
let second: TestYishi;
let ids: Record<string, string>;

beforeAll(async () => {
  fake = await FakeWecomServer.start({ corpId: 'ww-digest', secret: 's', clock });
  const env = { WECOM_API_BASE: fake.url, COMMAND_RATE_PER_MINUTE: '10000' };
  first = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env });
  // A second instance on the same MongoDB and Redis: both run every job.
  second = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env, stores: first.stores });
  ids = {
    安然: await addMember(first, { name: '安然', sector: '无党派' }),
    程远: await addMember(first, { name: '程远', sector: '文艺界' }),
    静默: await addMember(first, { name: '静默', sector: '工会' }),
    staff: await addMember(first, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  expect((await first.api('/api/communities', { body: { name: '青石社区', keywords: [] } })).status).toBe(201);
  const group = await first.api('/api/groups', {
    body: { key: 'staff', name: '政协办公室', channels: [{ platform: 'wecom-group-robot', kind: 'group', webhookKey: 'office-robot' }] },
  });
  expect(group.status, JSON.stringify(group.body)).toBe(201);

  // The week of 11/23: two opinions from 安然; one accepted, handled by 程远 and resolved on time.
  const one = numberIn(await say(first, ids.安然!, '反映 青石社区东门路灯不亮，晚上出行不便 #青石社区'));
  numberIn(await say(first, ids.安然!, '反映 社区健身器材螺丝松动存在安全隐患 #青石社区'));
  clock.advance(HOUR);
  await sayConfirmed(first, ids.staff!, `受理 ${one}`);
  await sayConfirmed(first, ids.staff!, `分派 ${one} 程远`);
  clock.advance(2 * 24 * HOUR);
  await say(first, ids.程远!, `办结 ${one} 已更换灯泡`);
  await say(first, ids.程远!, '确认');
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await fake?.stop();
});

const both = (at: Date) => Promise.all([first.tick(at), second.tick(at)]);
// The office group also hears of each new opinion (text); the digest is the markdown and the image.
const robotPosts = () => fake.webhookRequests.filter((r) => r.key === 'office-robot' && r.errcode === 0 && r.body.msgtype !== 'text');

describe('the Monday digest', () => {
  it('waits for Monday at WEEKLY_DIGEST_TIME, then posts once — markdown and the chart — though two instances tick', async () => {
    await both(bj('2026-11-30 08:59'));
    expect(robotPosts()).toEqual([]);

    await both(bj('2026-11-30 09:00'));
    await both(bj('2026-11-30 09:10'));
    await first.tick(bj('2026-11-30 15:00'));
    const posts = robotPosts();
    expect(posts.map((p) => p.body.msgtype)).toEqual(['markdown', 'image']);
    const markdown = (posts[0]!.body.markdown as { content: string }).content;
    expect(markdown).toContain('议事周报（2026-11-23至2026-11-29）');
    expect(markdown).toContain('本周新收民意 2 件，受理 1 件，办结 1 件（按时 1 件）');
    expect(markdown).toContain('响应率 50.0%（1/2）');
    expect(markdown).toContain('按时办结率 100.0%（1/1）');
    expect(markdown).toContain('目前在办：已提交 1 件');
    expect(await first.db.collection('outbox').countDocuments({ idempotencyKey: 'digest:weekly:2026-W48' })).toBe(1);
  });

  it('sends a chart that is a real PNG of the expected size with several colours', async () => {
    const image = robotPosts().find((p) => p.body.msgtype === 'image')!.body.image as { base64: string; md5: string };
    const bytes = Buffer.from(image.base64, 'base64');
    expect(createHash('md5').update(bytes).digest('hex')).toBe(image.md5);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([800, 640]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(10);
  });

  it('stays silent on a Monday after a week in which nothing happened', async () => {
    const before = robotPosts().length;
    await both(bj('2026-12-14 09:30'));
    expect(robotPosts().length).toBe(before);
  });
});

describe('the monthly card', () => {
  it('goes to each member with a November record once, on 12/1 — not to members with nothing recorded', async () => {
    await both(bj('2026-12-01 08:00'));
    expect(await inbox(first, ids.程远!)).not.toContainEqual(expect.stringContaining('履职小结'));
    await both(bj('2026-12-01 09:00'));
    await both(bj('2026-12-01 09:05'));
    const cards = async (name: string) => (await inbox(first, ids[name]!)).filter((text) => text.includes('履职小结'));
    expect(await cards('程远')).toEqual([
      '程远，您好！这是您上个月的履职小结：\n程远（文艺界）2026年11月履职\n接待值班 0 次 · 参加活动 0 次\n反映民意 0 件 · 提交提案 0 件\n受理 0 件 · 办结 1 件（按时 1 件，当场 0 件）\n发送“我的履职”可随时查看。',
    ]);
    expect((await cards('安然')).map((text) => text.split('\n')[3])).toEqual(['反映民意 2 件 · 提交提案 0 件']);
    expect(await cards('静默')).toEqual([]);
    expect(await first.db.collection('outbox').countDocuments({ idempotencyKey: { $regex: '^card:' } })).toBe(2);
  });
});

describe('a rating withdrawn by 重新打开', () => {
  it('is not counted in the digest of the week it was given', async () => {
    clock.set(bj('2026-12-15 10:00'));
    const number = numberIn(await say(first, ids.安然!, '反映 青石社区西门的垃圾桶盖子坏了，风一吹垃圾满地 #青石社区'));
    await sayConfirmed(first, ids.staff!, `受理 ${number}`);
    await sayConfirmed(first, ids.staff!, `分派 ${number} 程远`);
    clock.advance(HOUR);
    await say(first, ids.程远!, `办结 ${number} 已换了新的垃圾桶`);
    await say(first, ids.程远!, '确认');
    clock.advance(HOUR);
    expect(await say(first, ids.安然!, `评价 ${number} 满意`)).toContain('满意');
    clock.advance(HOUR);
    expect(await sayConfirmed(first, ids.staff!, `重新打开 ${number} 新垃圾桶的盖子又被风吹掉了`)).toContain(number);

    await both(bj('2026-12-21 09:00'));
    const digests = robotPosts().filter((p) => p.body.msgtype === 'markdown');
    const markdown = (digests.at(-1)!.body.markdown as { content: string }).content;
    expect(markdown).toContain('议事周报（2026-12-14至2026-12-20）');
    expect(markdown).toContain('办结 1 件（按时 1 件），收到评价 0 件');
  });
});
