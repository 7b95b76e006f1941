import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { testStores } from '../support/stores.js';
import { runCli } from './cli-support.js';

const stores = testStores(import.meta.url);
const env = { MONGODB_URI: stores.mongoUri };
const dir = mkdtempSync(join(tmpdir(), 'yishi-cli-import-'));
const SECTORS = ['无党派', '文艺界', '中共', '工会', '共青团', '经济界', '教育界', '医卫界'];
let db: Connection;

const count = (collection: string) => db.collection(collection).countDocuments();

/** A member list as an office keeps it: Chinese header, BOM, one member per line (line 1 is the header). */
function membersCsv(total: number, prefix: string, change?: { line: number; row: string }): string {
  const rows = ['姓名,界别,角色,企业微信,电话,召集人'];
  for (let i = 1; i <= total; i += 1)
    rows.push(
      `${prefix}${i},${SECTORS[i % SECTORS.length]},${i % 50 === 0 ? '工作人员' : '委员'},${prefix}-${i},1390000${String(i).padStart(4, '0')},${i % 60 === 1 ? '是' : ''}`,
    );
  if (change) rows[change.line - 1] = change.row;
  return `\uFEFF${rows.join('\n')}\n`;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  db = await connectMongo(stores.mongoUri);
});
afterAll(async () => {
  await db?.close();
});

describe('yishi import members', () => {
  it('imports a CSV of 500 members in one run, showing its progress', async () => {
    const run = await runCli(['import', 'members', file('members-500.csv', membersCsv(500, '委员'))], { env, viaNpm: true });
    expect(run.stderr).toContain('导入 50/500');
    expect(run.stderr).toContain('导入 250/500');
    expect(run.stderr).toContain('导入 500/500');
    expect(run.stderr).toContain('已导入500个成员。');
    expect(run.code).toBe(0);
    expect(await count('members')).toBe(500);
    const sample = await db.collection('members').findOne({ name: '委员60' });
    expect(sample).toMatchObject({
      sector: SECTORS[60 % 8],
      role: 'member',
      wecomUserId: '委员-60',
      phone: '13900000060',
      isConvenor: false,
      active: true,
    });
    expect(await db.collection('members').findOne({ name: '委员100' })).toMatchObject({ role: 'staff' });
  }, 60_000);

  it('rejects a file with a malformed row, naming its line, and imports nothing from it', async () => {
    const badRole = file('bad-role.csv', membersCsv(300, '新委员', { line: 137, row: '新委员136,工会,主任,x-136,,' }));
    const run = await runCli(['import', 'members', badRole], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('第137行：角色应当是委员、工作人员或管理员。整个文件未导入。');
    expect(run.stderr).not.toContain('导入 ');
    expect(await count('members')).toBe(500);
    expect(await db.collection('members').findOne({ name: '新委员1' })).toBeNull();
  }, 60_000);

  it('says a missing 界别 and a 10-digit phone in Chinese, once each', async () => {
    const missing = await runCli(['import', 'members', file('missing.csv', '姓名,界别,角色,电话\n甲,工会,委员,\n乙,,委员,\n')], { env });
    expect(missing.stderr).toContain('第3行：界别不能为空。整个文件未导入。');
    expect(missing.stderr).not.toMatch(/Invalid|expected/);
    const phone = await runCli(['import', 'members', file('phone.csv', '姓名,界别,角色,电话\n甲,工会,委员,1391234567\n')], { env });
    expect(phone.stderr).toContain('第2行：电话应为 1 开头的 11 位手机号。整个文件未导入。');
    expect(await count('members')).toBe(500);
  }, 60_000);

  it('rejects a row whose columns do not match the header, and a quote left open, with their lines', async () => {
    const shortRow = await runCli(['import', 'members', file('short.csv', membersCsv(20, '乙', { line: 9, row: '乙8,工会' }))], { env });
    expect(shortRow.stderr).toContain('第9行格式有误（列数与表头不一致）。整个文件未导入。');
    const quote = await runCli(['import', 'members', file('quote.csv', membersCsv(20, '丙', { line: 5, row: '"丙4,工会,委员,,,' }))], {
      env,
    });
    expect(quote.stderr).toMatch(/第\d+行格式有误（引号没有成对）。整个文件未导入。/);
    expect(shortRow.code).toBe(1);
    expect(await count('members')).toBe(500);
  }, 60_000);

  it('names both lines when an account repeats in the file, and the owner when it is already registered', async () => {
    const repeated = await runCli(
      ['import', 'members', file('repeat.csv', membersCsv(30, '丁', { line: 21, row: '丁20,工会,委员,丁-3,,' }))],
      { env },
    );
    expect(repeated.stderr).toContain('第21行：企业微信账号 丁-3与第4行重复。整个文件未导入。');
    const taken = await runCli(
      ['import', 'members', file('taken.csv', membersCsv(30, '戊', { line: 12, row: '戊11,工会,委员,委员-7,,' }))],
      { env },
    );
    expect(taken.stderr).toContain('第12行：企业微信账号 委员-7已经登记（委员7）。整个文件未导入。');
    expect(await count('members')).toBe(500);
  }, 60_000);

  it('says what the header lacks, and refuses other file types', async () => {
    const header = await runCli(['import', 'members', file('header.csv', '名字,界别\n张三,工会\n')], { env });
    expect(header.stderr).toContain('第1行（表头）应当列出：姓名、界别、角色；不认识的列：名字。整个文件未导入。');
    const other = await runCli(['import', 'members', file('list.txt', 'x')], { env });
    expect(other.stderr).toContain('只支持 .csv 和 .xlsx 文件');
    expect(other.code).toBe(1);
  }, 60_000);
});

describe('yishi import communities', () => {
  it('imports villages and communities from an XLSX sheet with keywords and QR codes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('村社区');
    sheet.addRow(['名称', '关键词', '二维码']);
    for (let i = 1; i <= 47; i += 1) sheet.addRow([i % 2 ? `第${i}社区` : `第${i}村`, `第${i}、${i}号`, `q${i}`]);
    const path = join(dir, 'communities.xlsx');
    await workbook.xlsx.writeFile(path);
    const run = await runCli(['import', 'communities', path], { env });
    expect(run.stderr).toContain('导入 47/47');
    expect(run.code).toBe(0);
    expect(await db.collection('communities').findOne({ name: '第2村' })).toMatchObject({ keywords: ['第2', '2号'], code: 'q2' });

    const again = await runCli(['import', 'communities', path], { env });
    expect(again.stderr).toContain('第2行：第1社区已经登记');
    expect(await count('communities')).toBe(47);
  }, 60_000);
});
