import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { consoleChat } from '../../platforms/console/console-client.js';
import { byDate, generate, roster, setUpCommittee } from './roster-support.js';

// Monday 2026-09-14, 10:00 in Beijing.
const clock = new ManualClock('2026-09-14T02:00:00Z');
let ids: Record<string, string>;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  ids = await setUpCommittee(app, ['张三', '李四', '王五', '赵六']);
});

describe('a rotation across 中秋 and 国庆 2026, from the working calendar plus days typed for it', () => {
  it('skips weekends, the official holidays and a typed day off; works the 调休 Saturday and a typed Saturday', async () => {
    const result = await generate(app, {
      from: '2026-09-21',
      to: '2026-10-11',
      memberIds: [ids['张三'], ids['李四'], ids['王五']],
      holidays: ['2026-09-28'],
      workdays: ['2026-09-26'],
    });
    expect(result.workingDays).toBe(10);
    expect(byDate(result.shifts)).toEqual({
      '2026-09-21': '张三',
      '2026-09-22': '李四',
      '2026-09-23': '王五',
      '2026-09-24': '张三', // 25 September is 中秋
      '2026-09-26': '李四', // typed: a holiday Saturday the centre opens
      '2026-09-29': '王五', // 28 September typed as a day off
      '2026-09-30': '张三',
      '2026-10-08': '李四', // 国庆 1–7 October
      '2026-10-09': '王五',
      '2026-10-10': '张三', // 调休: the official working Saturday
    });
    expect(result.shifts.every((shift) => shift.place === '委员服务中心' && shift.state === 'planned' && shift.slot === '全天')).toBe(true);
    const special = (result as unknown as { specialDays: Array<{ date: string; working: boolean; reason: string }> }).specialDays;
    expect(special.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2026-09-25 official-holiday',
      '2026-09-26 office-workday',
      '2026-09-27 official-holiday',
      '2026-09-28 office-holiday',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d} official-holiday`),
      '2026-10-10 official-workday',
    ]);
  });

  it('continues the order in the next period from the member after the last one on duty', async () => {
    const next = await generate(app, { from: '2026-10-12', to: '2026-10-14', memberIds: [ids['张三'], ids['李四'], ids['王五']] });
    expect(byDate(next.shifts)).toEqual({ '2026-10-12': '李四', '2026-10-13': '王五', '2026-10-14': '张三' });
  });

  it('splits days into 上午 and 下午 turns when asked', async () => {
    const result = await generate(app, {
      from: '2026-11-02',
      to: '2026-11-03',
      memberIds: [ids['赵六'], ids['李四']],
      slots: ['上午', '下午'],
      place: '东城社区议事厅',
    });
    expect(byDate(result.shifts)).toEqual({
      '2026-11-02 上午': '赵六',
      '2026-11-02 下午': '李四',
      '2026-11-03 上午': '赵六',
      '2026-11-03 下午': '李四',
    });
    expect(result.shifts[0]!.place).toBe('东城社区议事厅');
  });
});

describe('regenerating keeps what was served', () => {
  it('keeps a served shift and carries the new order on after its member', async () => {
    await generate(app, { from: '2026-09-14', to: '2026-09-18', memberIds: [ids['张三'], ids['李四'], ids['王五']] });
    const chat = consoleChat(app);
    expect(await chat.say(ids['张三']!, '值班签到')).toContain('签到成功');

    const again = await generate(app, {
      from: '2026-09-14',
      to: '2026-09-18',
      memberIds: [ids['赵六'], ids['王五'], ids['李四'], ids['张三']],
    });
    expect(again.kept).toBe(1);
    const week = await roster(app, '2026-09-14', '2026-09-18');
    expect(week[0]).toMatchObject({ date: '2026-09-14', memberName: '张三', state: 'served' });
    // 张三 held the first day, so the new order goes on with the member after 张三: 赵六.
    expect(byDate(week)).toEqual({
      '2026-09-14': '张三',
      '2026-09-15': '赵六',
      '2026-09-16': '王五',
      '2026-09-17': '李四',
      '2026-09-18': '张三',
    });
  });
});

describe('bad requests get a clear answer and change nothing', () => {
  it.each([
    ['a date that does not exist', { from: '2026-02-30', to: '2026-03-05' }, 'invalid_request'],
    ['a period that ends before it starts', { from: '2026-12-10', to: '2026-12-01' }, 'roster_bad_range'],
    [
      'a day that is both holiday and workday',
      { from: '2026-12-01', to: '2026-12-10', holidays: ['2026-12-05'], workdays: ['2026-12-05'] },
      'roster_holiday_and_workday',
    ],
    ['an unknown member', { from: '2026-12-01', to: '2026-12-10', memberIds: ['0123456789abcdef01234567'] }, 'roster_member_not_found'],
    ['no members', { from: '2026-12-01', to: '2026-12-10', memberIds: [] }, 'invalid_request'],
    ['an odd slot list', { from: '2026-12-01', to: '2026-12-10', slots: ['全天', '上午'] }, 'invalid_request'],
  ])('refuses %s', async (_what, body, code) => {
    const response = await app.api('/api/roster/generate', {
      method: 'POST',
      body: { memberIds: [ids['张三']], place: '委员服务中心', ...body },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(await roster(app, '2026-12-01', '2026-12-31')).toEqual([]);
  });

  it('refuses a duplicated member, naming them', async () => {
    const response = await app.api('/api/roster/generate', {
      method: 'POST',
      body: { from: '2026-12-01', to: '2026-12-10', memberIds: [ids['张三'], ids['张三']], place: '委员服务中心' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('张三');
  });

  it('needs the admin token', async () => {
    const response = await fetch(`${app.url}/api/roster?from=2026-09-01&to=2026-09-30`);
    expect(response.status).toBe(401);
  });
});

describe('排班: the staff command', () => {
  it('reads 假日:1月1日 in the year of the month being generated, lists it in the preview and leaves the day empty', async () => {
    const chat = consoleChat(app);
    clock.set('2026-12-02T02:00:00Z');
    const preview = await chat.say(ids['刘干事']!, '排班 2027-01 张三 李四 假日:1月1日');
    expect(preview).toContain('将为1月1日（周五）至1月31日（周日）排班（20个工作日');
    expect(preview).toContain('· 1月1日（周五） 不排班（排班时指定）');
    expect(await chat.say(ids['刘干事']!, '确认')).toContain('· 1月1日（周五） 不排班（排班时指定）');
    const january = byDate(await roster(app, '2027-01-01', '2027-01-31'));
    expect(january['2027-01-01']).toBeUndefined();
    expect(Object.keys(january)).toHaveLength(20);
    expect(Object.keys(january)[0]).toBe('2027-01-04');
    // Nothing was written in the current year's January.
    expect(await roster(app, '2026-01-01', '2026-01-31')).toEqual([]);
    clock.set('2026-09-14T02:00:00Z');
  });

  it('lists the official holidays and 调休 days it applied in the preview', async () => {
    const chat = consoleChat(app);
    const preview = await chat.say(ids['刘干事']!, '排班 2026-10-19至2026-10-25 张三 李四');
    expect(preview).toContain('这一期间没有节假日或调休，周末不排班。');
    expect(await chat.say(ids['刘干事']!, '取消')).not.toBe('');
    const national = await chat.say(ids['刘干事']!, '排班 2026-09-28至2026-10-11 张三 李四 调休:10月3日');
    expect(national).toContain('· 10月1日（周四）至10月2日（周五） 不排班（国庆节·法定节假日）');
    expect(national).toContain('· 10月3日（周六） 上班（排班时指定）');
    expect(national).toContain('· 10月4日（周日）至10月7日（周三） 不排班（国庆节·法定节假日）');
    expect(national).toContain('· 10月10日（周六） 上班（国庆节·调休上班）');
    expect(await chat.say(ids['刘干事']!, '取消')).not.toBe('');
  });

  it('refuses a typed holiday outside the period instead of dropping it', async () => {
    const chat = consoleChat(app);
    expect(await chat.say(ids['刘干事']!, '排班 2026-11-02至2026-11-06 张三 李四 假日:2026-12-25')).toBe(
      '2026-12-25不在这次排班的期间内，请检查假日或调休的日期。',
    );
  });

  it('shows what it will do, and generates on 确认', async () => {
    const chat = consoleChat(app);
    const preview = await chat.say(ids['刘干事']!, '排班 2026-12-07至2026-12-13 张三 李四 地点:东城社区议事厅 假日:12月9日 调休:12月12日');
    expect(preview).toContain('将为12月7日（周一）至12月13日（周日）排班（5个工作日，全天，东城社区议事厅），轮值顺序：张三 → 李四');
    expect(await roster(app, '2026-12-07', '2026-12-13')).toEqual([]);
    expect(await chat.say(ids['刘干事']!, '确认')).toContain('已生成12月7日（周一）至12月13日（周日）的值班表：5个工作日，新排5个班次');
    expect(byDate(await roster(app, '2026-12-07', '2026-12-13'))).toEqual({
      '2026-12-07': '张三',
      '2026-12-08': '李四',
      '2026-12-10': '张三',
      '2026-12-11': '李四',
      '2026-12-12': '张三',
    });
  });

  it('is for staff only, and explains a period it cannot read', async () => {
    const chat = consoleChat(app);
    expect(await chat.say(ids['张三']!, '排班 下月 张三 李四')).toContain('工作人员');
    expect(await chat.say(ids['刘干事']!, '排班 改天 张三 李四')).toBe(
      '没看懂期间“改天”。可以写：下月、本周、2026年10月、2026-09-28至2026-10-11。',
    );
  });
});
