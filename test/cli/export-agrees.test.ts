import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { testStores } from '../support/stores.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { register, say, sayConfirmed } from '../services/opinions/opinion-chat.js';
import { runCli } from './cli-support.js';

// Issue 22: one voice in every export. Wednesday 2026-12-02, 10:00 Beijing.
const stores = testStores(import.meta.url);
const env = { MONGODB_URI: stores.mongoUri };
const clock = new ManualClock('2026-12-02T02:00:00Z');
let app: TestYishi;

const cells = (csv: string) => parse(csv, { bom: true }) as string[][];

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { stores, clock, redis: false, scheduler: 'manual' });
  const staff = await register(app, { name: '王主任', sector: '中共', role: 'staff' });
  const zhang = await register(app, { name: '张委员', sector: '文艺界', role: 'member' });
  expect((await app.api('/api/communities', { body: { name: '青石社区', keywords: ['青石'] } })).status).toBe(201);
  const first = /MY-2026-\d{6}/.exec(await say(app, zhang.id, '反映 青石社区人行道的地砖松了'))![0];
  clock.advance(60_000);
  await say(app, 'resident:王阿姨', '反映 菜市场门口占道经营，电话13912345678');
  clock.advance(60_000);
  expect(await sayConfirmed(app, staff.id, `受理 ${first}`)).toContain('已受理');
  expect(await sayConfirmed(app, staff.id, `分派 ${first} 王主任`)).toContain('王主任');
  await say(app, staff.id, `办结 ${first} 已更换地砖`);
  expect(await say(app, staff.id, '确认')).toContain('已办结');
  await say(app, zhang.id, `评价 ${first} 基本满意 颜色不一样`);
});
afterAll(async () => {
  await app?.stop();
});

describe('yishi export opinions', () => {
  it('agrees with the API’s CSV cell for cell: Chinese states, Beijing time, no phone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-export-agrees-'));
    const run = await runCli(['export', 'opinions', '--out', join(dir, 'opinions.csv')], { env });
    expect(run.code, run.stderr).toBe(0);
    const cli = cells(readFileSync(join(dir, 'opinions.csv'), 'utf8'));
    const response = await fetch(`${app.url}/api/export/opinions.csv?period=本月`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    expect(response.status).toBe(200);
    const api = cells(await response.text());

    expect(cli).toEqual(api);
    expect(cli).toHaveLength(3);
    const [header, first] = [cli[0]!, cli[1]!];
    const row = Object.fromEntries(header.map((name, i) => [name, first[i]]));
    expect(row).toMatchObject({
      状态: '已归档',
      提交时间: '2026-12-02 10:00',
      评价: '基本满意',
      评价理由: '颜色不一样',
      办理委员: '王主任',
    });
    expect(JSON.stringify(cli)).not.toContain('13912345678');
    expect(JSON.stringify(cli)).not.toMatch(/closed|submitted|T\d\d:\d\d:\d\d/);
  }, 90_000);

  it('writes into exports/ when no --out is given', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'yishi-export-cwd-'));
    const run = await runCli(['export', 'communities'], { env, cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['exports']);
    const [file] = readdirSync(join(cwd, 'exports'));
    expect(file).toMatch(/^communities-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(existsSync(join(cwd, 'exports', file!))).toBe(true);
  }, 90_000);
});

describe('yishi export annual-report and annual-summary', () => {
  const bodyText = async (path: string) => {
    const zip = await JSZip.loadAsync(readFileSync(path));
    return (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  };

  it('writes the 述职表 of a member and the summary into exports/ as Word files; a bad year is a usage mistake', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'yishi-export-annual-'));
    const one = await runCli(['export', 'annual-report', '--member', '张委员', '--year', '2026'], { env, cwd });
    expect(one.code, one.stderr).toBe(0);
    const report = join(cwd, 'exports', '2026年度履职报告-张委员.docx');
    expect(one.stderr).toContain(report);
    const text = await bodyText(report);
    expect(text).toContain('反映民意 1 件');
    expect(text).toContain('已归档，评价：基本满意');
    expect(text).toContain('委员签名：');

    const summary = await runCli(['export', 'annual-summary', '--year', '2026'], { env, cwd });
    expect(summary.code, summary.stderr).toBe(0);
    expect(await bodyText(join(cwd, 'exports', '2026年度委员履职汇总.docx'))).toContain('\n张委员\n文艺界\n');

    const all = await runCli(['export', 'annual-report', '--year', '2026'], { env, cwd });
    expect(all.code, all.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'exports', '述职表-2026'))).toEqual(['2026年度履职报告-张委员.docx']);

    const future = await runCli(['export', 'annual-summary', '--year', '2999'], { env, cwd });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('请填四位数的年份');
  }, 200_000);
});
