import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { register, say } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * 名录 and 通知 through the front door: member files checked by the CLI's rules (every bad line
 * named, nothing written), imported and exported with a workbench session; failed notices listed
 * with their reasons in Chinese and sent again.
 */
let yishi: TestYishi;
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
let admin: Browser;
let staff: Browser;

const file = (fileName: string, content: string | Buffer) => ({
  fileName,
  content: (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'),
});
const memberNames = async () =>
  ((await yishi.api('/api/members?includeInactive=true')).body.items as Array<{ name: string }>).map((m) => m.name);

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  const chief = await register(yishi, { name: '周管理员', sector: '中共', role: 'admin' });
  const clerk = await register(yishi, { name: '王主任', sector: '中共', role: 'staff', wecomUserId: 'wangzr' });
  admin = await signIn(yishi, chief.id);
  staff = await signIn(yishi, clerk.id);
});
afterAll(async () => {
  await yishi?.stop();
});

describe('a member file', () => {
  const bad = [
    '姓名,界别,角色,企业微信,电话',
    '孙委员,文艺界,委员,sunwy,13800000001',
    '钱委员,文艺界,主席,qianwy,',
    '吴委员,文艺界,委员,sunwy,',
    '郑委员,文艺界,委员,wangzr,12ab',
  ].join('\n');

  it('is previewed with every bad line and why, and nothing is written', async () => {
    const before = await memberNames();
    const preview = await staff.call('/api/members/import/preview', { body: file('名单.csv', bad) });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(4);
    expect(preview.body.problems).toEqual([
      { line: 3, message: '第3行：角色应当是委员、工作人员或管理员。' },
      { line: 4, message: '第4行：企业微信账号 sunwy与第2行重复。' },
      { line: 5, message: '第5行：电话应为 1 开头的 11 位手机号。' },
    ]);
    expect(preview.body.members).toEqual([expect.objectContaining({ line: 2, name: '孙委员', role: 'member' })]);
    expect(await memberNames()).toEqual(before);
  });

  it('reads an XLSX the same way, naming the sheet row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '界别', '角色']);
    sheet.addRow(['冯委员', '教育界', '委员']);
    sheet.addRow(['', '教育界', '委员']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await staff.call('/api/members/import/preview', { body: file('名单.xlsx', bytes) });
    expect(preview.body.problems).toEqual([{ line: 3, message: '第3行：姓名不能为空。' }]);
    const notSheet = await staff.call('/api/members/import/preview', { body: file('名单.xlsx', 'not a zip') });
    expect(notSheet.body.problems[0].message).toBe('文件格式有误（不是有效的 XLSX 文件）。整个文件未导入。');
  });

  it('is refused whole with every bad line named; then a good file is imported; only admins import', async () => {
    const before = await memberNames();
    const refused = await admin.call('/api/members/import', { body: file('名单.csv', bad) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      '第3行：角色应当是委员、工作人员或管理员。\n第4行：企业微信账号 sunwy与第2行重复。\n第5行：电话应为 1 开头的 11 位手机号。整个文件未导入。',
    );
    expect(await memberNames()).toEqual(before);

    const good = '姓名,界别,角色,企业微信,召集人\n孙委员,文艺界,委员,sunwy,是\n钱委员,文艺界,工作人员,qianwy,\n';
    expect((await staff.call('/api/members/import', { body: file('名单.csv', good) })).status).toBe(403);
    const imported = await admin.call('/api/members/import', { body: file('名单.csv', good) });
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toBe(2);
    expect(await memberNames()).toEqual([...before, '孙委员', '钱委员']);
  });

  it('is exported with Chinese headers, in the columns the import reads', async () => {
    const csv = await staff.call('/api/members/export.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toMatch(/^姓名,界别,角色,企业微信,钉钉,电话,召集人\r\n/);
    expect(String(csv.body)).toContain('孙委员,文艺界,委员,sunwy,,,是');
    const response = await fetch(`${yishi.url}/api/members/export.xlsx`, { headers: { cookie: staff.cookie } });
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '界别', '角色', '企业微信', '钉钉', '电话', '召集人']);
  });
});

describe('failed notices', () => {
  it('lists them with the reason in Chinese, and a retry (audited) sends them once the cause is fixed', async () => {
    // No office group yet: the notice to 'staff' about a new opinion cannot go anywhere.
    const filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
    expect(await say(yishi, filer.id, '反映 青石社区3号楼路灯坏了')).toMatch(/MY-2026-\d{6}/);
    await yishi.tick();
    const failed = await staff.call('/api/outbox/failed');
    expect(failed.status).toBe(200);
    const notice = failed.body.items.find((item: { recipient: string }) => item.recipient === '#staff');
    expect(notice).toMatchObject({ reason: '群“staff”不存在，请在名录的“群和机器人”里添加' });
    expect(notice.text).toContain('路灯');

    expect((await staff.call('/api/outbox/retry', { body: { ids: [notice.id] }, csrf: false })).status).toBe(403);
    expect((await staff.call('/api/outbox/retry', { body: { ids: [] } })).status).toBe(400);
    await yishi.api('/api/groups', {
      body: { key: 'staff', name: '办公室', channels: [{ platform: 'console', kind: 'group', id: 'office' }] },
    });
    const retried = await staff.call('/api/outbox/retry', { body: { ids: [notice.id, 'nope'] } });
    expect(retried.body).toEqual({ queued: 1, notFailed: ['nope'] });
    await yishi.tick();
    const after = await staff.call('/api/outbox/failed');
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(notice.id);
  });
});
