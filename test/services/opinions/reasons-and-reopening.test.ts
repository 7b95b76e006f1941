import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { outbox, register, say, sayConfirmed } from './opinion-chat.js';

// Issue 21: what people said is kept; the rules of 重新打开. Wednesday 2026-12-02, 10:00 Beijing.
const DAY = 24 * 60 * 60 * 1000;
const clock = new ManualClock('2026-12-02T02:00:00Z');
let yishi: TestYishi;
let staff: { id: string };
let zhang: { id: string };
let li: { id: string };

/** Sends a line and answers 确认 when Yishi asks for it (the confirmation rule is tested elsewhere). */
async function act(who: string, text: string): Promise<string> {
  const reply = await say(yishi, who, text);
  return reply.includes('“确认”') ? say(yishi, who, '确认') : reply;
}

/** Files an opinion as 张委员, has staff accept and assign it to 李委员, who resolves it. */
async function resolvedOpinion(content: string): Promise<string> {
  const number = /MY-2026-\d{6}/.exec(await say(yishi, zhang.id, `反映 ${content}`))![0];
  await act(staff.id, `受理 ${number}`);
  await act(staff.id, `分派 ${number} 李委员`);
  expect(await act(li.id, `办结 ${number} 已更换地砖`)).toContain('已办结');
  clock.advance(60_000);
  return number;
}

const opinionDoc = (number: string) => yishi.db.collection('opinions').findOne({ number });
const download = async (path: string) => {
  const response = await fetch(`${yishi.url}${path}`, { headers: { authorization: `Bearer ${yishi.config.adminToken}` } });
  expect(response.status).toBe(200);
  return response;
};
const csvRows = async (path: string) => {
  const rows = parse(Buffer.from(await (await download(path)).arrayBuffer()).toString('utf8'), { bom: true }) as string[][];
  return rows.slice(1).map((row) => Object.fromEntries(rows[0]!.map((header, i) => [header, row[i]!])));
};
/** 李委员's 满意评价 / 评价总数 in this month's records export. */
const liSatisfaction = async () => {
  const row = (await csvRows('/api/export/records.csv?period=本月')).find((r) => r['委员'] === '李委员')!;
  return [row['满意评价'], row['评价总数']];
};

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  zhang = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
  li = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
  expect((await yishi.api('/api/communities', { body: { name: '青石社区', keywords: ['青石'] } })).status).toBe(201);
});
afterAll(async () => {
  await yishi?.stop();
});

