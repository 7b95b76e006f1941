import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { parse } from 'csv-parse/sync';
import { ManualClock } from '../../../src/core/clock.js';
import { buildNovember, type NovemberCommittee } from './november-fixture.js';
import { bj, say } from './records-support.js';

let committee: NovemberCommittee;
const clock = new ManualClock(bj('2026-10-20 09:00'));

const { yishi: app } = useScenario(
  import.meta.url,
  // The fixture files 122 opinions through chat: on its own FerretDB over PostgreSQL when installed (the subject is the rates).
  { clock, scheduler: 'manual', env: { COMMAND_RATE_PER_MINUTE: '10000' }, setupTimeoutMs: 600_000, ownPostgres: true },
  async () => {
    committee = await buildNovember(app, clock);
    clock.set(bj('2026-12-02 10:00'));
  },
);

/*
 * November 2026, worked out by hand from the fixture's batches (A 30, B 20, C 25, D 15, E 10, G 10
 * submitted in November; F 12 in October):
 *
 * 响应率  submitted in Nov: 110; accepted ≤ 24 h: A 30 + C 25 + D 15 + G 10 = 80          → 72.7%
 * 按时办结率 resolved in Nov: A 30 + B 20 + C 20 + D 15 + F 4 = 89; on time: 30 + 20 + 15 = 65 → 73.0%
 * 解决率  deadline in Nov: A 30 + B 20 + C 25 + D 15 + F 12 = 102; resolved: 102 − 5 (C) = 97 → 95.1%
 * 满意率  rated in Nov: A 30 + B 20 + C 10 + D 10 + F 4 = 74; pleased: 30 + 10 + 10 + 10 + 4 = 64 → 86.5%
 * 建言率  members 6; filed or proposal submitted: 安然, 程远, 方正 (opinions), 白露 (proposal) = 4 → 66.7%
 *
 * By sector (handler, else the member on duty who received it): 无党派 = A (安然) + G (白露 on duty);
 * 文艺界 = B (程远) + D (丁宁); 工会 = C (高山) + E (方正 on duty) + F (方正).
 * By community: 青石社区 = A + D + G; 柳岸村 = B + E; 东湖社区 = C + F.
 */
describe('统计: the five rates of November, to the digit', () => {
  it('answers 统计 上月 with every rate and its counts, overall, by sector and by community', async () => {
    const text = await say(app, committee.staff, '统计 上月');
    const lines = text.split('\n');
    expect(lines[0]).toBe('2026年11月统计（2026-11-01至2026-11-30）');
    expect(lines).toContain('响应率 72.7%（80/110）');
    expect(lines).toContain('按时办结率 73.0%（65/89）');
    expect(lines).toContain('解决率 95.1%（97/102）');
    expect(lines).toContain('满意率 86.5%（64/74）');
    expect(lines).toContain('建言率 66.7%（4/6）');
    expect(lines).toContain(
      '无党派：响应 100.0%（40/40）；按时 100.0%（30/30）；解决 100.0%（30/30）；满意 100.0%（30/30）；建言 100.0%（2/2）',
    );
    expect(lines).toContain(
      '文艺界：响应 42.9%（15/35）；按时 42.9%（15/35）；解决 100.0%（35/35）；满意 66.7%（20/30）；建言 50.0%（1/2）',
    );
    expect(lines).toContain('工会：响应 71.4%（25/35）；按时 83.3%（20/24）；解决 86.5%（32/37）；满意 100.0%（14/14）；建言 50.0%（1/2）');
    expect(lines).toContain('青石社区：响应 100.0%（55/55）；按时 100.0%（45/45）；解决 100.0%（45/45）；满意 100.0%（40/40）');
    expect(lines).toContain('柳岸村：响应 0.0%（0/30）；按时 0.0%（0/20）；解决 100.0%（20/20）；满意 50.0%（10/20）');
    expect(lines).toContain('东湖社区：响应 100.0%（25/25）；按时 83.3%（20/24）；解决 86.5%（32/37）；满意 100.0%（14/14）');
  });

  it('exports the same figures as rates.csv', async () => {
    const response = await fetch(`${app.url}/api/export/rates.csv?period=2026-11`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), { bom: true }) as string[][];
    const byName = Object.fromEntries(rows.slice(1).map((row) => [`${row[0]}/${row[1]}`, row.slice(2)]));
    expect(byName['全部/全部']).toEqual([
      '72.7%',
      '80',
      '110',
      '73.0%',
      '65',
      '89',
      '95.1%',
      '97',
      '102',
      '86.5%',
      '64',
      '74',
      '66.7%',
      '4',
      '6',
    ]);
    expect(byName['界别/工会']).toEqual([
      '71.4%',
      '25',
      '35',
      '83.3%',
      '20',
      '24',
      '86.5%',
      '32',
      '37',
      '100.0%',
      '14',
      '14',
      '50.0%',
      '1',
      '2',
    ]);
    expect(byName['村/社区/柳岸村']).toEqual(['0.0%', '0', '30', '0.0%', '0', '20', '100.0%', '20', '20', '50.0%', '10', '20', '', '', '']);
  });

  it('counts October alone for 2026-10: history is its own period', async () => {
    // F: 12 submitted 10/26, all accepted within the hour; 8 resolved on time 10/30, rated 满意 10/31.
    const rows = parse((await app.api('/api/export/rates.csv?from=2026-10-01&to=2026-10-31')).body as string, { bom: true }) as string[][];
    expect(rows[1]).toEqual(['全部', '全部', '100.0%', '12', '12', '100.0%', '8', '8', '', '0', '0', '100.0%', '8', '8', '0.0%', '0', '6']);
  });
});

