import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { storedOutbox } from '../../support/yishi.js';
import { addMember, bj, inbox, say, sayConfirmed } from '../records/records-support.js';

// 协商成果 延期: staff put back an item's due date with a reason. It is audited (old → new date, who,
// why, when), counted, and the new date gets its own single reminder and, if missed again, exactly
// one new 督办, however often the scheduler ticks.

const clock = new ManualClock(bj('2026-11-10 10:00'));
const OFFICE = 'office';
const ITEM = 'CG-2026-0001';
let ids: Record<string, string>;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 90_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  const convenor = await app.api('/api/members', { body: { name: '陈召集人', sector: '无党派', role: 'member', isConvenor: true } });
  expect(convenor.status, JSON.stringify(convenor.body)).toBe(201);
  ids.陈召集人 = convenor.body.id as string;
  const group = await app.api('/api/groups', { body: { key: 'staff', channels: [{ platform: 'console', kind: 'group', id: OFFICE }] } });
  expect(group.status, JSON.stringify(group.body)).toBe(201);
  const event = await app.api('/api/events', {
    body: {
      title: '老旧小区加装电梯协商',
      sectors: ['无党派'],
      startAt: '2026-11-10T14:30:00+08:00',
      endAt: '2026-11-10T16:30:00+08:00',
      place: '区政协协商议事厅',
    },
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  clock.set(bj('2026-11-10 17:00'));
  expect(await sayConfirmed(app, ids.陈召集人!, `活动结果 ${event.body.number} 议定年内完成加装电梯选址`)).toContain('已记录');
  const item = await app.api('/api/outcomes', {
    body: { event: event.body.number, text: '完成加装电梯选址', responsibleMemberId: ids.安然, dueDate: '2026-11-16' },
  });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
});

/** Moves the clock and lets the scheduler tick (the API's 逾期 reads the clock). */
const at = async (text: string) => {
  clock.set(bj(text));
  await app.tick();
};
const item = async () =>
  (await app.api(`/api/outcomes/${ITEM}`)).body as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
const supervisionNotices = async () => (await storedOutbox(app)).filter((n) => n.message.text.includes('【督办】'));
const remindersFor = async (dueDate: string) =>
  (await inbox(app, ids.安然!)).filter((m) => m.includes('成果落实提醒') && m.includes(`完成时限 ${dueDate}`));

