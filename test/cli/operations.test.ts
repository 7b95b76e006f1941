import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { testStores } from '../support/stores.js';
import { startTestYishi, TEST_ADMIN_TOKEN, type TestYishi } from '../support/yishi.js';
import { runCli } from './cli-support.js';

const stores = testStores(import.meta.url);
const env = { MONGODB_URI: stores.mongoUri };
const clock = new ManualClock('2026-03-04T02:00:00Z');
let app: TestYishi;

const say = async (from: string, text: string) =>
  ((await app.api('/console/messages', { body: { from, text } })).body.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
const addMember = async (name: string, role: 'member' | 'staff' | 'admin' = 'member') =>
  (await app.api('/api/members', { body: { name, sector: '工会', role } })).body.id as string;

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { stores, clock, redis: false, scheduler: 'manual' });
});
afterAll(async () => {
  await app?.stop();
});

describe('yishi outbox', () => {
  it('lists a notice that failed with its reason, and sends it again once the cause is fixed', async () => {
    expect(await say('resident:王阿姨', '反映 小区门口的路灯坏了')).toMatch(/MY-2026-\d{6}/);
    await app.tick(); // the office group does not exist yet: the notice to it fails
    const failed = await runCli(['outbox', 'failed'], { env });
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('#staff');
    expect(failed.stdout).toContain('group "staff" does not exist');
    const id = /^([0-9a-f]{24}) /m.exec(failed.stdout)![1]!;

    expect(
      (
        await app.api('/api/groups', {
          body: { key: 'staff', name: '政协办公室', channels: [{ platform: 'console', kind: 'group', id: 'office' }] },
        })
      ).status,
    ).toBe(201);
    const retried = await runCli(['outbox', 'retry', id, '0123456789abcdef01234567'], { env });
    expect(retried.stderr).toContain('编号 0123456789abcdef01234567 不是发送失败的通知（或不存在），未处理。');
    expect(retried.stderr).toContain('已重新排队1条通知');
    await app.tick(new Date(Date.now() + 1000)); // the CLI queues it for its own (real) now
    const inbox = (await app.api('/console/inbox?to=office')).body.messages as Array<{ text: string }>;
    expect(inbox.map((m) => m.text).join('\n')).toMatch(/MY-2026-\d{6}/);
    expect((await runCli(['outbox', 'failed'], { env })).stdout).toContain('没有发送失败的通知。');
  }, 60_000);
});

describe('yishi roster generate and export', () => {
  it('generates a month of half-day shifts for the named members, and exports the roster and members as CSV', async () => {
    await addMember('甲委员');
    await addMember('乙委员');
    const generated = await runCli(
      ['roster', 'generate', '--month', '2026-04', '--members', '甲委员,乙委员', '--half-days', '--holidays', '2026-04-06'],
      { env },
    );
    expect(generated.stderr).toContain('已生成 2026-04-01 至 2026-04-30 的值班表：21个工作日，新排42个班次');
    const first = (await app.api('/api/roster?from=2026-04-01&to=2026-04-01')).body.shifts as Array<{ slot: string; memberName: string }>;
    expect(first.map((s) => `${s.slot}${s.memberName}`)).toEqual(['上午甲委员', '下午乙委员']);

    const dir = mkdtempSync(join(tmpdir(), 'yishi-cli-export-'));
    const roster = await runCli(['export', 'roster', '--from', '2026-04-01', '--to', '2026-04-02', '--out', join(dir, 'roster.csv')], {
      env,
    });
    expect(roster.stderr).toContain('已导出4行');
    expect(readFileSync(join(dir, 'roster.csv'), 'utf8')).toBe(
      '\uFEFF日期,时段,委员,地点,状态\n2026-04-01,上午,甲委员,委员服务中心,待值班\n2026-04-01,下午,乙委员,委员服务中心,待值班\n2026-04-02,上午,甲委员,委员服务中心,待值班\n2026-04-02,下午,乙委员,委员服务中心,待值班\n',
    );
    await runCli(['export', 'members', '--out', join(dir, 'members.csv')], { env });
    expect(readFileSync(join(dir, 'members.csv'), 'utf8')).toContain('姓名,界别,角色,企业微信,钉钉,电话,召集人\n甲委员,工会,委员,,,,\n');
    const opinions = await runCli(['export', 'opinions', '--out', join(dir, 'opinions.csv')], { env });
    expect(opinions.stderr).toContain('导出 1/1');
    expect(readFileSync(join(dir, 'opinions.csv'), 'utf8')).not.toContain('王阿姨');
    // Events: times in Beijing time and states in words, as the office reads them.
    const event = await app.api('/api/events', {
      body: {
        title: '老旧小区加装电梯协商',
        sectors: ['工会'],
        startAt: '2026-04-20T14:30:00+08:00',
        endAt: '2026-04-20T16:30:00+08:00',
        place: '区政协协商议事厅',
      },
    });
    expect(event.status).toBe(201);
    await runCli(['export', 'events', '--out', join(dir, 'events.csv')], { env });
    const eventRow = readFileSync(join(dir, 'events.csv'), 'utf8')
      .split('\n')
      .find((line) => line.includes('加装电梯'));
    expect(eventRow).toContain(',2026-04-20 14:30,2026-04-20 16:30,区政协协商议事厅,');
    expect(eventRow).toMatch(/,(筹备中|报名中),0,0$/);
    expect((await runCli(['export', 'votes'], { env })).code).toBe(2);
  }, 90_000);
});

