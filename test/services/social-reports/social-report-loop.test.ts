import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addMember, bj, inbox, say, sayConfirmed } from '../records/records-support.js';

// Issue 24, 社情民意信息: a member turns an opinion into a report in chat, staff move it up to
// adoption by the city committee, and the member's record, points of view and KPIs follow.

const clock = new ManualClock(bj('2026-11-10 10:00'));
let ids: Record<string, string>;
let opinion: string;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 60_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    程远: await addMember(app, { name: '程远', sector: '文艺界' }),
    staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  const filed = await say(app, ids.安然!, '反映 青石社区老旧小区没有电梯，老人上下楼难，电话13912345678');
  opinion = /MY-\d{4}-\d{6}/.exec(filed)![0];
});

const steps = (number: string, body: unknown) => app.api(`/api/social-reports/${number}/steps`, { method: 'POST', body });

/** The member answers the 社情民意 dialogue line by line; the last answer is the summary to confirm. */
async function draft(from: string, lines: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const line of lines) answers.push(await say(app, from, line));
  return answers;
}

describe('社情民意信息 from an opinion to adoption', () => {
  it('drafts a report from an opinion in a guided dialogue, shows the count, and sends it on 确认', async () => {
    const answers = await draft(ids.安然!, [
      `社情民意 ${opinion}`,
      '沿用',
      '老旧小区建成早，没有预留电梯井道，加装费用分摊难以谈拢。',
      '一是财政补贴；二是简化审批。',
      '同界别',
    ]);
    expect(answers[0]).toContain(`回复“沿用”即以民意 ${opinion} 的内容为基本情况`);
    expect(answers[1]).toContain('原因分析');
    expect(answers[3]).toContain('反映人单位');
    const summary = answers[4]!;
    expect(summary).toContain('标题：关于');
    expect(summary).toContain('反映人单位：无党派');
    expect(summary).toMatch(/共 \d+ 字（上限 1500 字）/);
    // The resident's phone in the opinion never reaches the report.
    expect(summary).not.toContain('13912345678');
    const sent = await say(app, ids.安然!, '确认');
    expect(sent).toMatch(/已报送社情民意信息 SQ-2026-0001《关于.+》（\d+ 字）/);

    const report = await app.api('/api/social-reports/SQ-2026-0001');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      state: 'submitted',
      stateLabel: '已报送',
      fromOpinion: opinion,
      unit: '无党派',
      authorId: ids.安然,
    });
    expect(report.body.situation).not.toContain('13912345678');
    expect(report.body.steps).toEqual([expect.objectContaining({ action: 'submitted', by: ids.安然, byName: '安然' })]);
    // The opinion's own trail says a report was drafted from it.
    const detail = await app.api(`/api/opinions/${opinion}`);
    expect(JSON.stringify(detail.body)).toContain('SQ-2026-0001');
  });

  it('lets staff edit it, move it through 已编发 and 已上报 to 已采用 by the city committee, telling the member each time', async () => {
    clock.set(bj('2026-11-12 09:00'));
    const edited = await app.api('/api/social-reports/SQ-2026-0001', {
      method: 'PATCH',
      body: { title: '关于老旧小区加装电梯难的情况反映' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.steps.at(-1)).toMatchObject({ action: 'edit', note: '标题' });

    expect(await say(app, ids.staff!, '社情民意列表')).toContain('SQ-2026-0001《关于老旧小区加装电梯难的情况反映》— 已报送 · 安然');
    const preview = await say(app, ids.staff!, '社情民意办理 SQ-2026-0001 已编发');
    expect(preview).toContain('将把社情民意信息 SQ-2026-0001《关于老旧小区加装电梯难的情况反映》（安然）改为：已编发');
    expect(preview).toContain('安然');
    expect(await say(app, ids.staff!, '确认')).toContain('已编发，已告知报送人');

    expect((await steps('SQ-2026-0001', { to: 'forwarded', level: 'city' })).body).toMatchObject({
      state: 'forwarded',
      level: 'city',
      stateLabel: '已上报市政协',
    });
    // Adopted higher than it went: refused, nothing changes.
    const tooHigh = await say(app, ids.staff!, '社情民意办理 SQ-2026-0001 已采用 省');
    expect(tooHigh).toContain('只上报到市政协');
    expect((await app.api('/api/social-reports/SQ-2026-0001')).body.state).toBe('forwarded');

    clock.set(bj('2026-11-20 15:00'));
    const adopted = await sayConfirmed(app, ids.staff!, '社情民意办理 SQ-2026-0001 已采用 市 市领导批示：请住建局研究落实');
    expect(adopted).toContain('已被市政协采用');
    const report = (await app.api('/api/social-reports/SQ-2026-0001')).body;
    expect(report).toMatchObject({
      state: 'adopted',
      level: 'city',
      instruction: '市领导批示：请住建局研究落实',
      stateLabel: '已被市政协采用',
    });
    expect(report.steps.map((s: { action: string }) => s.action)).toEqual(['submitted', 'edit', 'edited', 'forwarded', 'adopted']);

    await app.tick();
    const told = await inbox(app, ids.安然!);
    expect(told).toContainEqual(expect.stringContaining('您报送的社情民意信息 SQ-2026-0001《关于老旧小区加装电梯难的情况反映》已编发'));
    expect(told).toContainEqual(expect.stringContaining('已上报市政协'));
    expect(told).toContainEqual(expect.stringContaining('已被市政协采用（批示：市领导批示：请住建局研究落实）。已记入您的履职档案。'));
    // Final: no further step.
    const again = await steps('SQ-2026-0001', { to: 'not-adopted', note: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('SQ-2026-0001 的办理已经结束（已采用）');
  });

  it("puts the report and its adoption in the member's record, the KPIs and the exports", async () => {
    const card = await say(app, ids.安然!, '我的履职 今年');
    expect(card).toContain('报送社情民意 1 篇 · 被采用 1 篇');
    expect(await say(app, ids.安然!, '我的社情民意')).toContain('SQ-2026-0001《关于老旧小区加装电梯难的情况反映》— 已被市政协采用');

    const stats = await app.api('/api/social-reports/stats?period=2026');
    expect(stats.status).toBe(200);
    expect(stats.body.overall).toMatchObject({ sent: 1, adopted: 1, rate: '100.0%' });
    expect(stats.body.bySector).toEqual([expect.objectContaining({ name: '无党派', sent: 1, adopted: 1 })]);
    expect(stats.body.byMember).toEqual([
      expect.objectContaining({ memberId: ids.安然, name: '安然', sent: 1, adopted: 1, rate: '100.0%' }),
    ]);

    const csv = await fetch(`${app.url}/api/social-reports/export.csv?period=2026`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    expect(csv.status).toBe(200);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
    const row = Object.fromEntries(rows[0]!.map((header, i) => [header, rows[1]![i]]));
    expect(row).toMatchObject({
      编号: 'SQ-2026-0001',
      报送时间: '2026-11-10 10:00',
      报送人: '安然',
      状态: '已被市政协采用',
      层级: '市政协',
      采用时间: '2026-11-20 15:00',
      来源民意: opinion,
    });

    const records = await fetch(`${app.url}/api/export/records.csv?period=2026`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    const recordRows = parse((await records.text()).replace(/^\uFEFF/, '')) as string[][];
    const anRan = recordRows.find((r) => r[0] === '安然')!;
    const header = recordRows[0]!;
    expect(anRan[header.indexOf('报送社情民意')]).toBe('1');
    expect(anRan[header.indexOf('社情民意被采用')]).toBe('1');
  });
});

describe('社情民意信息: every bad input gets a clear answer and changes nothing', () => {
  it('refuses a report over 1,500 characters, saying how long it is', async () => {
    const long = '情况'.repeat(800);
    const answers = await draft(ids.程远!, ['社情民意 关于街道噪声扰民的情况反映', long, '原因', '建议', '文艺界']);
    expect(answers.at(-1)).toMatch(/全文共 \d{4} 字，超过了 1500 字的上限/);
    expect((await app.api('/api/social-reports?state=submitted')).body.items).toEqual([]);
  });

  it("refuses drafting from someone else's opinion", async () => {
    const answers = await draft(ids.程远!, [`社情民意 ${opinion}`, '沿用', '原因', '建议', '同界别']);
    expect(answers.at(-1)).toContain(`只能根据自己提交或承办的反映起草社情民意信息，${opinion} 不在其中`);
  });

  it('needs a reason for 未采用 and a level for 已上报, and names unknown numbers and steps', async () => {
    await draft(ids.程远!, ['社情民意 关于夜市占道经营的情况反映', '夜市摊位占用人行道。', '缺少规划。', '划定摊区。', '文艺界']);
    expect(await say(app, ids.程远!, '确认')).toContain('SQ-2026-0002');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0002 未采用')).toContain('未采用要写明原因');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0002 已上报')).toContain('不能直接改为“已上报”');
    expect(await sayConfirmed(app, ids.staff!, '社情民意办理 SQ-2026-0002 已编发')).toContain('已编发');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0002 已上报')).toContain('要写明层级');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0002 已上报 县城')).toContain('“县城”不是政协层级');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0099 已编发')).toContain('没有找到社情民意信息 SQ-2026-0099');
    expect(await say(app, ids.staff!, '社情民意办理 SQ-2026-0002 通过')).toContain('“通过”不是办理步骤');
    const byMember = await app.api('/api/social-reports/SQ-2026-0002', { method: 'PATCH', body: { title: '' } });
    expect(byMember.status).toBe(400);
    expect(await say(app, ids.程远!, '社情民意办理 SQ-2026-0002 已编发')).toContain('“社情民意办理”只有');
    const bad = await steps('SQ-2026-0002', { to: 'adopted' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('要写明层级');
    expect((await app.api('/api/social-reports/SQ-2026-0002')).body.state).toBe('edited');
  });
});
