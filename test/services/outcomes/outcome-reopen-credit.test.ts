import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addMember, bj, say, sayConfirmed } from '../records/records-support.js';

// 协商成果 in 履职积分 and the records export, and 重新落实: a delivered item counts for the member who
// ran its event (谁组织谁记录) in both, the same number; an item taken back to 落实中 by mistake has its
// credit withdrawn (as 重新打开 withdraws an opinion's rating) until it is delivered again.

const clock = new ManualClock(bj('2026-11-10 10:00'));
let ids: Record<string, string>;
let eventNumber: number;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 90_000 }, async () => {
  ids = { staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }) };
  const convenor = await app.api('/api/members', { body: { name: '陈召集人', sector: '文艺界', role: 'member', isConvenor: true } });
  expect(convenor.status, JSON.stringify(convenor.body)).toBe(201);
  ids.陈召集人 = convenor.body.id as string;
  const event = await app.api('/api/events', {
    body: {
      title: '社区文化活动中心建设协商',
      sectors: ['文艺界'],
      startAt: '2026-11-10T14:30:00+08:00',
      endAt: '2026-11-10T16:30:00+08:00',
      place: '区政协协商议事厅',
    },
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  eventNumber = event.body.number as number;
  clock.set(bj('2026-11-10 17:00'));
  expect(await sayConfirmed(app, ids.陈召集人!, `活动结果 ${eventNumber} 议定改造两处文化活动室并开放`)).toContain('已记录');
  for (const text of ['改造青石社区文化活动室', '改造河西村文化活动室', '文化活动室延长开放时间']) {
    const made = await app.api('/api/outcomes', { body: { event: eventNumber, text, responsibleUnit: '区文旅局', dueDate: '2026-12-31' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
});

/** The organiser's 协商成果 line of 履职积分 (points API) and their cell in the records export, for November. */
async function creditSeenBy(): Promise<{ points: { count: number; points: number; refs: string[] }; exported: number }> {
  const sheet = await app.api(`/api/points/${ids.陈召集人}?period=2026-11`);
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
  const line = (sheet.body.lines as Array<{ kind: string; count: number; points: number; items: Array<{ ref?: string }> }>).find(
    (l) => l.kind === 'outcome-delivered',
  );
  const response = await fetch(`${app.url}/api/export/records.csv?period=2026-11`, {
    headers: { authorization: `Bearer ${app.config.adminToken}` },
  });
  expect(response.status).toBe(200);
  const rows = parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), { bom: true }) as string[][];
  const column = rows[0]!.indexOf('组织活动成果已落实');
  expect(column, rows[0]!.join(',')).toBeGreaterThan(0);
  const row = rows.find((r) => r[0] === '陈召集人')!;
  return {
    points: { count: line?.count ?? 0, points: line?.points ?? 0, refs: (line?.items ?? []).map((i) => i.ref ?? '') },
    exported: Number(row[column]),
  };
}

describe('协商成果 in 履职积分 and the records export', () => {
  it('scores a delivered item for the organiser by default, and the export counts the same', async () => {
    expect(await creditSeenBy()).toEqual({ points: { count: 0, points: 0, refs: [] }, exported: 0 });
    clock.set(bj('2026-11-20 10:00'));
    expect(await sayConfirmed(app, ids.staff!, '成果办理 CG-2026-0001 已落实')).toContain('已改为：已落实');
    const second = await app.api('/api/outcomes/CG-2026-0002', { method: 'PATCH', body: { state: 'delivered' } });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(await creditSeenBy()).toEqual({ points: { count: 2, points: 6, refs: ['CG-2026-0001', 'CG-2026-0002'] }, exported: 2 });
    expect(await say(app, ids.陈召集人!, '我的积分 本月')).toContain('· 组织的协商活动成果已落实 2 项 × 3 分 = 6 分');
    const rules = (await app.api('/api/settings/points-rules')).body as { rules: Array<{ kind: string }> };
    expect(rules.rules).toContainEqual({ kind: 'outcome-delivered', points: 3, cap: 15 });
  });
});

describe('重新落实: an item settled by mistake goes back to 落实中', () => {
  it('needs a reason, and never moves straight from one result to the other', async () => {
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0001 重新落实')).toContain('改回落实中要写明原因');
    expect(await say(app, ids.staff!, '成果办理 CG-2026-0001 未落实 选址有争议')).toContain('不能直接改为其他结果');
    const api = await app.api('/api/outcomes/CG-2026-0001', { method: 'PATCH', body: { state: 'in-progress' } });
    expect(api.status).toBe(400);
    expect(api.body.error.message).toContain('改回落实中要写明原因');
    expect(await say(app, ids.陈召集人!, '成果办理 CG-2026-0001 重新落实 误记')).toContain('“成果办理”只有');
    expect((await app.api('/api/outcomes/CG-2026-0001')).body.state).toBe('delivered');
  });

  it('takes a delivered item back after 确认, audited, and withdraws its credit from the points and the export alike', async () => {
    clock.set(bj('2026-11-21 09:30'));
    const preview = await say(app, ids.staff!, '成果办理 CG-2026-0001 重新落实 误记为已落实，活动室尚未改造');
    expect(preview).toContain('将把协商成果 CG-2026-0001（改造青石社区文化活动室）由“已落实”改回落实中，重新落实。');
    expect(preview).toContain('原因：误记为已落实，活动室尚未改造');
    expect(preview).toContain('“组织的协商活动成果已落实”将撤回');
    expect(await creditSeenBy()).toMatchObject({ exported: 2 });
    expect(await say(app, ids.staff!, '确认')).toContain('协商成果 CG-2026-0001 已改回落实中，完成时限仍为 2026-12-31');

    const item = (await app.api('/api/outcomes/CG-2026-0001')).body;
    expect(item).toMatchObject({ state: 'in-progress', stateLabel: '落实中' });
    expect(item).not.toHaveProperty('deliveredAt');
    expect(item.steps.at(-1)).toEqual({
      at: bj('2026-11-21 09:30').toISOString(),
      by: ids.staff,
      byName: '刘干事',
      action: 'reopened',
      note: '误记为已落实，活动室尚未改造',
    });
    expect(await creditSeenBy()).toEqual({ points: { count: 1, points: 3, refs: ['CG-2026-0002'] }, exported: 1 });
    expect(await say(app, ids.陈召集人!, '我的履职 本月')).toContain('组织的协商活动成果已落实 1 项');
  });

  it('counts the item again when it is really delivered, once', async () => {
    clock.set(bj('2026-11-25 15:00'));
    expect(await sayConfirmed(app, ids.staff!, '成果办理 CG-2026-0001 已落实 活动室已改造并开放')).toContain('已改为：已落实');
    expect(await creditSeenBy()).toEqual({ points: { count: 2, points: 6, refs: ['CG-2026-0002', 'CG-2026-0001'] }, exported: 2 });
  });

  it('takes an item marked 未落实 back through the API, with nothing to withdraw', async () => {
    const settle = await app.api('/api/outcomes/CG-2026-0003', { method: 'PATCH', body: { state: 'not-delivered', note: '经费未落实' } });
    expect(settle.status, JSON.stringify(settle.body)).toBe(200);
    const body = { state: 'in-progress', note: '经费已追加，继续落实' };
    const preview = await app.api('/api/outcomes/CG-2026-0003/preview', { body });
    expect(preview.body).toEqual({
      changes: ['将把协商成果 CG-2026-0003（文化活动室延长开放时间）由“未落实”改回落实中，重新落实。\n原因：经费已追加，继续落实'],
      notified: [],
    });
    const back = await app.api('/api/outcomes/CG-2026-0003', { method: 'PATCH', body });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({
      state: 'in-progress',
      steps: expect.arrayContaining([expect.objectContaining({ action: 'reopened' })]),
    });
    expect(back.body).not.toHaveProperty('reason');
    expect(await creditSeenBy()).toMatchObject({ exported: 2, points: { count: 2 } });
  });
});
