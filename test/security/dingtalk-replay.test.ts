import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { ManualClock } from '../../src/core/clock.js';
import { deliveryStamp, eventually, postCallback, robotMessage, signFor } from '../platforms/dingtalk/dingtalk-support.js';

const MINUTE = 60_000;

describe.each([
  ['with Redis', true],
  ['in single-instance mode', false],
] as const)('DingTalk replay (%s)', (_mode, redis) => {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  const suffix = redis ? 'r' : 'm';
  const admin = `staff-admin-${suffix}`;
  const member = `staff-member-${suffix}`;
  const now = () => clock.now().getTime();
  const sessionText = () => fake.delivered.filter((d) => d.channel === 'session').map((d) => JSON.stringify(d.body));

  const { yishi: t, dingtalk: fake } = useScenario(import.meta.url, { dingtalk: true, clock, redis }, async () => {
    await t.db.collection('members').deleteMany({});
    await t.db.collection('inbound_messages').deleteMany({});
    for (const [name, role, staffId] of [
      [`管理员${suffix}`, 'admin', admin],
      [`要留下的委员${suffix}`, 'member', member],
    ] as const)
      expect((await t.api('/api/members', { body: { name, sector: '无党派', role, dingtalkStaffId: staffId } })).status).toBe(201);
  });

  it('refuses a captured (timestamp, sign) with another body: a forged admin never reaches 删除成员’s confirmation', async () => {
    // A member's ordinary message is seen in transit, headers and all.
    const timestamp = deliveryStamp(now());
    const sign = signFor(timestamp);
    const captured = robotMessage(fake, clock, { senderStaffId: member, text: { content: ' 帮助' } });
    expect((await postCallback(t.url, captured, { now: now(), timestamp, sign })).status).toBe(200);
    await eventually(() => sessionText().length === 1, 'the answer to the genuine message');

    clock.advance(10 * MINUTE);
    const forged = robotMessage(fake, clock, {
      senderStaffId: admin,
      senderNick: '管理员',
      isAdmin: true,
      text: { content: ` 删除成员 要留下的委员${suffix}` },
    });
    const replayed = await postCallback(t.url, forged, { now: now(), timestamp, sign });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('dingtalk_signature_replayed');
    expect(await t.db.collection('inbound_messages').countDocuments({ _id: `dingtalk:${forged.msgId as string}` as never })).toBe(0);

    // The same body under a pair of its own is what DingTalk would send: it does reach the confirmation.
    expect((await postCallback(t.url, forged, { now: now() })).status).toBe(200);
    await eventually(() => sessionText().length === 2, 'the confirmation question');
    expect(sessionText()[1]).toContain('要留下的委员');
    expect(sessionText().some((text) => text.includes('已停用'))).toBe(false);
  });

  it('answers a redelivery with the same pair and the same bytes once, through msgId dedup', async () => {
    const timestamp = deliveryStamp(now());
    const sign = signFor(timestamp);
    const message = robotMessage(fake, clock, { senderStaffId: member, text: { content: ' 帮助' } });
    const before = sessionText().length;
    expect((await postCallback(t.url, message, { now: now(), timestamp, sign })).status).toBe(200);
    expect((await postCallback(t.url, message, { now: now(), timestamp, sign })).status).toBe(200);
    await eventually(() => sessionText().length > before, 'the answer');
    // 帮助 is read-only (issue 20): the fast dedup line, not the durable inbox, keeps the redelivery from a second answer.
    expect(await t.db.collection('inbound_messages').countDocuments({ _id: `dingtalk:${message.msgId as string}` as never })).toBe(0);
    // Another message later in the same hour under the same pair is still a replay.
    clock.advance(50 * MINUTE);
    const other = robotMessage(fake, clock, { senderStaffId: member, text: { content: ' 帮助' } });
    expect((await postCallback(t.url, other, { now: now(), timestamp, sign })).status).toBe(401);
    expect(sessionText().length).toBe(before + 1);
  });
});
