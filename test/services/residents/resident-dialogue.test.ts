import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addCommunity, residentSays, residentSendsPhoto } from './kf-support.js';

/**
 * The residents' filing is the bot's ordinary dialogue in the residents' conversation mode
 * (commands/residents/resident-file.ts): asked in plain words, without command hints, kept two
 * hours between answers (a member's dialogue: ten minutes), photos collected whenever they come.
 */
const clock = new ManualClock('2026-03-04T02:00:00Z');
const MINUTE = 60_000;

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
  await addCommunity(yishi, '东门社区', 'dm02');
});

describe("a resident's filing as a dialogue (no QR code: the community is asked)", () => {
  it('lists the communities without command hints, takes a photo at any step, and waits half an hour for the next answer', async () => {
    const list = await residentSays(yishi, fake, 'wmDialogA', '东门社区菜市场门口的地砖翘起来了，老人容易绊倒');
    expect(list).toContain('1. 东门社区');
    expect(list).toContain('2. 青石社区');
    expect(list).not.toContain('取消');
    expect(await residentSays(yishi, fake, 'wmDialogA', '西门')).toContain('没能对上');
    expect(await residentSays(yishi, fake, 'wmDialogA', '东门')).toContain('地点：东门社区');
    expect(await residentSendsPhoto(yishi, fake, 'wmDialogA', 'MEDIA_TILE_1')).toContain('共 1 张');
    expect(await residentSays(yishi, fake, 'wmDialogA', '好了')).toContain('手机号');
    clock.advance(30 * MINUTE);
    const again = await residentSendsPhoto(yishi, fake, 'wmDialogA', 'MEDIA_TILE_2');
    expect(again).toContain('共 2 张');
    expect(again).toContain('手机号');
    const summary = await residentSays(yishi, fake, 'wmDialogA', '不用');
    expect(summary).toContain('地点：东门社区');
    expect(summary).toContain('照片：2 张');
    expect(summary).toContain('回电：不需要');
    const filed = await residentSays(yishi, fake, 'wmDialogA', '没问题');
    const number = /MY-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(number, filed).toBeDefined();
    expect((await yishi.api(`/api/opinions/${number}`)).body.community).toBe('东门社区');
  });

  it('tells a resident back after more than two hours that the filing expired', async () => {
    expect(await residentSays(yishi, fake, 'wmDialogB', '青石社区3号楼的电梯又坏了，已经停了三天')).toContain('2. 青石社区');
    clock.advance(2 * 60 * MINUTE + MINUTE);
    expect(await residentSays(yishi, fake, 'wmDialogB', '1')).toContain('时间太久');
    expect(await residentSays(yishi, fake, 'wmDialogB', '1')).not.toContain('时间太久');
  });
});
