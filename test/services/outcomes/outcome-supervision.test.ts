import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { storedOutbox } from '../../support/yishi.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from '../residents/kf-support.js';
import { addMember, bj, inbox, numberIn, say, sayConfirmed } from '../records/records-support.js';

// Issue 24, 协商成果 and 督办: a meeting's outcome becomes two 成果 items; one is reminded before its
// due date, gets exactly ONE 督办 once it has passed (however often the scheduler ticks), and the
// Monday digest shows the 成果落实 line. A resident whose opinion led to a result hears of its delivery.

const clock = new ManualClock(bj('2026-11-10 10:00'));
const RESIDENT = 'wmOutcomeResident';
const OFFICE = 'office';
let ids: Record<string, string>;
let event: { id: string; number: number };
const opinions: string[] = [];

const { yishi: app, wecom: fake } = useScenario(
  import.meta.url,
  { kf: true, clock, scheduler: 'manual', setupTimeoutMs: 90_000 },
  async () => {
    await addCommunity(app, '青石社区', 'qs01');
    ids = {
      张委员: await addMember(app, { name: '张委员', sector: '文艺界' }),
      安然: await addMember(app, { name: '安然', sector: '无党派' }),
      staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
    };
    const convenor = await app.api('/api/members', { body: { name: '陈召集人', sector: '文艺界', role: 'member', isConvenor: true } });
    expect(convenor.status, JSON.stringify(convenor.body)).toBe(201);
    ids.陈召集人 = convenor.body.id as string;
    const group = await app.api('/api/groups', { body: { key: 'staff', channels: [{ platform: 'console', kind: 'group', id: OFFICE }] } });
    expect(group.status, JSON.stringify(group.body)).toBe(201);

    // A member's opinion and a resident's, both escalated to consultation.
    opinions.push(numberIn(await say(app, ids.张委员!, '反映 青石社区老人多，附近没有助餐点，吃饭很不方便')));
    await notifyKf(app, fake, fake.kf.customerEnters(OPEN_KFID, RESIDENT, 'qs01').token);
    await residentSays(app, fake, RESIDENT, '我们小区老人吃饭难，希望办个老年食堂');
    await residentSays(app, fake, RESIDENT, '没有');
    await residentSays(app, fake, RESIDENT, '不用');
    opinions.push(numberIn(await residentSays(app, fake, RESIDENT, '确认')));
    for (const number of opinions) {
      expect(await sayConfirmed(app, ids.staff!, `受理 ${number}`)).toContain('已受理');
      expect(await sayConfirmed(app, ids.staff!, `分级 ${number} 复杂`)).toContain('复杂');
      expect(await sayConfirmed(app, ids.staff!, `转协商 ${number}`)).toContain('协商议题');
    }
    const created = await app.api('/api/events', {
      body: {
        title: '老年助餐专题协商',
        sectors: ['文艺界', '无党派'],
        startAt: '2026-11-12T14:30:00+08:00',
        endAt: '2026-11-12T16:30:00+08:00',
        place: '区政协协商议事厅',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    event = created.body;
  },
);

const items = async () => (await app.api('/api/outcomes')).body.items as Array<Record<string, unknown>>;
const supervisionNotices = async () =>
  (await storedOutbox(app)).filter((n) => n.idempotencyKey.endsWith(':supervision') || n.message.text.includes('【督办】'));

describe('协商成果 from a meeting outcome, reminded and supervised once', () => {
  it('enters two 成果 items from the event outcome: one in chat (after 确认), one through the API', async () => {
    clock.set(bj('2026-11-12 17:00'));
    expect(
      await sayConfirmed(app, ids.陈召集人!, `活动结果 ${event.number} 议定在青石社区设老年助餐点，涉及 ${opinions.join('、')}`),
    ).toContain('已记录');
    const preview = await say(app, ids.staff!, `成果登记 ${event.number} 区住建局 2026-11-16 完成青石社区助餐点选址`);
    expect(preview).toContain('将为活动“老年助餐专题协商”');
    expect(preview).toContain('责任：区住建局');
    expect(preview).toContain('完成时限：2026-11-16');
    expect(preview).toContain(`涉及民意：${opinions.join('、')}`);
    expect(await items()).toEqual([]);
    expect(await say(app, ids.staff!, '确认')).toContain('已登记协商成果 CG-2026-0001');

    // The workbench's confirmation step first: what would be entered, who would be told; nothing is stored.
    const secondBody = {
      event: event.number,
      text: '助餐点开业并接待首批老人',
      responsibleMemberId: ids.安然,
      dueDate: '2026-11-30',
      opinionNumbers: [opinions[1]],
    };
    const check = await app.api('/api/outcomes/preview', { body: secondBody });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.changes[0]).toContain('责任：安然');
    expect(check.body.notified).toEqual(['安然']);
    expect(await items()).toHaveLength(1);
    const second = await app.api('/api/outcomes', { body: secondBody });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({
      number: 'CG-2026-0002',
      responsible: { kind: 'member', memberId: ids.安然 },
      responsibleName: '安然',
      state: 'in-progress',
      stateLabel: '落实中',
      eventNumber: event.number,
      opinionNumbers: [opinions[1]],
    });
    const detail = await app.api(`/api/events/${event.number}`);
    expect(detail.body.outcomes.map((o: { number: string }) => o.number)).toEqual(['CG-2026-0001', 'CG-2026-0002']);
    expect(await say(app, ids.张委员!, `活动详情 ${event.number}`)).toContain(
      'CG-2026-0001 完成青石社区助餐点选址 — 责任：区住建局 · 时限 2026-11-16 · 落实中',
    );
    await app.tick();
    expect(await inbox(app, ids.安然!)).toContainEqual(expect.stringContaining('您被确定为协商成果 CG-2026-0002 的落实责任人'));
  });

  it('reminds the office of the unit’s item within 3 days of its due date, once', async () => {
    await app.tick(bj('2026-11-12 18:00'));
    expect((await inbox(app, OFFICE)).filter((m) => m.includes('成果落实提醒'))).toEqual([]);
    clock.set(bj('2026-11-13 10:00'));
    await app.tick();
    await app.tick(bj('2026-11-14 10:00'));
    const reminders = (await inbox(app, OFFICE)).filter((m) => m.includes('成果落实提醒'));
    expect(reminders).toEqual([
      expect.stringContaining('协商成果 CG-2026-0001：完成青石社区助餐点选址\n责任：区住建局，完成时限 2026-11-16（还有 3 天）'),
    ]);
  });

  it('sends exactly one 督办 for the overdue item, though the scheduler ticks twice (and again later)', async () => {
    await app.tick(bj('2026-11-16 23:00'));
    expect(await supervisionNotices()).toEqual([]);
    clock.set(bj('2026-11-17 10:00'));
    await app.tick();
    await app.tick();
    const notices = await supervisionNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipient).toMatchObject({ kind: 'group', groupKey: 'staff' });
    expect(notices[0]!.message.text).toContain('【督办】协商成果 CG-2026-0001 已过完成时限 2026-11-16，仍在落实中');
    expect(notices[0]!.message.text).toContain('来自活动“老年助餐专题协商”');
    expect((await inbox(app, OFFICE)).filter((m) => m.includes('【督办】'))).toHaveLength(1);

    const overdue = await app.api('/api/outcomes?overdue=true');
    expect(overdue.body.items.map((o: { number: string }) => o.number)).toEqual(['CG-2026-0001']);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, supervisedAt: expect.any(String) });
    const numbersOf = async (query: string) =>
      (await app.api(`/api/outcomes?${query}`)).body.items.map((o: { number: string }) => o.number);
    expect(await numbersOf(`overdue=true&event=${event.number}`)).toEqual(['CG-2026-0001']);
    expect(await numbersOf('overdue=false')).toEqual(['CG-2026-0002']);
    expect(await numbersOf('overdue=true&state=delivered')).toEqual([]);
    expect(await numbersOf(`opinion=${opinions[1]}`)).toEqual(['CG-2026-0001', 'CG-2026-0002']);
    expect(await say(app, ids.staff!, '成果列表 逾期')).toContain(
      'CG-2026-0001 完成青石社区助餐点选址 — 责任：区住建局 · 时限 2026-11-16 · 落实中（已逾期）（已督办）',
    );

    await app.tick(bj('2026-11-18 10:00'));
    expect(await supervisionNotices()).toHaveLength(1);
  });

  it('tells the resident when the item settling their opinion is delivered, and shows it with the opinion', async () => {
    clock.set(bj('2026-11-18 11:00'));
    // The resident asks after their opinion (which also opens WeCom's 48-hour window again).
    const progress = await residentSays(app, fake, RESIDENT, opinions[1]!);
    expect(progress).toContain('协商成果：');
    expect(progress).toContain('· 助餐点开业并接待首批老人（落实中，完成时限 2026-11-30）');
    expect(progress).not.toContain('CG-2026');

    const preview = await say(app, ids.staff!, '成果办理 CG-2026-0002 已落实');
    expect(preview).toContain('将把协商成果 CG-2026-0002（助餐点开业并接待首批老人）改为：已落实');
    expect(preview).toContain(`提出民意 ${opinions[1]} 的群众`);
    expect(await say(app, ids.staff!, '确认')).toContain('协商成果 CG-2026-0002 已改为：已落实');
    await app.tick();
    expect(fake.kf.sentTo(RESIDENT)).toContainEqual(
      expect.stringContaining(`您反映的问题（${opinions[1]}）经协商形成的成果已经落实：助餐点开业并接待首批老人`),
    );
    // The member filer of the other opinion heard of the meeting, but not of this delivery: CG-2026-0002 does not settle it.
    const told = await inbox(app, ids.张委员!);
    expect(told).toContainEqual(expect.stringContaining(opinions[0]!));
    expect(told).not.toContainEqual(expect.stringContaining('经协商形成的成果已经落实'));

    // 谁组织谁记录: the convenor who ran the meeting (and recorded its outcome) has the delivered result in their record.
    expect(await say(app, ids.陈召集人!, '我的履职 今年')).toContain('组织的协商活动成果已落实 1 项');
    expect(await say(app, ids.张委员!, '我的履职 今年')).not.toContain('成果已落实');

    const member = await app.api(`/api/opinions/${opinions[0]}`);
    expect(member.body.outcomes.map((o: { number: string }) => o.number)).toEqual(['CG-2026-0001']);
    const progressInChat = await say(app, ids.张委员!, `进度 ${opinions[0]}`);
    expect(progressInChat).toContain('协商成果：\n· 完成青石社区助餐点选址（落实中，完成时限 2026-11-16）');
  });

  it('enters an item for an escalated opinion, records 未落实 with its reason, and the Monday digest has the 成果落实 line', async () => {
    const third = await app.api('/api/outcomes', {
      body: { opinion: opinions[0], text: '争取市级养老服务补助', responsibleUnit: '区民政局', dueDate: '2026-12-15' },
    });
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    expect(third.body).toMatchObject({ number: 'CG-2026-0003', opinionNumbers: [opinions[0]] });
    expect(third.body).not.toHaveProperty('eventId');
    expect(await sayConfirmed(app, ids.staff!, '成果办理 CG-2026-0003 未落实 市级补助今年已停止申报')).toContain('已改为：未落实');
    expect((await app.api('/api/outcomes/CG-2026-0003')).body).toMatchObject({ state: 'not-delivered', reason: '市级补助今年已停止申报' });

    await app.tick(bj('2026-11-23 09:30'));
    const digest = (await inbox(app, OFFICE)).filter((m) => m.includes('成果落实：'));
    // Monday 11-16's digest (sent at the tick that evening) and 11-23's.
    expect(digest).toHaveLength(2);
    expect(digest[0]).toContain('成果落实：成果 2 项：已落实 0，落实中 2（逾期 0），未落实 0');
    expect(digest[1]).toContain('成果落实：成果 3 项：已落实 1，落实中 1（逾期 1），未落实 1');
    expect(await supervisionNotices()).toHaveLength(1);
  });
});

