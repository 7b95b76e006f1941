import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { addMember, say, sayConfirmed } from './consultation-month-fixture.js';

const MINUTE = 60_000;

describe('报名, 取消报名 and 签到 on an event with few seats', () => {
  let t: TestYishi;
  const clock = new ManualClock('2025-09-20T10:00:00+08:00');
  let event: { id: string; number: number };
  const people: string[] = [];

  /** What the database holds for an event: its document, sign-ups and check-ins (oldest first). */
  const storedFor = async (number: number) => {
    const doc = (await t.db.collection('events').findOne({ number }))!;
    const eventId = doc._id.toHexString();
    const signups = await t.db.collection('event_signups').find({ eventId }).sort({ at: 1 }).toArray();
    const attendance = await t.db.collection('event_attendance').find({ eventId }).sort({ at: 1 }).toArray();
    return { ...doc, signups, attendance } as unknown as {
      state: string;
      outcome: unknown;
      signups: Array<{ memberId: string; seat: string }>;
      attendance: Array<{ memberId: string }>;
    };
  };
  const stored = () => storedFor(event.number);

  beforeAll(async () => {
    t = await startTestYishi(import.meta.url, { clock });
    for (const name of ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'])
      people.push(await addMember(t, { name: `委员${name}`, sector: '工会' }));
    const created = await t.api('/api/events', {
      body: {
        title: '新就业群体座谈会',
        sectors: ['工会'],
        startAt: '2025-09-24T14:30:00+08:00',
        endAt: '2025-09-24T16:30:00+08:00',
        place: '协商议事厅',
        capacity: 2,
      },
    });
    expect(created.status).toBe(201);
    event = created.body;
  });
  afterAll(async () => t?.stop());

  it('signs a member up once; a second 报名 is answered and stores nothing', async () => {
    expect(await say(t, people[0]!, `报名 ${event.number}`)).toContain('报名成功：新就业群体座谈会');
    expect(await say(t, people[0]!, `报名 ${event.number}`)).toBe(`您已经报名了“新就业群体座谈会”（编号 ${event.number}），无需重复报名。`);
    expect((await stored()).signups.map((s) => s.memberId)).toEqual([people[0]]);
  });

  it('refuses a sign-up beyond capacity clearly, storing nothing', async () => {
    expect(await say(t, people[1]!, `报名 ${event.number}`)).toContain('报名成功');
    expect(await say(t, people[2]!, `报名 ${event.number}`)).toBe(
      '很抱歉，“新就业群体座谈会”的 2 个名额已经报满，这次报名没有成功。如确需参加，请联系活动组织方。',
    );
    const doc = await stored();
    expect(doc.signups.map((s) => s.memberId)).toEqual([people[0], people[1]]);
  });

  it('never exceeds capacity when many sign up at once', async () => {
    const raced = await t.api('/api/events', {
      body: {
        title: '抢报测试',
        sectors: ['工会'],
        startAt: '2025-09-26T14:30:00+08:00',
        endAt: '2025-09-26T16:30:00+08:00',
        place: '协商议事厅',
        capacity: 3,
      },
    });
    const replies = await Promise.all(people.map((id) => say(t, id, `报名 ${raced.body.number}`)));
    expect(replies.filter((r) => r.includes('报名成功'))).toHaveLength(3);
    expect(replies.filter((r) => r.includes('已经报满'))).toHaveLength(people.length - 3);
    const doc = await storedFor(raced.body.number);
    expect(doc.signups).toHaveLength(3);
    expect(doc.signups.map((s) => s.seat).sort()).toEqual(['s1', 's2', 's3']);
  });

  it('frees the seat on 取消报名, and answers 取消报名 when not signed up', async () => {
    expect(await say(t, people[2]!, `取消报名 ${event.number}`)).toBe(`您还没有报名“新就业群体座谈会”（编号 ${event.number}），无需取消。`);
    expect(await say(t, people[1]!, `取消报名 ${event.number}`)).toBe('已为您取消“新就业群体座谈会”的报名，相关提醒也不会再发给您。');
    expect(await say(t, people[2]!, `报名 ${event.number}`)).toContain('报名成功');
    expect((await stored()).signups.map((s) => s.memberId)).toEqual([people[0], people[2]]);
  });

  it('refuses a check-in before the window opens (30 minutes before the start), storing nothing', async () => {
    clock.set(new Date(Date.parse('2025-09-24T14:30:00+08:00') - 31 * MINUTE));
    expect(await say(t, people[0]!, `签到 ${event.number}`)).toBe(
      '“新就业群体座谈会”的签到还没有开始。签到从活动开始前30分钟开放，即 9月24日（周三）14:00。',
    );
    expect((await stored()).attendance).toEqual([]);
  });

  it('checks in inside the window once; 签到 twice is answered and counted once', async () => {
    clock.set(new Date(Date.parse('2025-09-24T14:30:00+08:00') - 30 * MINUTE));
    expect(await say(t, people[0]!, `签到 ${event.number}`)).toBe('签到成功：新就业群体座谈会，签到时间 14:00。感谢您参加！');
    clock.advance(45 * MINUTE);
    expect(await say(t, people[0]!, `签到 ${event.number}`)).toBe('您已在 9月24日（周三）14:00 签到过“新就业群体座谈会”，无需重复签到。');
    expect((await stored()).attendance.map((a) => a.memberId)).toEqual([people[0]]);

    // The same person sending 签到 three times at once is still counted once.
    const replies = await Promise.all([1, 2, 3].map(() => say(t, people[2]!, `签到 ${event.number}`)));
    expect(replies.filter((r) => r.startsWith('签到成功'))).toHaveLength(1);
    expect(replies.filter((r) => r.includes('无需重复签到'))).toHaveLength(2);
    expect((await stored()).attendance.map((a) => a.memberId)).toEqual([people[0], people[2]]);
  });

  it('closes sign-up once the event has started', async () => {
    expect(await say(t, people[5]!, `报名 ${event.number}`)).toContain('已经开始，报名已截止');
    expect((await stored()).signups).toHaveLength(2);
  });

  it('refuses a check-in after the end, storing nothing', async () => {
    clock.set(new Date(Date.parse('2025-09-24T16:30:00+08:00') + MINUTE));
    expect(await say(t, people[3]!, `签到 ${event.number}`)).toBe(
      '“新就业群体座谈会”已经结束，签到已关闭。如有遗漏，请联系政协办公室补登。',
    );
    expect((await stored()).attendance.map((a) => a.memberId)).toEqual([people[0], people[2]]);
  });

  it('lets only a convenor of the sector, or staff, record the outcome', async () => {
    const convenor = await addMember(t, { name: '召集人', sector: '工会', isConvenor: true });
    const otherConvenor = await addMember(t, { name: '别的召集人', sector: '文艺界', isConvenor: true });
    expect(await sayConfirmed(t, people[0]!, `活动结果 ${event.number} 议定设立骑手驿站`)).toBe(
      '只有本活动所属界别的召集人或政协办公室工作人员可以记录活动结果。',
    );
    expect(await sayConfirmed(t, otherConvenor, `活动结果 ${event.number} 议定设立骑手驿站`)).toContain('只有本活动所属界别的召集人');
    expect((await stored()).outcome).toBeNull();

    const reply = await sayConfirmed(t, convenor, `活动结果 ${event.number} 议定由街道牵头设立骑手驿站，MY-2025-000012 一并答复`);
    expect(reply).toContain(`已记录“新就业群体座谈会”（编号 ${event.number}）的活动结果。`);
    expect(reply).toContain('MY-2025-000012');
    const doc = await stored();
    expect(doc.state).toBe('done');
    expect(doc.outcome).toMatchObject({
      text: '议定由街道牵头设立骑手驿站，MY-2025-000012 一并答复',
      recordedBy: convenor,
      opinionNumbers: ['MY-2025-000012'],
    });
    expect(await say(t, people[0]!, `活动详情 ${event.number}`)).toContain('活动结果：议定由街道牵头设立骑手驿站');
  });
});
