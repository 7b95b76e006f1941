import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { VECTOR_A } from '../../platforms/wecom/wecom-client.js';
import { register, say, sayConfirmed } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from './kf-support.js';

const clock = new ManualClock('2026-03-02T01:00:00Z');
const HOUR = 60 * 60 * 1000;
let staff: { id: string };
let handler: { id: string };

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
  expect(
    (await yishi.api('/api/groups', { body: { key: 'staff', channels: [{ platform: 'console', kind: 'group', id: 'office' }] } })).status,
  ).toBe(201);
});

/** kf/send_msg straight to the fake, as any client would call it. */
/** The probe uses its own kf account, so Yishi never syncs (and answers) the probe's messages. */
const PROBE_KFID = 'wkProbe0001';

async function sendDirect(touser: string, content: string): Promise<number> {
  const { access_token: token } = (await (
    await fetch(`${fake.url}/cgi-bin/gettoken?corpid=${VECTOR_A.corpId}&corpsecret=${VECTOR_A.secret}`)
  ).json()) as { access_token: string };
  const response = await fetch(`${fake.url}/cgi-bin/kf/send_msg?access_token=${token}`, {
    method: 'POST',
    body: JSON.stringify({ touser, open_kfid: PROBE_KFID, msgtype: 'text', text: { content } }),
  });
  return ((await response.json()) as { errcode: number }).errcode;
}

async function fileAs(userId: string, text: string): Promise<string> {
  await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'qs01').token);
  await residentSays(yishi, fake, userId, text);
  await residentSays(yishi, fake, userId, '没有');
  await residentSays(yishi, fake, userId, '不用');
  return /MY-\d{4}-\d{6}/.exec(await residentSays(yishi, fake, userId, '确认'))![0];
}

const refusedWindowSends = () => fake.kf.sends.filter((s) => s.errcode === 95001);
const held = (userId: string) => yishi.db.collection('kf_held_notices').find({ externalUserId: userId }).sort({ heldAt: 1 }).toArray();

