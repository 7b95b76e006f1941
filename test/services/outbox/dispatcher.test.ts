import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { contentOf, createGroup, insertNotice } from '../../scheduler/outbox-support.js';
import { useScenario } from '../../support/scenario.js';

describe('the outbox dispatcher', () => {
  const clock = new ManualClock('2026-03-06T10:00:00+08:00');
  const logLines: Array<Record<string, unknown>> = [];
  const outboxItem = (key: string) => t.db.collection('outbox').findOne({ idempotencyKey: key });
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
  });

  const { yishi: t, wecom: fake } = useScenario(
    import.meta.url,
    { wecom: true, clock, scheduler: 'manual', env: { LOG_LEVEL: 'info' }, logDestination: logs },
    async () => {
      await createGroup(t, 'staff', ['robot-staff'], '政协办公室');
    },
  );

  it('sends a notice for a member to their WeCom account through the app', async () => {
    const member = await t.api('/api/members', { body: { name: '张委员', sector: '无党派', role: 'member', wecomUserId: 'zhangwy' } });
    expect(member.status).toBe(201);
    await insertNotice(t, { key: 'member-note:1', memberId: member.body.id, text: '您有一条新的待办', dueAt: clock.now() });
    await t.tick();
    expect(fake.appMessages.map((m) => [m.touser, m.content])).toEqual([['zhangwy', '您有一条新的待办']]);
    expect((await outboxItem('member-note:1'))?.state).toBe('sent');
  });

  it('sends a notice for a member with no platform account to the console inbox', async () => {
    const member = await t.api('/api/members', { body: { name: '李委员', sector: '无党派', role: 'member' } });
    await insertNotice(t, { key: 'member-note:2', memberId: member.body.id, text: '请查收会议材料', dueAt: clock.now() });
    await t.tick();
    const inbox = await t.api(`/console/inbox?to=${member.body.id}`);
    expect(inbox.body.messages.map((m: { text: string }) => m.text)).toEqual(['请查收会议材料']);
  });

  it('fails a notice for an unknown group with a clear reason and a log line', async () => {
    await insertNotice(t, { key: 'unknown-group:1', groupKey: '不存在的群', text: '通知', dueAt: clock.now() });
    await t.tick();
    const item = await outboxItem('unknown-group:1');
    expect(item?.state).toBe('failed');
    expect(item?.lastError).toContain('group "不存在的群" does not exist');
    expect(logLines.find((line) => line.idempotencyKey === 'unknown-group:1')).toMatchObject({ level: 40 });
  });

  it('does not send a notice before it is due', async () => {
    await insertNotice(t, { key: 'later:1', groupKey: 'staff', text: '明天的通知', dueAt: new Date(clock.now().getTime() + 60 * 60_000) });
    await t.tick();
    expect((await outboxItem('later:1'))?.state).toBe('pending');
    expect(fake.delivered('robot-staff').map(contentOf)).not.toContain('明天的通知');
  });

  it('flags a robot removed from its group as broken, tells the staff group once, and stops using it', async () => {
    await createGroup(t, 'sector-c', ['robot-gone', 'robot-ok'], '民建界别群');
    fake.brokenKeys.add('robot-gone');
    await insertNotice(t, { key: 'broken:1', groupKey: 'sector-c', text: '第一条', dueAt: clock.now() });
    await insertNotice(t, { key: 'broken:2', groupKey: 'sector-c', text: '第二条', dueAt: clock.now() });
    await t.tick();

    const group = await t.api('/api/groups/sector-c');
    expect(group.body.channels[0]).toMatchObject({ webhookKey: 'robot-gone', broken: { reason: expect.stringContaining('93000') } });
    expect(group.body.channels[1].broken).toBeUndefined();
    expect(fake.delivered('robot-ok').map(contentOf)).toEqual(['第一条', '第二条']);
    expect((await outboxItem('broken:1'))?.state).toBe('sent');
    const staffNotes = fake
      .delivered('robot-staff')
      .map(contentOf)
      .filter((text) => text.includes('民建界别群'));
    expect(staffNotes).toHaveLength(1);
    expect(staffNotes[0]).toContain('PATCH /api/groups/sector-c');
    expect(fake.webhookRequests.filter((r) => r.key === 'robot-gone')).toHaveLength(1);

    // Fixing the channel through the API clears the flag, and the group is whole again.
    fake.brokenKeys.delete('robot-gone');
    await t.api('/api/groups/sector-c', {
      method: 'PATCH',
      body: {
        channels: [
          { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'robot-gone' },
          { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'robot-ok' },
        ],
      },
    });
    await insertNotice(t, { key: 'broken:3', groupKey: 'sector-c', text: '第三条', dueAt: clock.now() });
    await t.tick();
    expect(fake.delivered('robot-gone').map(contentOf)).toEqual(['第三条']);
  });

  it('reports the outbox depth on /metrics', async () => {
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/^yishi_outbox_depth 1$/m); // the notice due tomorrow
  });

  it('forgets claim-ledger entries older than a week in the nightly housekeeping', async () => {
    const claims = t.db.collection('outbox_claims');
    expect(await claims.countDocuments()).toBeGreaterThan(0);
    clock.advance(8 * 24 * 60 * 60_000);
    await t.tick();
    // Only the claims of this tick's own work (the notice due "tomorrow", now sent) remain.
    expect(await claims.countDocuments({ at: { $lt: new Date(clock.now().getTime() - 60_000) } })).toBe(0);
  });
});