describe('what people said is kept (issue 21)', () => {
  let number: string;

  it('stores a rating’s reason, audits it, shows it in 进度 and sends it to the handler', async () => {
    number = await resolvedOpinion('青石社区2号楼门口地砖松了');
    expect(await say(yishi, zhang.id, `评价 ${number} 基本满意 地砖换了但颜色不一样`)).toContain('已归档');
    const doc = (await opinionDoc(number))!;
    expect(doc.rating).toBe('basically');
    expect(doc.ratingReason).toBe('地砖换了但颜色不一样');
    const { body } = await yishi.api(`/api/opinions/${number}`);
    expect(body.audit.at(-1)).toMatchObject({ action: 'rate', note: '基本满意：地砖换了但颜色不一样' });

    const progress = await say(yishi, zhang.id, `进度 ${number}`);
    expect(progress).toContain('评价：基本满意（地砖换了但颜色不一样）');
    expect(progress).toContain('评价：基本满意：地砖换了但颜色不一样');
    const toHandler = (await outbox(yishi)).filter((d) => d.recipient.kind === 'member' && d.recipient.memberId === li.id);
    expect(toHandler.at(-1)!.message.text).toBe(`${number} 的反映人已评价：基本满意。反映人说：“地砖换了但颜色不一样”。`);
  });

  it('puts the rating’s reason in the CSV and XLSX exports', async () => {
    const row = (await csvRows('/api/export/opinions.csv?period=本月')).find((r) => r['编号'] === number)!;
    expect(row).toMatchObject({ 评价: '基本满意', 评价理由: '地砖换了但颜色不一样', 重新打开原因: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await download('/api/export/opinions.xlsx?period=本月')).arrayBuffer());
    const sheet = workbook.getWorksheet('民意')!;
    const header = sheet.getRow(1).values as string[];
    const values = sheet.getRow(2).values as string[];
    expect(values[header.indexOf('评价理由')]).toBe('地砖换了但颜色不一样');
    const admin = await (await download('/api/opinions/export.csv')).text();
    expect(admin).toContain('评价理由');
    expect(admin).toContain('地砖换了但颜色不一样');
  });

  it('counts the rating in 李委员’s record until the opinion is reopened, then no longer, at once', async () => {
    expect(await liSatisfaction()).toEqual(['1', '1']);
    const before = (await csvRows('/api/export/rates.csv?period=本月'))[0]!;
    expect([before['满意率'], before['满意与基本满意'], before['本期评价']]).toEqual(['100.0%', '1', '1']);
    // After 已归档 the filer may not reopen it; staff may, as a new round with the reason kept.
    expect(await sayConfirmed(yishi, zhang.id, `重新打开 ${number} 又松了`)).toBe(
      `${number} 已归档，只有政协办公室工作人员可以重新打开。如果问题又出现了，请联系政协办公室，或发送“反映 内容”提交一条新的反映。`,
    );
    expect((await opinionDoc(number))!.state).toBe('closed');
    clock.advance(60_000);
    expect(await act(staff.id, `重新打开 ${number} 又松了`)).toContain(`${number} 已重新打开`);
    const doc = (await opinionDoc(number))!;
    expect(doc).toMatchObject({ state: 'in_progress', round: 1, reopenReason: '又松了' });
    expect(doc.rating).toBeUndefined();
    expect(doc.ratingReason).toBeUndefined();
    expect(doc.audit.map((a: { action: string }) => a.action).slice(-2)).toEqual(['rate', 'reopen']);
    expect(doc.audit.at(-1).note).toBe('又松了');
    expect(await liSatisfaction()).toEqual(['0', '0']);
    const overall = (await csvRows('/api/export/rates.csv?period=本月'))[0]!;
    expect([overall['满意率'], overall['满意与基本满意'], overall['本期评价']]).toEqual(['', '0', '0']);

    const toHandler = (await outbox(yishi)).filter((d) => d.recipient.kind === 'member' && d.recipient.memberId === li.id);
    expect(toHandler.at(-1)!.message.text).toContain('又松了');
    expect(await say(yishi, zhang.id, `进度 ${number}`)).toContain('重新打开的原因：又松了');
    const row = (await csvRows('/api/export/opinions.csv?period=本月')).find((r) => r['编号'] === number)!;
    expect(row).toMatchObject({ 评价: '', 评价理由: '', 重新打开原因: '又松了' });
  });
});

describe('who may reopen, and when (issue 21)', () => {
  it('lets the filer reopen within 7 days of 办结 with a reason, asking for one when none is given', async () => {
    const number = await resolvedOpinion('青石社区5号楼楼道灯不亮');
    expect(await sayConfirmed(yishi, zhang.id, `重新打开 ${number}`)).toContain('请说说为什么要重新打开');
    expect(await act(zhang.id, '灯还是时亮时不亮')).toContain(`${number} 已重新打开`);
    expect((await opinionDoc(number))!).toMatchObject({ state: 'in_progress', reopenReason: '灯还是时亮时不亮' });
  });

  it('refuses the filer after the window, clearly; staff may still reopen; the window is a setting', async () => {
    const number = await resolvedOpinion('青石社区7号楼井盖松动');
    clock.advance(8 * DAY);
    expect(await sayConfirmed(yishi, zhang.id, `重新打开 ${number} 还是响`)).toBe(
      `${number} 办结已超过 7 天，不能再由反映人重新打开。如有新的情况，请再发一条反映，或联系政协办公室。`,
    );
    expect((await opinionDoc(number))!.state).toBe('resolved');

    expect((await yishi.api('/api/settings/reopen-window', { method: 'PUT', body: { days: 10 } })).body).toEqual({ days: 10 });
    expect((await yishi.api('/api/settings/reopen-window', { method: 'PUT', body: { days: 0 } })).status).toBe(400);
    expect(await act(zhang.id, `重新打开 ${number} 还是响`)).toContain(`${number} 已重新打开`);
    expect((await yishi.api('/api/settings/reopen-window', { method: 'PUT', body: { days: 7 } })).status).toBe(200);
  });

  it('refuses someone who neither filed it nor works in the office', async () => {
    const number = await resolvedOpinion('青石社区9号楼路灯不亮');
    const other = await register(yishi, { name: '赵委员', sector: '无党派', role: 'member' });
    expect(await sayConfirmed(yishi, other.id, `重新打开 ${number} 看着不行`)).toContain('不能');
    expect((await opinionDoc(number))!.state).toBe('resolved');
  });
});
