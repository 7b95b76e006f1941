import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { ManualClock } from '../../src/core/clock.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from '../services/residents/kf-support.js';
import { opinionCount, register } from '../services/opinions/opinion-chat.js';
import { storedOutbox } from '../support/yishi.js';

const MINUTE = 60_000;
const clock = new ManualClock('2026-03-02T01:00:00Z');

const opinions = () => opinionCount(yishi);
const notices = async () => (await storedOutbox(yishi)).length;

/** One whole filing in plain words, as a resident who came from 青石社区's QR code does it. */
async function fileOne(userId: string, what: string): Promise<string> {
  expect(await residentSays(yishi, fake, userId, what)).toContain('地点：青石社区');
  expect(await residentSays(yishi, fake, userId, '没有')).toContain('手机号');
  expect(await residentSays(yishi, fake, userId, '不用')).toContain('请核对');
  return residentSays(yishi, fake, userId, '确认');
}

const { yishi, wecom: fake } = useScenario(
  import.meta.url,
  { kf: true, env: { RESIDENT_OPINIONS_PER_HOUR: '3' }, clock, scheduler: 'manual' },
  async () => {
    await addCommunity(yishi, '青石社区', 'qs01');
    await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    expect(
      (await yishi.api('/api/groups', { body: { key: 'staff', channels: [{ platform: 'console', kind: 'group', id: 'office' }] } })).status,
    ).toBe(201);
    for (const userId of ['wmBusy', 'wmNeighbour']) await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'qs01').token);
  },
);

describe('No limit for residents', () => {
  it('files three opinions in an hour, then answers the fourth politely: nothing filed, nobody notified', async () => {
    const problems = ['3号楼门口的路灯坏了', '小区东门的下水道堵了', '健身器材的螺丝松了', '垃圾桶三天没人清'];
    for (const [index, what] of problems.slice(0, 3).entries()) {
      expect(await fileOne('wmBusy', what)).toMatch(/MY-\d{4}-\d{6}/);
      clock.advance(MINUTE);
      expect(await opinions()).toBe(index + 1);
    }
    const [filed, notified] = [await opinions(), await notices()];

    const answer = await residentSays(yishi, fake, 'wmBusy', problems[3]!);
    expect(answer).toContain('一小时内已经反映了3件事');
    // The first of the three was filed at 9:00 Beijing time, so a slot frees at 10:00.
    expect(answer).toContain('10:00以后');
    expect(answer).not.toMatch(/MY-\d{4}-\d{6}/);
    // Nor does pressing on get anything filed: there is no draft to confirm.
    expect(await residentSays(yishi, fake, 'wmBusy', '确认')).not.toMatch(/MY-\d{4}-\d{6}/);
    expect(await opinions()).toBe(filed);
    expect(await notices()).toBe(notified);
  });

  it('counts each resident on their own', async () => {
    expect(await fileOne('wmNeighbour', '楼道的灯不亮了，晚上看不见')).toMatch(/MY-\d{4}-\d{6}/);
  });

  it('lets the resident report again once the hour has passed', async () => {
    clock.set('2026-03-02T02:00:30Z');
    expect(await fileOne('wmBusy', '垃圾桶三天没人清，味道很大')).toMatch(/MY-\d{4}-\d{6}/);
    expect(await residentSays(yishi, fake, 'wmBusy', '自行车棚的顶棚漏雨了')).toContain('一小时内已经反映了3件事');
  });
});
