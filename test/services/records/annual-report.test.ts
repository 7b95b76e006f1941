import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { DemoAdminClient } from '../../../src/demo/admin-client.js';
import { seedDemoCommittee } from '../../../src/demo/seed-demo.js';
import { useScenario } from '../../support/scenario.js';
import { TEST_ADMIN_TOKEN } from '../../support/yishi.js';
import { browserWith, linkIn, open, sessionCookieOf } from '../../http/workbench/workbench-client.js';
import { bj, inbox, numberIn, say } from './records-support.js';

// Issue 24, 述职表: a demo member's year — an event attended, a shift served, an opinion filed and
// settled, a 社情民意 adopted by the city committee, a proposal submitted — comes out as a DOCX the
// office can print and sign, and the office's summary lists every member in name order.

// A Sunday morning in March, as the demo seed expects (its consultation month begins four days later).
const clock = new ManualClock('2026-03-08T02:00:00Z');
const MEMBER = '沈清和';
let ids: Map<string, string>;
let opinion: string;
let shiftDate: string;
let eventTitle: string;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 120_000 }, async () => {
  await seedDemoCommittee(new DemoAdminClient(app.url, TEST_ADMIN_TOKEN), clock.now());
  const members = (await app.api('/api/members')).body.items as Array<{ id: string; name: string }>;
  ids = new Map(members.map((m) => [m.name, m.id]));
  const me = ids.get(MEMBER)!;
  const staff = ids.get('林晓雯')!;

  // 反映 → 受理 → 办结 by staff → 满意.
  opinion = numberIn(await say(app, me, '反映 #青石社区 青石街菜市场门口人行道破损，雨天积水，老人容易滑倒'));
  for (const line of [`受理 ${opinion}`, '确认', `当场办结 ${opinion} 已联系市政修复人行道`, '确认']) await say(app, staff, line);
  expect(await say(app, me, `评价 ${opinion} 满意`)).toContain('已归档');

  // 社情民意 from the opinion, adopted by the city committee with a 批示.
  for (const line of [`社情民意 ${opinion}`, '沿用', '人行道养护责任不清，修复不及时。', '一是明确养护责任；二是建立巡查制度。', '同界别'])
    await say(app, me, line);
  expect(await say(app, me, '确认')).toContain('SQ-2026-0001');
  for (const body of [{ to: 'edited' }, { to: 'forwarded', level: 'city' }, { to: 'adopted', level: 'city', note: '请市城管局研究办理' }]) {
    const step = await app.api('/api/social-reports/SQ-2026-0001/steps', { method: 'POST', body });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
  }

  // 提案 from the opinion, submitted by staff.
  for (const line of [`提案 ${opinion}`, '沿用', '一、尽快修复；二、建立巡查制度。', '无']) await say(app, me, line);
  expect(await say(app, me, '确认')).toContain('TA-2026-0001');
  expect(await say(app, staff, '提案提交 TA-2026-0001')).toContain('已提交');

  // 值班签到 on the member's first shift after today.
  const shifts = (await app.api('/api/roster?from=2026-03-09&to=2026-03-31')).body.shifts as Array<{
    date: string;
    slot: string;
    memberName: string;
  }>;
  const shift = shifts.find((s) => s.memberName === MEMBER)!;
  shiftDate = shift.date;
  clock.set(bj(`${shift.date} ${shift.slot === '下午' ? '14:10' : '09:10'}`));
  expect(await say(app, me, '值班签到')).toContain('签到成功');

  // 签到 at the event the member signed up for (the demo's third, 2026-03-16 14:30).
  const events = (await app.api('/api/events')).body.events as Array<{ number: number; title: string; startAt: string }>;
  const event = events.find((e) => e.startAt === '2026-03-16T06:30:00.000Z')!;
  eventTitle = event.title;
  clock.set(bj('2026-03-16 14:20'));
  expect(await say(app, me, `签到 ${event.number}`)).toContain('签到成功');
  clock.set(bj('2026-12-02 22:30'));
});

const download = (path: string, headers: Record<string, string> = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }) =>
  fetch(`${app.url}${path}`, { headers });

/** The text of a DOCX's body: word/document.xml without its tags, paragraphs and cells on their own lines. */
async function textOf(bytes: ArrayBuffer): Promise<{ text: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  return { text, styles: await zip.file('word/styles.xml')!.async('string') };
}

