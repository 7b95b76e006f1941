import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { register, say, sayConfirmed } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays, residentSendsPhoto } from './kf-support.js';

const clock = new ManualClock('2026-03-02T01:00:00Z');
let staff: { id: string };
const DAY = 24 * 60 * 60 * 1000;

const { yishi, wecom: fake } = useScenario(
  import.meta.url,
  { kf: true, env: { RESIDENT_CONTACT_RETENTION_DAYS: '30' }, clock, scheduler: 'manual' },
  async () => {
    await addCommunity(yishi, '青石社区', 'qs01');
    await addCommunity(yishi, '东门社区', 'dm02');
    staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    expect(
      (await yishi.api('/api/groups', { body: { key: 'staff', channels: [{ platform: 'console', kind: 'group', id: 'office' }] } })).status,
    ).toBe(201);
  },
);

describe('a resident files through 微信客服, from a community QR code', () => {
  it('welcomes, talks them through it, and tells them the number; the community comes from the QR scene', async () => {
    const entered = fake.kf.customerEnters(OPEN_KFID, 'wmResidentA', 'qs01');
    await notifyKf(yishi, fake, entered.token);
    expect(fake.kf.welcomes).toEqual([expect.objectContaining({ code: entered.welcomeCode, errcode: 0 })]);
    expect(fake.kf.welcomes[0]!.content).toContain('青石社区');

    expect(await residentSays(yishi, fake, 'wmResidentA', '3号楼门口的路灯坏了一个星期了，晚上很黑')).toContain('地点：青石社区');
    expect(await residentSendsPhoto(yishi, fake, 'wmResidentA', 'MEDIA_ID_LAMP_1')).toContain('照片收到了（共 1 张）');
    expect(await residentSays(yishi, fake, 'wmResidentA', '没有了')).toContain('手机号');
    expect(await residentSays(yishi, fake, 'wmResidentA', '138123')).toContain('手机号好像不对');
    const summary = await residentSays(yishi, fake, 'wmResidentA', '张先生 138-1234-5678');
    expect(summary).toContain('张** 138****5678');
    expect(summary).toContain('照片：1 张');
    expect(summary).not.toContain('13812345678');

    const filed = await residentSays(yishi, fake, 'wmResidentA', '确认');
    const number = /MY-\d{4}-\d{6}/.exec(filed)?.[0];
    expect(number, filed).toBeDefined();
    expect(filed).toContain('接下来');

    const { body: opinion } = await yishi.api(`/api/opinions/${number}`);
    expect(opinion).toMatchObject({ community: '青石社区', source: 'resident-service', state: 'submitted', filer: { kind: 'resident' } });
    expect(opinion.content).toContain('3号楼门口的路灯坏了');
    expect(JSON.stringify(opinion)).not.toContain('13812345678');
    const resident = await yishi.db.collection('residents').findOne({ identityKey: `wecom-kf:${OPEN_KFID}:wmResidentA` });
    expect(resident).toMatchObject({ name: '张先生', phone: '13812345678' });
    expect(await yishi.db.collection('kf_photos').findOne({ opinionNumber: number })).toMatchObject({ mediaId: 'MEDIA_ID_LAMP_1' });

    // The office group hears of it without the resident's name or phone.
    await yishi.tick();
    const staffNotice = await yishi.db.collection('outbox').findOne({ 'recipient.groupKey': 'staff', 'message.text': { $regex: number! } });
    expect(staffNotice?.message.text).not.toMatch(/13812345678|张先生/);
    expect(fake.kf.sends.every((s) => s.errcode === 0)).toBe(true);
  });

  it('offers a similar open opinion: "1" counts the resident in, "2" files their own', async () => {
    const lamp = (await yishi.api('/api/opinions?community=青石社区')).body.items[0].number as string;
    const fileSimilar = async (userId: string) => {
      await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'qs01').token);
      await residentSays(yishi, fake, userId, '3号楼门口的路灯又坏了，晚上很黑');
      await residentSays(yishi, fake, userId, '没有');
      await residentSays(yishi, fake, userId, '不用');
      return residentSays(yishi, fake, userId, '确认');
    };
    const offer = await fileSimilar('wmResidentE');
    expect(offer).toContain(`已经有居民反映过类似的事：${lamp}`);
    expect(await residentSays(yishi, fake, 'wmResidentE', '3')).toContain('请回复“1”');
    expect(await residentSays(yishi, fake, 'wmResidentE', '1')).toContain(`已经把您算进 ${lamp} 里了`);
    expect((await yishi.api(`/api/opinions/${lamp}`)).body.plusOnes.count).toBe(1);

    expect(await fileSimilar('wmResidentF')).toContain(lamp);
    const own = /MY-\d{4}-\d{6}/.exec(await residentSays(yishi, fake, 'wmResidentF', '2'))?.[0];
    expect(own).toBeDefined();
    expect(own).not.toBe(lamp);
    expect((await yishi.api(`/api/opinions/${own}`)).body.community).toBe('青石社区');
  });

  it('asks for the community with a numbered list when there is no scene, then follows the opinion to its rating', async () => {
    const list = await residentSays(yishi, fake, 'wmResidentB', '东门菜市场门口垃圾堆了好几天没人清');
    expect(list).toContain('1. 东门社区');
    expect(list).toContain('2. 青石社区');
    expect(await residentSays(yishi, fake, 'wmResidentB', '第9个')).toContain('没能对上');
    expect(await residentSays(yishi, fake, 'wmResidentB', '1')).toContain('地点：东门社区');
    expect(await residentSays(yishi, fake, 'wmResidentB', '没有')).toContain('需要我们打电话');
    expect(await residentSays(yishi, fake, 'wmResidentB', '不用')).toContain('回电：不需要');
    const number = /MY-\d{4}-\d{6}/.exec(await residentSays(yishi, fake, 'wmResidentB', '确认'))![0];
    expect((await yishi.api(`/api/opinions/${number}`)).body.community).toBe('东门社区');

    expect(await residentSays(yishi, fake, 'wmResidentB', '进度')).toContain(
      `${number}“东门菜市场门口垃圾堆了好几天没人清”：已收到，正在等待受理`,
    );
    expect(await residentSays(yishi, fake, 'wmResidentA', number)).toContain('没有找到您反映过的');

    expect(await sayConfirmed(yishi, staff.id, `受理 ${number}`)).toContain('已受理');
    await yishi.tick();
    expect(fake.kf.sentTo('wmResidentB').at(-1)).toContain(number);
    expect(await residentSays(yishi, fake, 'wmResidentB', number)).toContain('已受理，正在安排负责的同志');

    expect(await sayConfirmed(yishi, staff.id, `分派 ${number} 王主任`)).toContain('王主任');
    expect(await say(yishi, staff.id, `办结 ${number} 已联系环卫清运`)).toContain('将办结');
    expect(await say(yishi, staff.id, '确认')).toContain('已办结');
    await yishi.tick();
    expect(fake.kf.sentTo('wmResidentB').at(-1)).toContain('已联系环卫清运');

    const shown = await residentSays(yishi, fake, 'wmResidentB', number);
    expect(shown).toContain('已经办好了');
    expect(shown).toContain('满意');
    expect(await residentSays(yishi, fake, 'wmResidentB', '不满意，垃圾又堆起来了')).toContain(`${number} 已经退回重新办理`);
    expect((await yishi.api(`/api/opinions/${number}`)).body.state).toBe('in_progress');
    await say(yishi, staff.id, `办结 ${number} 已安排每日清运`);
    expect(await say(yishi, staff.id, '确认')).toContain('已办结');
    await yishi.tick();
    expect(await residentSays(yishi, fake, 'wmResidentB', '满意')).toContain(`${number} 已经办结归档`);
    expect((await yishi.api(`/api/opinions/${number}`)).body).toMatchObject({ state: 'closed', rating: 'satisfied' });
    expect(await residentSays(yishi, fake, 'wmResidentB', '满意')).toContain('没有等待您评价');
  });

  it("deletes a resident's name and phone RESIDENT_CONTACT_RETENTION_DAYS after their opinions are closed", async () => {
    const key = `wecom-kf:${OPEN_KFID}:wmResidentA`;
    const items = (await yishi.api('/api/opinions?community=青石社区')).body.items as Array<{ number: string; content: string }>;
    const number = items.find((o) => o.content.includes('一个星期'))!.number;
    expect(await sayConfirmed(yishi, staff.id, `受理 ${number}`)).toContain('已受理');
    expect(await sayConfirmed(yishi, staff.id, `分派 ${number} 王主任`)).toContain('王主任');
    await say(yishi, staff.id, `办结 ${number} 路灯已更换`);
    await say(yishi, staff.id, '确认');
    expect(await residentSays(yishi, fake, 'wmResidentA', '基本满意')).toContain('办结归档');

    clock.advance(29 * DAY);
    await yishi.tick();
    expect(await yishi.db.collection('residents').findOne({ identityKey: key })).toMatchObject({ phone: '13812345678' });
    clock.advance(2 * DAY);
    await yishi.tick();
    const erased = await yishi.db.collection('residents').findOne({ identityKey: key });
    expect(erased).not.toHaveProperty('phone');
    expect(erased).not.toHaveProperty('name');
    expect((await yishi.api(`/api/opinions/${number}`)).body.state).toBe('closed');
  });
});
