import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../../src/core/clock.js';
import { addMember, bj, inbox, numberIn, say } from './records-support.js';

const clock = new ManualClock(bj('2026-11-10 10:00'));
let ids: Record<string, string>;
let opinion: string;
const TRICKY = '东门“幸福里”小区，路灯坏了3盏\n晚上孩子放学不安全';

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 60_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    程远: await addMember(app, { name: '程远', sector: '文艺界' }),
    staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  expect((await app.api('/api/communities', { body: { name: '青石社区', keywords: [] } })).status).toBe(201);
  opinion = numberIn(await say(app, ids.安然!, `反映 "${TRICKY}" #青石社区`));
});

const download = (path: string, token: string | null = app.config.adminToken) =>
  fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('exports', () => {
  it('opinions.csv starts with a UTF-8 BOM and round-trips through a CSV parser with the Chinese text intact', async () => {
    const response = await download('/api/export/opinions.csv?period=本月');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="opinions-2026-11.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['编号', '提交时间', '状态', '村/社区']);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0]!.map((header, i) => [header, rows[1]![i]]));
    expect(row).toMatchObject({
      编号: opinion,
      提交时间: '2026-11-10 10:00',
      状态: '已提交',
      '村/社区': '青石社区',
      '24小时内受理': '否',
      内容: TRICKY,
    });
  });

  it('records.xlsx and rates.xlsx open as workbooks with the same rows', async () => {
    const response = await download('/api/export/records.xlsx?from=2026-11-01&to=2026-11-30');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('履职档案')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '委员',
      '界别',
      '接待值班',
      '反映民意',
      '受理',
      '办结',
      '按时办结',
      '当场办结',
      '参加活动',
      '提交提案',
      '联名提案',
      '报送社情民意',
      '社情民意被采用',
      '组织活动成果已落实',
      '满意评价',
      '评价总数',
    ]);
    const anRan = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '安然')!;
    expect(anRan.getCell(4).value).toBe(1);
    const rates = new ExcelJS.Workbook();
    await rates.xlsx.load(await (await download('/api/export/rates.xlsx?period=2026-11')).arrayBuffer());
    expect(rates.getWorksheet('比率')!.getRow(2).values).toEqual([
      undefined,
      '全部',
      '全部',
      '0.0%',
      0,
      1,
      '',
      0,
      0,
      '',
      0,
      0,
      '',
      0,
      0,
      '50.0%',
      1,
      2,
    ]);
  });

  it('refuses bad periods, unknown files and missing tokens plainly', async () => {
    const bad = await download('/api/export/rates.csv?period=2026-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await download('/api/export/rates.csv?from=2026-11-30&to=2026-11-01')).status).toBe(400);
    expect((await download('/api/export/secrets.csv')).status).toBe(404);
    expect((await download('/api/export/rates.csv', null)).status).toBe(401);
  });

  it('documents the export paths in the OpenAPI document', async () => {
    const doc = (await app.api('/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/export/opinions.csv', '/api/export/records.xlsx', '/api/export/rates.csv']),
    );
  });
});

describe('提案 (proposals)', () => {
  it('turns an opinion into a draft through a guided dialogue, and counts it once staff submit it', async () => {
    const anRan = ids.安然!;
    expect(await say(app, anRan, `提案 ${opinion}`)).toContain(`回复“沿用”即以民意 ${opinion} 的内容为理由`);
    expect(await say(app, anRan, '沿用')).toContain('建议');
    expect(await say(app, anRan, '一、尽快修复路灯；二、建立路灯巡查制度。')).toContain('联名');
    const summary = await say(app, anRan, '程远、无此人');
    expect(summary).toContain('无此人');
    expect((await app.repositories.proposals.list({}, 1000)).length).toBe(0);

    await say(app, anRan, `提案 ${opinion}`);
    await say(app, anRan, '沿用');
    await say(app, anRan, '一、尽快修复路灯；二、建立路灯巡查制度。');
    const confirm = await say(app, anRan, '@程远');
    expect(confirm).toContain(`标题：关于东门“幸福里”小区，路灯坏了3盏 晚上孩…的提案（源自${opinion}）`);
    expect(confirm).toContain('理由：东门“幸福里”小区，路灯坏了3盏 晚上孩子放学不安全\n');
    expect(confirm).toContain('联名：程远');
    expect(await say(app, anRan, '确认')).toContain('已保存提案草稿 TA-2026-0001');

    expect(await say(app, anRan, '提案提交 TA-2026-0001')).toContain('工作人员');
    expect(await say(app, ids.staff!, '提案提交')).toContain('TA-2026-0001《关于东门');
    expect(await say(app, ids.staff!, '提案提交 TA-2026-0001')).toContain('已提交');
    expect(await say(app, ids.staff!, '提案提交 TA-2026-0001')).toBe('提案 TA-2026-0001 已经提交过了。');
    expect(await say(app, ids.staff!, '提案提交 TA-2026-9999')).toContain('没有找到提案 TA-2026-9999');
    expect(await say(app, ids.staff!, '提案提交 草稿')).toContain('不是提案编号');
    await app.tick();
    expect(await inbox(app, anRan)).toContainEqual(expect.stringContaining('您的提案 TA-2026-0001'));
    expect(await say(app, anRan, '我的履职')).toContain('反映民意 1 件 · 提交提案 1 件');
    expect(await say(app, ids.程远!, '我的履职')).toContain('提交提案 0 件（另联名 1 件）');
  });

  it('asks for the title when 提案 comes alone, and refuses 沿用 without an opinion', async () => {
    expect(await say(app, ids.程远!, '提案')).toContain('提案标题');
    expect(await say(app, ids.程远!, '关于增设非机动车充电桩的建议')).toContain('理由');
    expect(await say(app, ids.程远!, '沿用')).toContain('建议');
    await say(app, ids.程远!, '在小区内集中设置充电桩。');
    expect(await say(app, ids.程远!, '无')).toContain('只有从民意转成的提案才能“沿用”原文');
    expect((await app.repositories.proposals.list({}, 1000)).length).toBe(1);
  });
});
