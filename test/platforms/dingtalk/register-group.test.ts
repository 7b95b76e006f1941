import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { insertNotice } from '../../scheduler/outbox-support.js';
import { ROBOT_CODE, eventually, postCallback, robotMessage } from './dingtalk-support.js';

describe('登记本群: staff register a DingTalk group chat as a notice channel, from inside it', () => {
  const clock = new ManualClock('2026-03-09T01:00:00Z');

  const { yishi: t, dingtalk: fake } = useScenario(import.meta.url, { dingtalk: true, clock, scheduler: 'manual' }, async () => {
    expect(
      (await t.api('/api/members', { body: { name: '王主任', sector: '中共', role: 'staff', dingtalkStaffId: 'staff-wang' } })).status,
    ).toBe(201);
    expect(
      (await t.api('/api/members', { body: { name: '张委员', sector: '工会', role: 'member', dingtalkStaffId: 'staff-zhang' } })).status,
    ).toBe(201);
  });

  /** Sends `text` to the robot (in the group unless `direct`) and returns its answer's text. */
  async function say(staffId: string, text: string, direct = false): Promise<string> {
    const before = fake.delivered.length;
    const group = { conversationType: '2', conversationId: 'cidGongHui==', conversationTitle: '工会界别群', isInAtList: true };
    const payload = robotMessage(fake, clock, { senderStaffId: staffId, text: { content: ` ${text}` }, ...(direct ? {} : group) });
    expect((await postCallback(t.url, payload, { now: clock.now().getTime() })).status).toBe(200);
    await eventually(() => fake.delivered.length > before, 'the answer');
    const body = fake.delivered[before]!.body as { text?: { content?: string }; markdown?: { text?: string } };
    return body.text?.content ?? body.markdown?.text ?? '';
  }

  it('creates the group with this chat as its channel, and notices to the group then reach the chat', async () => {
    expect(await say('staff-wang', '登记本群 工会')).toContain('已新建群“工会界别群”（编号 工会），并把本群登记为它的通知通道');
    const group = await t.api(`/api/groups/${encodeURIComponent('工会')}`);
    expect(group.body).toMatchObject({
      key: '工会',
      name: '工会界别群',
      channels: [{ platform: 'dingtalk', kind: 'group', openConversationId: 'cidGongHui==' }],
    });

    await insertNotice(t, { key: 'register-group:1', groupKey: '工会', text: '本周五下午工会界别协商议事会', dueAt: clock.now() });
    const before = fake.delivered.length;
    await t.tick();
    const sent = fake.delivered.slice(before).find((d) => d.channel === 'group');
    expect(sent?.body).toMatchObject({ openConversationId: 'cidGongHui==', robotCode: ROBOT_CODE });
    expect(JSON.stringify(sent?.body)).toContain('本周五下午工会界别协商议事会');
  });

  it('says so when the chat is already registered, and adds it to an existing group without touching its other channels', async () => {
    expect(await say('staff-wang', '登记本群 工会')).toContain('本群已经是“工会界别群”（编号 工会）的通知通道');
    const custom = { platform: 'dingtalk-custom-robot', kind: 'group', accessToken: 'office-robot-token' };
    expect((await t.api('/api/groups', { body: { key: 'staff', name: '政协办公室', channels: [custom] } })).status).toBe(201);
    expect(await say('staff-wang', '登记本群 staff')).toContain('已把本群登记为“政协办公室”（编号 staff）的通知通道');
    expect((await t.api('/api/groups/staff')).body.channels).toEqual([
      custom,
      { platform: 'dingtalk', kind: 'group', openConversationId: 'cidGongHui==' },
    ]);
    // A name given renames the group; a repeat without one leaves the name alone.
    expect(await say('staff-wang', '登记本群 staff 政协办公室工作群')).toContain('群名称已改为“政协办公室工作群”');
    expect((await t.api('/api/groups/staff')).body).toMatchObject({
      name: '政协办公室工作群',
      channels: [custom, { openConversationId: 'cidGongHui==' }],
    });
  });

  it('refuses a member, a direct chat and a bad key, politely and without changing the directory', async () => {
    const groupsBefore = (await t.api('/api/groups')).body;
    expect(await say('staff-zhang', '登记本群 工会')).toContain('只有工作人员和管理员可以使用');
    expect(await say('staff-wang', '登记本群 工会', true)).toContain('请在要登记的群里 @议事助手 发送这条命令');
    expect(await say('staff-wang', '登记本群 工会/界别')).toContain('不能作为群编号');
    expect((await t.api('/api/groups')).body).toEqual(groupsBefore);
  });
});
