import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { useScenario } from '../../support/scenario.js';
import { inbox, roster, setUpCommittee, STAFF_ROOM, type Shift } from '../../services/roster/roster-support.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * 工作台的值班页 through the front door: a staff member's session previews October 2026 (国庆节 off,
 * the 调休 Saturday on), generates it, previews and makes a change of hands, and lists the swap
 * requests members make in chat; a member reads their own shifts and nothing of the office's.
 */
// Friday 2026-10-09, 08:00 in Beijing.
const clock = new ManualClock('2026-10-09T00:00:00Z');
let ids: Record<string, string>;
let desk: Browser;
let chat: ReturnType<typeof consoleChat>;

const OCTOBER = { from: '2026-10-01', to: '2026-10-31', place: '委员服务中心', slots: ['上午', '下午'] };

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  ids = await setUpCommittee(app, ['张三', '李四', '王五']);
  chat = consoleChat(app);
  desk = await signIn(app, ids['刘干事']!);
});

const rotation = () => ({ ...OCTOBER, memberIds: [ids['张三'], ids['李四'], ids['王五']] });

describe('the month before it is generated', () => {
  it('shows the shifts the generation would write, with the holidays and the 调休 day, and writes nothing', async () => {
    const plan = await desk.call('/api/roster/plan', { body: rotation() });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({ from: '2026-10-01', to: '2026-10-31', kept: 0 });
    expect(plan.body.specialDays).toContainEqual({
      date: '2026-10-01',
      working: false,
      reason: 'official-holiday',
      name: '国庆节',
      label: '国庆节·法定节假日',
    });
    expect(plan.body.specialDays).toContainEqual({
      date: '2026-10-10',
      working: true,
      reason: 'official-workday',
      name: '国庆节',
      label: '国庆节·调休上班',
    });
    const shifts = plan.body.shifts as Shift[];
    expect(shifts).toHaveLength(plan.body.workingDays * 2);
    expect(shifts.some((s) => s.date === '2026-10-01')).toBe(false);
    expect(shifts.filter((s) => s.date === '2026-10-10').map((s) => s.slot)).toEqual(['上午', '下午']);
    expect(shifts[0]).toEqual({ date: '2026-10-08', slot: '上午', memberId: ids['张三'], memberName: '张三', place: '委员服务中心' });
    expect(await roster(app, '2026-10-01', '2026-10-31')).toEqual([]);
  });

  it('refuses a bad request with the sentence chat gives, before anything is written', async () => {
    const unknown = await desk.call('/api/roster/plan', { body: { ...rotation(), memberIds: ['nobody'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('没有找到委员“nobody”（或已停用），请核对。');
    const twice = await desk.call('/api/roster/plan', { body: { ...rotation(), memberIds: [ids['张三'], ids['张三']] } });
    expect(twice.body.error.message).toBe('名单里“张三”出现了不止一次，请检查。');
  });
});

describe('generating and changing hands', () => {
  it('generates what the preview showed, shows today and the calendar, and hands one shift to another member', async () => {
    const plan = await desk.call('/api/roster/plan', { body: rotation() });
    const generated = await desk.call('/api/roster/generate', { body: rotation() });
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const month = await desk.call('/api/roster?from=2026-10-01&to=2026-10-31');
    const pick = ({ date, slot, memberId }: Shift) => ({ date, slot, memberId });
    expect(month.body.shifts.map(pick)).toEqual(plan.body.shifts.map(pick));
    expect(month.body.specialDays).toEqual(plan.body.specialDays);

    const today = await desk.call('/api/roster/today');
    expect(today.body.date).toBe('2026-10-09');
    expect(today.body.shifts.map((s: Shift) => `${s.slot} ${s.memberName}`)).toEqual(['上午 王五', '下午 张三']);

    const shift = (month.body.shifts as Shift[]).find((s) => s.date === '2026-10-12' && s.slot === '上午')!;
    const other = [ids['张三'], ids['李四'], ids['王五']].find((id) => id !== shift.memberId)!;
    const otherName = Object.keys(ids).find((name) => ids[name] === other)!;
    const preview = await desk.call(`/api/roster/shifts/${shift.id}/preview`, { body: { memberId: other } });
    expect(preview.body).toEqual({
      changes: [`10月12日（周一）上午（委员服务中心）的值班将由${shift.memberName}改为${otherName}。`],
      notified: [otherName, shift.memberName, '政协办公室工作群'],
    });
    expect((await roster(app, '2026-10-12', '2026-10-12')).find((s) => s.id === shift.id)!.memberId).toBe(shift.memberId);

    const changed = await desk.call(`/api/roster/shifts/${shift.id}`, { method: 'PATCH', body: { memberId: other } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.shift).toMatchObject({ memberId: other, memberName: otherName });
    expect(changed.body.shift.history.at(-1)).toMatchObject({ kind: 'reassign', byMemberId: ids['刘干事'] });
    await app.tick();
    expect(await inbox(app, other)).toContain('工作人员已将10月12日（周一）上午（委员服务中心）的值班安排给您。');
    expect(await inbox(app, STAFF_ROOM)).toContain(`调班：10月12日（周一）上午 ${shift.memberName} → ${otherName}（工作人员调整）。`);
  });

  it('lists the swap requests members make in chat, with their state', async () => {
    const mine = (await roster(app, '2026-10-13', '2026-10-31')).find((s) => s.memberId === ids['张三'])!;
    const [, month, day] = mine.date.split('-').map(Number);
    const busy = (await roster(app, mine.date, mine.date)).map((s) => s.memberId);
    const asked = ['李四', '王五'].find((name) => !busy.includes(ids[name]!))!;
    expect(await chat.sayConfirmed(ids['张三']!, `换班 ${month}月${day}日 ${asked}`)).toContain(`已请${asked}代您值`);
    const pending = await desk.call('/api/roster/swaps?from=2026-10-01&to=2026-10-31');
    expect(pending.body.swaps).toEqual([
      expect.objectContaining({ date: mine.date, slot: mine.slot, fromName: '张三', toName: asked, state: 'pending', shiftId: mine.id }),
    ]);
    await chat.sayConfirmed(ids[asked]!, '同意');
    const answered = await desk.call('/api/roster/swaps?from=2026-10-01&to=2026-10-31');
    expect(answered.body.swaps[0]).toMatchObject({ state: 'agreed', answeredAt: expect.any(String) });
    expect((await desk.call('/api/roster/swaps?from=2026-11-01&to=2026-11-30')).body.swaps).toEqual([]);
  });
});

describe('a member', () => {
  it('reads their own shifts still to come, and none of the office’s roster routes', async () => {
    const member = await signIn(app, ids['李四']!);
    const own = await member.call('/api/roster/me');
    expect(own.status).toBe(200);
    expect(own.body.shifts.length).toBeGreaterThan(0);
    expect(own.body.shifts.every((s: Shift) => s.memberId === ids['李四'] && s.date >= '2026-10-09')).toBe(true);
    for (const path of [
      '/api/roster?from=2026-10-01&to=2026-10-31',
      '/api/roster/today',
      '/api/roster/swaps?from=2026-10-01&to=2026-10-31',
    ]) {
      expect((await member.call(path)).status, path).toBe(403);
    }
    expect((await member.call('/api/roster/plan', { body: rotation() })).status).toBe(403);
    expect((await app.api('/api/roster/me')).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const paths = (await app.api('/api/openapi.json')).body.paths;
    for (const path of ['/api/roster/plan', '/api/roster/today', '/api/roster/swaps', '/api/roster/me', '/api/roster/shifts/{id}/preview'])
      expect(paths[path], path).toBeDefined();
  });
});