describe('删除成员', () => {
  it('lets an admin deactivate a member after 确认; the member is then no longer recognised', async () => {
    const admin = await addMember('陈主任', 'admin');
    const leaving = await addMember('要离开的委员');
    expect(await say(admin, '删除成员 要离开的委员')).toContain('将停用成员“要离开的委员”（工会，委员）');
    expect(await say(admin, '确认')).toContain('已停用成员“要离开的委员”');
    expect((await app.api(`/api/members/${leaving}`)).body.active).toBe(false);
    expect((await app.api('/console/messages', { body: { from: leaving, text: '帮助' } })).status).toBe(400);
    expect(await say(admin, '删除成员 陈主任')).toBe('不能停用您自己。如需交接，请由另一位管理员办理。');
  }, 30_000);
});

// Last: a rotation is seen by the running instance too (within 15 s), which would refuse later calls made with ADMIN_TOKEN.
describe('yishi token', () => {
  it('rotates the admin token: the new one is printed once and works, the old one stops, and reset brings ADMIN_TOKEN back', async () => {
    const devFolder = mkdtempSync(join(tmpdir(), 'yishi-cli-dev-'));
    mkdirSync(join(devFolder, '.data'));
    writeFileSync(join(devFolder, '.data', 'admin-token'), TEST_ADMIN_TOKEN);
    const rotated = await runCli(['token', 'rotate'], { env, cwd: devFolder });
    expect(rotated.code).toBe(0);
    const token = rotated.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(join(devFolder, '.data', 'admin-token'), 'utf8')).toBe(token);
    expect(JSON.stringify(await app.db.collection('settings').find().toArray())).not.toContain(token);

    // Another instance on the same database (or this one within 15 s) accepts only the new token.
    const other = await startTestYishi(import.meta.url, { stores, clock, redis: false, scheduler: 'manual' });
    try {
      const asOld = await fetch(`${other.url}/api/members`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      const asNew = await fetch(`${other.url}/api/members`, { headers: { authorization: `Bearer ${token}` } });
      expect([asOld.status, asNew.status]).toEqual([401, 200]);
    } finally {
      await other.stop();
    }
    expect((await runCli(['token', 'reset'], { env })).stderr).toContain('已撤销轮换的令牌');
    const again = await startTestYishi(import.meta.url, { stores, clock, redis: false, scheduler: 'manual' });
    try {
      expect((await again.api('/api/members')).status).toBe(200);
    } finally {
      await again.stop();
    }
    // This file's own instance re-reads the token every 15 s: it may have taken the rotated one
    // while this test ran (on a busy machine), so the next tests wait until it has let it go.
    await expect.poll(async () => (await app.api('/api/members')).status, { timeout: 60_000, interval: 500 }).toBe(200);
  }, 150_000);
});

describe('yishi calendar', () => {
  it(
    'adds an office day off that the admin API and every deadline then see, shows the year, and clears it',
    { timeout: 180_000 },
    async () => {
      const off = await runCli(['calendar', 'off', '2026-12-31', '--name', '机关调休'], { env });
      expect(off.code, off.stderr).toBe(0);
      expect(off.stdout).toContain('已记下：2026-12-31 休息');
      expect((await app.api('/api/settings/calendar')).body.days).toEqual([{ date: '2026-12-31', working: false, name: '机关调休' }]);

      const shown = await runCli(['calendar', 'show', '--year', '2026'], { env });
      expect(shown.stdout).toContain('2026 年工作日历：');
      expect(shown.stdout).toContain('2026-10-01 休息  国庆节 · 法定节假日');
      expect(shown.stdout).toContain('2026-10-10 上班  国庆节 · 调休上班');
      expect(shown.stdout).toContain('2026-12-31 休息  机关调休 · 办公室休息日');
      expect((await runCli(['calendar', 'show', '--year', '2031'], { env })).stdout).toContain('日历数据里还没有这一年的法定节假日');

      expect((await runCli(['calendar', 'clear', '2026-12-31'], { env })).stdout).toContain('已删去办公室对 2026-12-31 的安排。');
      expect((await app.api('/api/settings/calendar')).body.days).toEqual([]);
      expect((await runCli(['calendar', 'off', '2026-13-01'], { env })).code).toBe(2);
    },
  );
});
