import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addMember, bj, say } from '../../services/records/records-support.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * Issue 24 in the workbench, through the front door: a member signed in lists and reads only their
 * own 社情民意 and their own 履职积分; staff preview a step in chat's words before taking it; the
 * office's figures stay the office's.
 */
const clock = new ManualClock(bj('2026-11-10 10:00'));
let ids: Record<string, string>;
let anRan: Browser;
let chengYuan: Browser;
let desk: Browser;

const REPORT = ['多处路灯损坏。', '维护经费不足。', '纳入年度预算。', '同界别', '确认'];

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 60_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    程远: await addMember(app, { name: '程远', sector: '文艺界' }),
    staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  for (const line of ['社情民意 关于老旧小区路灯维护的情况反映', ...REPORT]) await say(app, ids.安然!, line);
  for (const line of ['社情民意 关于夜市占道经营的情况反映', ...REPORT]) await say(app, ids.程远!, line);
  anRan = await signIn(app, ids.安然!);
  chengYuan = await signIn(app, ids.程远!);
  desk = await signIn(app, ids.staff!);
});

describe('a member’s own 社情民意 in the workbench', () => {
  it('lists only the member’s own reports, whatever member the query names', async () => {
    const own = await anRan.call('/api/social-reports');
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.items.map((r: { number: string }) => r.number)).toEqual(['SQ-2026-0001']);
    const asked = await anRan.call(`/api/social-reports?member=${ids.程远}`);
    expect(asked.body.items.map((r: { authorId: string }) => r.authorId)).toEqual([ids.安然]);
    // Staff see both.
    expect((await desk.call('/api/social-reports')).body.items).toHaveLength(2);
  });

  it('reads the member’s own report, and another’s as one that does not exist', async () => {
    expect((await anRan.call('/api/social-reports/SQ-2026-0001')).body).toMatchObject({
      number: 'SQ-2026-0001',
      stateLabel: '已报送',
      nextSteps: ['edited', 'not-adopted'],
      editable: true,
      maxLength: 1500,
    });
    const other = await anRan.call('/api/social-reports/SQ-2026-0002');
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe('没有找到社情民意信息 SQ-2026-0002，请核对编号。');
  });

  it('keeps the figures, the export, edits and steps for the office', async () => {
    for (const [path, method] of [
      ['/api/social-reports/stats', 'GET'],
      ['/api/social-reports/export.csv', 'GET'],
      ['/api/social-reports/SQ-2026-0001/steps', 'POST'],
      ['/api/social-reports/SQ-2026-0001/steps/preview', 'POST'],
      ['/api/social-reports/SQ-2026-0001', 'PATCH'],
      ['/api/points', 'GET'],
    ] as const) {
      const answer = await anRan.call(path, { method, ...(method === 'GET' ? {} : { body: { to: 'edited' } }) });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    expect((await app.api('/api/social-reports/SQ-2026-0001')).body.state).toBe('submitted');
  });
});

describe('steps previewed in chat’s words', () => {
  it('previews a step and changes nothing; refuses one the rules forbid, with chat’s sentence', async () => {
    const preview = await desk.call('/api/social-reports/SQ-2026-0001/steps/preview', { body: { to: 'edited' } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual({
      changes: ['将把社情民意信息 SQ-2026-0001《关于老旧小区路灯维护的情况反映》（安然）改为：已编发。'],
      notified: ['安然'],
    });
    expect((await app.api('/api/social-reports/SQ-2026-0001')).body.state).toBe('submitted');

    expect((await desk.call('/api/social-reports/SQ-2026-0001/steps', { body: { to: 'edited' } })).status).toBe(200);
    const tooHigh = await desk.call('/api/social-reports/SQ-2026-0001/steps/preview', { body: { to: 'adopted', level: 'city' } });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.message).toBe('这篇信息只上报到区政协，还不能写由更高一级采用；请先上报。');
    const adopted = await desk.call('/api/social-reports/SQ-2026-0001/steps/preview', {
      body: { to: 'adopted', level: 'district', note: '请城管局落实' },
    });
    expect(adopted.body.changes).toEqual([
      '将把社情民意信息 SQ-2026-0001《关于老旧小区路灯维护的情况反映》（安然）改为：已被区政协采用（批示：请城管局落实）。',
    ]);
  });
});

describe('a member’s own 履职积分', () => {
  it('gives each member their own points with the items behind them, and nobody else’s', async () => {
    await desk.call('/api/social-reports/SQ-2026-0001/steps', { body: { to: 'adopted', level: 'district' } });
    const mine = await anRan.call('/api/points/me?period=2026');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ memberId: ids.安然, name: '安然', total: 7 });
    const adoptedLine = mine.body.lines.find((line: { kind: string }) => line.kind === 'social-report-adopted');
    expect(adoptedLine).toMatchObject({ count: 1, each: 5, points: 5, items: [expect.objectContaining({ ref: 'SQ-2026-0001' })] });
    expect((await chengYuan.call('/api/points/me')).body).toMatchObject({ memberId: ids.程远, total: 2 });
    // The token is no member: 401, not someone's points.
    expect((await app.api('/api/points/me')).status).toBe(401);
  });
});
