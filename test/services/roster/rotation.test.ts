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

describe('a rotation across a National Day-like holiday week with a 调休 Saturday', () => {
  it('skips weekends and the listed holidays, and works the listed Saturday', async () => {
    const result = await generate(app, {
      from: '2026-09-21',
      to: '2026-10-11',
      memberIds: [ids['张三'], ids['李四'], ids['王五']],
      holidays: ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02'],
      workdays: ['2026-09-26'],
    });
    expect(result.workingDays).toBe(11);
    expect(byDate(result.shifts)).toEqual({
      '2026-09-21': '张三',
      '2026-09-22': '李四',
      '2026-09-23': '王五',
      '2026-09-24': '张三',
      '2026-09-25': '李四',
      '2026-09-26': '王五', // 调休: a Saturday that is a working day
      '2026-10-05': '张三',
      '2026-10-06': '李四',
      '2026-10-07': '王五',
      '2026-10-08': '张三',
      '2026-10-09': '李四',
    });
    expect(result.shifts.every((shift) => shift.place === '委员服务中心' && shift.state === 'planned' && shift.slot === '全天')).toBe(true);
  });

  it('continues the order in the next period from the member after the last one on duty', async () => {
    const next = await generate(app, { from: '2026-10-12', to: '2026-10-14', memberIds: [ids['张三'], ids['李四'], ids['王五']] });
    expect(byDate(next.shifts)).toEqual({ '2026-10-12': '王五', '2026-10-13': '张三', '2026-10-14': '李四' });
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