describe('协商成果: every bad input gets a clear answer and stores nothing', () => {
  it('refuses unknown events and opinions, past or unreadable due dates, opinions never escalated', async () => {
    const before = (await items()).length;
    const post = (body: Record<string, unknown>) =>
      app.api('/api/outcomes', { body: { text: '某项成果', responsibleUnit: '区住建局', ...body } });

    const unknown = await post({ event: 99, dueDate: '2026-12-31' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('没有找到编号为 99 的活动');
    const past = await post({ event: event.number, dueDate: '2026-11-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('完成时限 2026-11-01 已经过去');
    const notADate = await post({ event: event.number, dueDate: '下个月' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.message).toContain('“下个月”不是日期');
    const both = await post({ event: event.number, opinion: opinions[0], dueDate: '2026-12-31' });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('要写且只写一个');
    const plain = numberIn(await say(app, ids.张委员!, '反映 河西村口路面坑洼，雨天积水严重'));
    const notEscalated = await post({ opinion: plain, dueDate: '2026-12-31' });
    expect(notEscalated.status).toBe(409);
    expect(notEscalated.body.error.message).toContain(`民意 ${plain} 没有转为协商议题`);
    const notLinked = await post({ event: event.number, dueDate: '2026-12-31', opinionNumbers: [plain] });
    expect(notLinked.status).toBe(400);
    expect(notLinked.body.error.message).toContain(`民意 ${plain} 不在这次活动结果涉及的民意中`);

    expect(await say(app, ids.staff!, '成果登记 99 区住建局 2026-12-31 某项成果')).toContain('没有找到编号为 99 的活动');
    expect(await say(app, ids.staff!, `成果登记 ${event.number} 区住建局 2026-11-01 某项成果`)).toContain('已经过去');
    expect(await say(app, ids.张委员!, `成果登记 ${event.number} 区住建局 2026-12-31 某项成果`)).toContain('“成果登记”只有');
    expect((await items()).length).toBe(before);
  });

  it('needs a reason for 未落实 and refuses changing a settled item or an unknown number', async () => {
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0001 未落实')).toContain('未落实要写明原因');
    const noReason = await app.api('/api/outcomes/CG-2026-0001', { method: 'PATCH', body: { state: 'not-delivered' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('未落实要写明原因');
    const previewNoReason = await app.api('/api/outcomes/CG-2026-0001/preview', { body: { state: 'not-delivered' } });
    expect(previewNoReason.status).toBe(400);
    expect(previewNoReason.body.error.message).toContain('未落实要写明原因');
    const previewDelivered = await app.api('/api/outcomes/CG-2026-0001/preview', { body: { state: 'delivered' } });
    expect(previewDelivered.body).toEqual({
      changes: ['将把协商成果 CG-2026-0001（完成青石社区助餐点选址）改为：已落实。'],
      notified: [`提出民意 ${opinions.join('、')} 的群众`],
    });
    expect((await app.api('/api/outcomes/CG-2026-0001')).body.state).toBe('in-progress');
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0002 未落实 变卦')).toContain(
      '协商成果 CG-2026-0002 已是“已落实”，不能直接改为其他结果；如是误记，请先用“成果办理 CG-2026-0002 重新落实 原因”改回落实中。',
    );
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0099 已落实')).toContain('没有找到协商成果 CG-2026-0099');
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0001 通过')).toContain('“通过”不是办理结果');
    expect((await app.api('/api/outcomes/CG-2026-0002')).body.state).toBe('delivered');
  });
});

describe('协商成果 and erasure', () => {
  it('keeps a responsible member by id only, so erasing their data leaves no name on the item', async () => {
    expect((await app.api(`/api/members/${ids.安然}`, { method: 'DELETE' })).status).toBe(204);
    const erased = await app.api(`/api/members/${ids.安然}/erase`, { body: { reason: '本人申请删除' } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(201);
    const item = await app.api('/api/outcomes/CG-2026-0002');
    expect(item.body).toMatchObject({ responsible: { kind: 'member', memberId: ids.安然 }, responsibleName: '已删除成员' });
    expect(JSON.stringify((await app.api('/api/outcomes')).body)).not.toContain('安然');
  });
});