describe('履职档案: each member’s card, counted from the ledger the services wrote', () => {
  const card = (name: string, period = '上月') => say(app, committee.staff, `履职 ${name} ${period}`);

  it('shows 丁宁 her shifts, event and on-the-spot resolutions', async () => {
    expect(await card('丁宁')).toBe(
      [
        '丁宁（文艺界）2026年11月履职',
        '接待值班 3 次 · 参加活动 1 次',
        '反映民意 0 件 · 提交提案 0 件',
        '受理 15 件 · 办结 15 件（按时 15 件，当场 15 件）',
        '所办民意满意率 100.0%（10/10）',
      ].join('\n'),
    );
  });

  it('shows every member the numbers the fixture produced', async () => {
    expect(await card('安然')).toContain(
      '接待值班 3 次 · 参加活动 2 次\n反映民意 7 件 · 提交提案 0 件\n受理 0 件 · 办结 30 件（按时 30 件，当场 0 件）\n所办民意满意率 100.0%（30/30）',
    );
    expect(await card('白露')).toBe(
      [
        '白露（无党派）2026年11月履职',
        '接待值班 1 次 · 参加活动 1 次',
        '反映民意 0 件 · 提交提案 1 件',
        '受理 0 件 · 办结 0 件（按时 0 件，当场 0 件）',
      ].join('\n'),
    );
    expect(await card('程远')).toContain(
      '接待值班 0 次 · 参加活动 1 次\n反映民意 8 件 · 提交提案 0 件（另联名 1 件）\n受理 0 件 · 办结 20 件（按时 0 件，当场 0 件）\n所办民意满意率 50.0%（10/20）',
    );
    expect(await card('方正')).toContain(
      '接待值班 2 次 · 参加活动 1 次\n反映民意 10 件 · 提交提案 0 件\n受理 0 件 · 办结 4 件（按时 0 件，当场 0 件）\n所办民意满意率 100.0%（4/4）',
    );
    expect(await card('高山')).toContain(
      '接待值班 0 次 · 参加活动 1 次\n反映民意 0 件 · 提交提案 0 件\n受理 0 件 · 办结 20 件（按时 20 件，当场 0 件）\n所办民意满意率 100.0%（10/10）',
    );
  });

  it('counts the quarter across the October boundary (方正: F resolved 8 on time in October, 4 late in November)', async () => {
    expect(await card('方正', '本季度')).toBe(
      [
        '方正（工会）2026年第4季度履职',
        '接待值班 2 次 · 参加活动 2 次',
        '反映民意 10 件 · 提交提案 0 件',
        '受理 0 件 · 办结 12 件（按时 8 件，当场 0 件）',
        '所办民意满意率 100.0%（12/12）',
      ].join('\n'),
    );
  });

  it('lets a member read their own card with 我的履职, and December is still empty', async () => {
    expect(await say(app, committee.ids['丁宁']!, '我的履职 上月')).toContain('办结 15 件（按时 15 件，当场 15 件）');
    expect(await say(app, committee.ids['丁宁']!, '我的履职')).toBe(
      '丁宁（文艺界）2026年12月履职\n这段时间还没有记录。值班签到、反映民意、办结、参加活动、提交提案都会自动记入。',
    );
  });

  it('keeps 履职 and 统计 for staff, and answers a bad period plainly', async () => {
    expect(await say(app, committee.ids['安然']!, '统计')).toContain('工作人员');
    expect(await say(app, committee.ids['安然']!, '履职 丁宁')).toContain('工作人员');
    expect(await say(app, committee.staff, '统计 明年')).toContain('明年');
    expect(await say(app, committee.staff, '履职 无此人')).toContain('无此人');
  });

  it('exports every member’s record as records.csv', async () => {
    const rows = parse((await app.api('/api/export/records.csv?period=2026-11')).body as string, { bom: true }) as string[][];
    const byName = Object.fromEntries(rows.slice(1).map((row) => [row[0], row.slice(1)]));
    expect(Object.keys(byName).sort()).toEqual(['丁宁', '方正', '高山', '安然', '白露', '程远'].sort());
    expect(byName['丁宁']).toEqual(['文艺界', '3', '0', '15', '15', '15', '15', '1', '0', '0', '0', '0', '0', '10', '10']);
    expect(byName['程远']).toEqual(['文艺界', '0', '8', '0', '20', '0', '0', '1', '0', '1', '0', '0', '0', '10', '20']);
  });

  it('never writes a fact twice: one ledger entry per shift served, event attended and opinion resolved', async () => {
    const ledger = app.db.collection('activities');
    expect(await ledger.countDocuments({ kind: 'shift-served' })).toBe(9);
    expect(await ledger.countDocuments({ kind: 'event-attended' })).toBe(8);
    expect(await ledger.countDocuments({ kind: 'opinion-resolved' })).toBe(97);
    expect(await ledger.countDocuments({ kind: 'proposal-submitted' })).toBe(1);
    // Checking in again is refused and records nothing.
    clock.set(bj('2026-11-30 09:10'));
    expect(await say(app, committee.ids['程远']!, '值班签到')).not.toBe('');
    expect(await say(app, committee.ids['程远']!, '值班签到')).not.toBe('');
    expect(await ledger.countDocuments({ kind: 'shift-served' })).toBe(10);
    clock.set(bj('2026-12-02 10:00'));
  });
});