describe('协商成果 延期', () => {
  it('reminds before the first due date and sends one 督办 after it', async () => {
    await at('2026-11-13 10:00');
    await at('2026-11-14 10:00');
    expect(await remindersFor('2026-11-16')).toHaveLength(1);
    await at('2026-11-17 10:00');
    await app.tick();
    expect(await supervisionNotices()).toHaveLength(1);
    expect(await item()).toMatchObject({ overdue: true, supervisedAt: expect.any(String), extensions: 0 });
  });

  it('refuses an extension without a reason, to a date not later or already past, of an unknown item, or by a member', async () => {
    clock.set(bj('2026-11-20 10:00'));
    expect(await say(app, ids.staff!, `成果延期 ${ITEM} 2026-11-30`)).toContain('延期要写明原因');
    expect(await say(app, ids.staff!, `成果延期 ${ITEM} 2026-11-15 用地审批尚未完成`)).toContain(
      '新的完成时限 2026-11-15 要晚于现在的完成时限 2026-11-16',
    );
    expect(await say(app, ids.staff!, `成果延期 ${ITEM} 2026-11-18 用地审批尚未完成`)).toContain(
      '完成时限 2026-11-18 已经过去（今天是 2026-11-20）',
    );
    expect(await say(app, ids.staff!, `成果延期 ${ITEM} 下个月 用地审批尚未完成`)).toContain('“下个月”不是日期');
    expect(await say(app, ids.staff!, '成果延期 CG-2026-0099 2026-11-30 用地审批尚未完成')).toContain('没有找到协商成果 CG-2026-0099');
    // The responsible member is the one supervised: they ask the office, they do not move their own date.
    expect(await say(app, ids.安然!, `成果延期 ${ITEM} 2026-11-30 用地审批尚未完成`)).toContain('“成果延期”只有');
    const noReason = await app.api(`/api/outcomes/${ITEM}/extension/preview`, { body: { dueDate: '2026-11-30', reason: ' ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('延期要写明原因');
    expect(await item()).toMatchObject({ dueDate: '2026-11-16', extensions: 0 });
  });

  it('extends in chat after 确认: audited, counted, the 督办 mark cleared and the responsible member told', async () => {
    const preview = await say(app, ids.staff!, `成果延期 ${ITEM} 2026-11-30 用地审批尚未完成`);
    expect(preview).toContain(`将把协商成果 ${ITEM}（完成加装电梯选址）的完成时限由 2026-11-16 延至 2026-11-30`);
    expect(preview).toContain('延期原因：用地审批尚未完成');
    expect(preview).toContain('安然');
    expect((await item()).dueDate).toBe('2026-11-16');
    expect(await say(app, ids.staff!, '确认')).toContain(`协商成果 ${ITEM} 的完成时限已延至 2026-11-30（第 1 次延期）`);

    const extended = await item();
    expect(extended).toMatchObject({ dueDate: '2026-11-30', extensions: 1, overdue: false, state: 'in-progress' });
    expect(extended).not.toHaveProperty('supervisedAt');
    expect(extended.steps.at(-1)).toEqual({
      at: bj('2026-11-20 10:00').toISOString(),
      by: ids.staff,
      byName: '刘干事',
      action: 'extended',
      note: '用地审批尚未完成',
      fromDate: '2026-11-16',
      toDate: '2026-11-30',
    });
    expect(await say(app, ids.staff!, '成果列表')).toContain(
      `${ITEM} 完成加装电梯选址 — 责任：安然 · 时限 2026-11-30 · 落实中（已延期 1 次）`,
    );
    await app.tick();
    expect(await inbox(app, ids.安然!)).toContainEqual(
      expect.stringContaining(`协商成果 ${ITEM}（完成加装电梯选址）的完成时限已由 2026-11-16 延至 2026-11-30，原因：用地审批尚未完成`),
    );
  });

  it('gives the new date its own single reminder and, missed again, exactly one new 督办', async () => {
    for (const day of ['2026-11-21', '2026-11-24', '2026-11-26']) await at(`${day} 10:00`);
    expect(await remindersFor('2026-11-30')).toEqual([]);
    expect(await supervisionNotices()).toHaveLength(1);
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-30']) {
      await at(`${day} 10:00`);
      await app.tick();
    }
    expect(await remindersFor('2026-11-30')).toEqual([expect.stringContaining('完成时限 2026-11-30（还有 3 天）')]);
    await at('2026-11-30 23:00');
    expect(await supervisionNotices()).toHaveLength(1);

    await at('2026-12-01 10:00');
    await app.tick();
    const notices = await supervisionNotices();
    expect(notices).toHaveLength(2);
    expect(notices[1]!.message.text).toContain(`【督办】协商成果 ${ITEM} 已过完成时限 2026-11-30，仍在落实中`);
    expect((await inbox(app, OFFICE)).filter((m) => m.includes('【督办】'))).toHaveLength(2);
    await at('2026-12-02 10:00');
    expect(await supervisionNotices()).toHaveLength(2);
    expect(await item()).toMatchObject({ overdue: true, supervisedAt: expect.any(String), extensions: 1 });
  });

  it('extends through the API (preview, then the change), and refuses an item no longer 落实中', async () => {
    const body = { dueDate: '2026-12-20', reason: '等待年度预算下达' };
    const preview = await app.api(`/api/outcomes/${ITEM}/extension/preview`, { body });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.changes[0]).toContain('由 2026-11-30 延至 2026-12-20');
    expect(preview.body.notified).toEqual(['安然']);
    expect((await item()).dueDate).toBe('2026-11-30');
    const done = await app.api(`/api/outcomes/${ITEM}/extension`, { body });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dueDate: '2026-12-20', extensions: 2, overdue: false });
    expect(done.body.steps.at(-1)).toMatchObject({ action: 'extended', fromDate: '2026-11-30', toDate: '2026-12-20', byName: '管理接口' });

    expect((await app.api(`/api/outcomes/${ITEM}`, { method: 'PATCH', body: { state: 'delivered' } })).status).toBe(200);
    const settled = await app.api(`/api/outcomes/${ITEM}/extension`, { body: { dueDate: '2026-12-31', reason: '再延' } });
    expect(settled.status).toBe(409);
    expect(settled.body.error.message).toContain(`协商成果 ${ITEM} 已是“已落实”，只有落实中的成果才能延期`);
    expect(await item()).toMatchObject({ dueDate: '2026-12-20', extensions: 2 });
  });
});