describe("WeCom's 48 hours / 5 messages rule for 微信客服", () => {
  it('is enforced by the fake: a sixth message, a message after 48 hours and a session with a servicer are refused', async () => {
    fake.kf.customerSays(PROBE_KFID, 'wmProbe', '你好');
    for (let i = 1; i <= 5; i += 1) expect(await sendDirect('wmProbe', `第${i}条`)).toBe(0);
    expect(await sendDirect('wmProbe', '第6条')).toBe(95001);
    fake.kf.customerSays(PROBE_KFID, 'wmProbe', '还在吗');
    expect(await sendDirect('wmProbe', '新的一条')).toBe(0);
    clock.advance(48 * HOUR);
    expect(await sendDirect('wmProbe', '两天后')).toBe(95001);
    fake.kf.customerSays(PROBE_KFID, 'wmProbe', '我又来了');
    fake.kf.setSessionState(PROBE_KFID, 'wmProbe', 3);
    expect(await sendDirect('wmProbe', '人工接待中')).toBe(95018);
    fake.kf.sends.length = 0;
  });

  it('never sends a sixth message: the progress notice that would take the slot the result needs is held, and goes out when the resident writes again', async () => {
    const number = await fileAs('wmResidentC', '小区北门的井盖松动了，踩上去会晃');
    expect(await sayConfirmed(yishi, staff.id, `受理 ${number}`)).toContain('已受理');
    await yishi.tick();
    expect(await sayConfirmed(yishi, staff.id, `分派 ${number} 李委员`)).toContain('李委员');
    await yishi.tick();
    expect(await sayConfirmed(yishi, handler.id, `受理 ${number}`)).toContain('开始办理');
    await yishi.tick();
    expect(await sayConfirmed(yishi, staff.id, `转协商 ${number}`)).toContain('协商');
    await yishi.tick();
    await say(yishi, staff.id, `办结 ${number} 已请物业加固井盖`);
    expect(await say(yishi, staff.id, '确认')).toContain('已办结');
    await yishi.tick();

    // The reply to 确认, 受理, 分派, 开始办理 and the result: 转协商 waits (notice-priority.ts).
    const sinceLastMessage = fake.kf.sentTo('wmResidentC').slice(-5);
    expect(sinceLastMessage[0]).toContain(number); // the reply to 确认
    expect(sinceLastMessage[4]).toContain('已请物业加固井盖');
    expect(refusedWindowSends()).toEqual([]);
    const waiting = await held('wmResidentC');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ state: 'held', kind: 'progress' });
    expect(waiting[0]!.text).toContain('提交政协协商');

    const answer = await residentSays(yishi, fake, 'wmResidentC', '进度');
    expect(answer).toContain(`${number}“小区北门的井盖松动了，踩上去会晃”`);
    expect(answer).toContain('您不在线时有以下消息');
    expect(answer).toContain('提交政协协商');
    expect((await held('wmResidentC'))[0]).toMatchObject({ state: 'sent' });
    expect(refusedWindowSends()).toEqual([]);
  });

  it('holds what comes more than 48 hours after the resident last wrote, tells the staff group after 48 more, and sends it when they write', async () => {
    const number = (await yishi.api('/api/opinions?state=resolved')).body.items[0].number as string;
    expect(await residentSays(yishi, fake, 'wmResidentC', '满意')).toContain('办结归档');
    await yishi.tick();
    const sentBefore = fake.kf.sentTo('wmResidentC').length;

    clock.advance(49 * HOUR);
    expect(await sayConfirmed(yishi, staff.id, `重新打开 ${number} 井盖又松了`)).toContain('重新打开');
    await yishi.tick();
    expect(fake.kf.sentTo('wmResidentC')).toHaveLength(sentBefore);
    expect(refusedWindowSends()).toEqual([]);
    expect((await held('wmResidentC')).filter((n) => n.state === 'held')).toHaveLength(1);

    const toStaff = () =>
      yishi.db
        .collection('outbox')
        .find({ 'recipient.groupKey': 'staff', 'message.text': { $regex: '未能送达' } })
        .toArray();
    clock.advance(47 * HOUR);
    await yishi.tick();
    expect(await toStaff()).toHaveLength(0);
    clock.advance(2 * HOUR);
    await yishi.tick();
    await yishi.tick();
    const told = await toStaff();
    expect(told).toHaveLength(1);
    expect(told[0]!.message.text).toContain(number);
    expect(told[0]!.message.text).not.toContain('wmResidentC');

    const answer = await residentSays(yishi, fake, 'wmResidentC', '你好');
    expect(answer).toContain('您不在线时有以下消息');
    expect(answer).toContain(number);
    expect(refusedWindowSends()).toEqual([]);
  });

  it('keeps a notice WeCom refuses because a servicer has the session (95018), and sends it later; an acknowledgement is dropped', async () => {
    const number = await fileAs('wmResidentD', '楼道里的灭火器过期了，一直没人换');
    fake.kf.setSessionState(OPEN_KFID, 'wmResidentD', 3);
    expect(await sayConfirmed(yishi, staff.id, `受理 ${number}`)).toContain('已受理');
    await yishi.tick();
    expect(fake.kf.sends.at(-1)).toMatchObject({ touser: 'wmResidentD', errcode: 95018 });
    expect(await held('wmResidentD')).toEqual([]);
    const dropped = await yishi.db.collection('outbox').findOne({ 'message.text': { $regex: `${number}.*已受理` } });
    expect(dropped).toMatchObject({ state: 'failed', lastError: expect.stringContaining('resident_notice_dropped') });
    expect(await sayConfirmed(yishi, staff.id, `分派 ${number} 李委员`)).toContain('李委员');
    await yishi.tick();
    expect((await held('wmResidentD')).map((n) => n.state)).toEqual(['held']);

    fake.kf.setSessionState(OPEN_KFID, 'wmResidentD', 1);
    const answer = await residentSays(yishi, fake, 'wmResidentD', '进度');
    expect(answer).toContain('您不在线时有以下消息');
    expect((await held('wmResidentD')).map((n) => n.state)).toEqual(['sent']);
  });
});