describe('述职表 (annual report) of a demo member', () => {
  it('renders every section from the record, with the figures of 我的履职 and 我的积分', async () => {
    const response = await download(`/api/records/members/${ids.get(MEMBER)}/annual-report.docx?year=2026`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="annual-report-2026-[\w-]+\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`2026年度履职报告-${MEMBER}.docx`);

    const { text, styles } = await textOf(await response.arrayBuffer());
    // Chinese fonts for East Asian text, set in the styles.
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:eastAsia="黑体"');

    expect(text).toContain('政协委员年度履职报告');
    expect(text).toContain(MEMBER);
    expect(text).toContain('无党派');
    expect(text).toContain('2026-01-01 至 2026-12-31');
    expect(text).toContain('2026-12-02 22:30');

    expect(text).toContain('参加协商议事活动 1 次');
    expect(text).toContain('接待值班 1 次');
    expect(text).toContain('反映民意 1 件');
    expect(text).toContain('报送社情民意信息 1 篇，被采用 1 篇');
    expect(text).toContain('提交提案 1 件，联名提案 0 件');
    // 2 (shift) + 3 (event) + 1 (opinion) + 2 (report sent) + 5 (adopted) + 3 (proposal), by the default rules.
    expect(text).toContain('履职积分 16 分');
    const points = await app.api(`/api/points/${ids.get(MEMBER)}?period=2026`);
    expect(points.body.total).toBe(16);

    const section = (title: string, next: string) => text.slice(text.indexOf(title), text.indexOf(next));
    expect(section('二、参加协商议事活动', '三、')).toContain(eventTitle);
    expect(section('二、参加协商议事活动', '三、')).toContain('2026-03-16');
    expect(section('三、接待值班', '四、')).toContain(shiftDate);
    const opinions = section('四、反映民意及办理结果', '五、');
    expect(opinions).toContain(opinion);
    expect(opinions).toContain('青石街菜市场门口人行道破损');
    expect(opinions).toContain('已归档，评价：满意');
    const reports = section('六、社情民意信息及采用情况', '七、');
    expect(reports).toContain('SQ-2026-0001');
    expect(reports).toContain('已被市政协采用；批示：请市城管局研究办理');
    const proposals = section('七、提案', '八、');
    expect(proposals).toContain('TA-2026-0001');
    expect(proposals).toContain('领衔');
    const sheet = section('八、履职积分', '九、');
    for (const line of ['接待值班122', '参加活动133', '反映民意111', '报送社情民意122', '社情民意被采用155', '提交提案133', '合计16'])
      expect(sheet.replace(/\s/g, '')).toContain(line);
    expect(sheet).toContain('参加活动：1/3，尚未达到');
    expect(text).toContain('委员签名：');
    expect(text).toContain('政协办公室审核意见：');
    expect(text).toContain('（盖章）');
  });

  it('gives the office one summary of all members in name order, with the same figures', async () => {
    const response = await download('/api/records/annual-summary.docx?year=2026');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('2026年度委员履职汇总.docx');
    const { text } = await textOf(await response.arrayBuffer());
    expect(text).toContain('2026年度委员履职情况汇总');
    expect(text).toContain('不排名');
    const members = ((await app.api('/api/members')).body.items as Array<{ name: string; role: string }>)
      .filter((m) => m.role === 'member')
      .map((m) => m.name)
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(members).toHaveLength(17);
    const positions = members.map((name) => text.indexOf(`\n${name}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // 沈清和's row: events, duty, opinions, resolved, reports sent, adopted, proposals, co-signed, points, minimum.
    const row = text
      .slice(text.indexOf(`\n${MEMBER}\n`))
      .split('\n')
      .slice(1, 13);
    expect(row).toEqual(['沈清和', '无党派', '1', '1', '1', '0', '1', '1', '1', '0', '16', '未达到：参加活动']);
    expect(text).toContain('共 17 位委员。');
  });

  it('answers bad input with a clear Chinese sentence', async () => {
    const id = ids.get(MEMBER)!;
    for (const year of ['26', '2027', 'abcd', '20266']) {
      const response = await download(`/api/records/members/${id}/annual-report.docx?year=${year}`);
      expect(response.status, year).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('请填四位数的年份');
    }
    expect((await download('/api/records/annual-summary.docx?year=2027')).status).toBe(400);
    const unknown = await download('/api/records/members/000000000000000000000000/annual-report.docx?year=2026');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('没有这位委员，请核对委员编号。');
    expect((await download(`/api/records/members/${id}/annual-report.docx`, {})).status).toBe(401);
  });
});

describe('我的述职表 in chat and the workbench', () => {
  it('sends the member a one-time sign-in link; signed in, they download their own report and no one else’s', async () => {
    const me = ids.get(MEMBER)!;
    const reply = await say(app, me, '我的述职表');
    expect(reply).toContain('2026年度的履职报告（述职表）');
    expect(reply).toContain('下载述职表');
    const signedIn = await open(linkIn(reply));
    const browser = await browserWith(app, sessionCookieOf(signedIn)!);
    const own = await download(`/api/records/members/${me}/annual-report.docx?year=2026`, { cookie: browser.cookie });
    expect(own.status).toBe(200);
    expect((await textOf(await own.arrayBuffer())).text).toContain('履职积分 16 分');
    const other = await browser.call(`/api/records/members/${ids.get('顾雨桐')}/annual-report.docx?year=2026`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('委员只能下载本人的述职表。');
    expect((await browser.call('/api/records/annual-summary.docx?year=2026')).status).toBe(403);

    const staff = await browserWith(app, sessionCookieOf(await open(linkIn(await say(app, ids.get('林晓雯')!, '工作台'))))!);
    expect((await staff.call(`/api/records/members/${me}/annual-report.docx?year=2026`)).status).toBe(200);
    expect((await staff.call('/api/records/annual-summary.docx?year=2026')).status).toBe(200);
  });

  it('answers in a group that the report goes to the member alone, and sends the link in private', async () => {
    const me = ids.get(MEMBER)!;
    const response = await app.api('/console/messages', {
      method: 'POST',
      body: { from: me, text: '@议事助手 我的述职表', chat: '委员群', mentionedBot: true },
    });
    expect(response.status).toBe(200);
    expect((response.body.replies as Array<{ text: string }>).map((r) => r.text).join('\n')).toBe(
      '述职表只发给本人，已在单聊中把下载方式发给您。',
    );
    await app.tick();
    expect(await inbox(app, me)).toContainEqual(expect.stringContaining('/workbench/sign-in?ticket='));
    expect(await inbox(app, '委员群')).not.toContainEqual(expect.stringContaining('ticket='));
  });
});
