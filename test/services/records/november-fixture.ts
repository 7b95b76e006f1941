import { expect } from 'vitest';
import type { ManualClock } from '../../../src/core/clock.js';
import type { TestYishi } from '../../support/yishi.js';
import { addMember, bj, DAY, HOUR, MINUTE, numberIn, say, sayConfirmed, Timeline, uniqueText } from './records-support.js';

/**
 * A committee's November 2026 (plus some October history), built through the front door: the
 * admin API registers people, places, the roster and events; everything else is said on the
 * console by staff, members and residents while a ManualClock walks through the weeks.
 *
 * Six members in three sectors, one staff member, three communities, 122 opinions in seven
 * batches (the figures each batch contributes are worked out in the test), 21 shifts with 9
 * check-ins, 3 events with 8 check-ins, two proposals (one submitted).
 */
export interface NovemberCommittee {
  ids: Record<string, string>;
  staff: string;
}

const MEMBERS = [
  { name: '安然', sector: '无党派' },
  { name: '白露', sector: '无党派' },
  { name: '程远', sector: '文艺界' },
  { name: '丁宁', sector: '文艺界' },
  { name: '方正', sector: '工会' },
  { name: '高山', sector: '工会' },
];

export async function buildNovember(app: TestYishi, clock: ManualClock): Promise<NovemberCommittee> {
  clock.set(bj('2026-10-20 09:00'));
  const ids: Record<string, string> = {};
  for (const member of MEMBERS) ids[member.name] = await addMember(app, member);
  const staff = await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' });
  for (const name of ['青石社区', '柳岸村', '东湖社区'])
    expect((await app.api('/api/communities', { body: { name, keywords: [] } })).status).toBe(201);

  // The November rotation, in list order on working days: 11/2 安然, 11/3 白露, 11/4 程远, 11/5 丁宁, 11/6 方正, 11/9 高山, …
  const generated = await app.api('/api/roster/generate', {
    body: {
      from: '2026-11-01',
      to: '2026-11-30',
      memberIds: MEMBERS.map((m) => ids[m.name]),
      place: '委员服务中心',
      holidays: [],
      workdays: [],
    },
  });
  expect(generated.status, JSON.stringify(generated.body)).toBe(201);
  const onDuty = Object.fromEntries(
    (generated.body.shifts as Array<{ date: string; memberName: string }>).map((s) => [s.date, s.memberName]),
  );
  expect(Object.keys(onDuty)).toHaveLength(21);
  expect([onDuty['2026-11-03'], onDuty['2026-11-05'], onDuty['2026-11-09'], onDuty['2026-11-24'], onDuty['2026-11-27']]).toEqual([
    '白露',
    '丁宁',
    '高山',
    '方正',
    '白露',
  ]);

  const events: Record<string, number> = {};
  for (const [key, title, sectors, start] of [
    ['E0', '新材料产业发展协商会', ['中共', '工会'], '2026-10-28T14:30:00+08:00'],
    ['E1', '新就业群体权益保障协商', ['工会', '无党派'], '2026-11-12T14:30:00+08:00'],
    ['E2', '大健康产业发展沙龙', ['无党派', '文艺界'], '2026-11-25T14:30:00+08:00'],
  ] as const) {
    const created = await app.api('/api/events', {
      body: { title, sectors, startAt: start, endAt: new Date(new Date(start).getTime() + 2 * HOUR).toISOString(), place: '区政协会议室' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    events[key] = created.body.number as number;
  }

  const line = new Timeline();
  const resolve = async (who: string, number: string) => {
    expect(await say(app, who, `办结 ${number} 已协调有关部门处理完毕`)).toContain(number);
    expect(await say(app, who, '确认')).toContain(number);
  };
  const accept = async (number: string) => void expect(await sayConfirmed(app, staff, `受理 ${number}`)).toContain(number);
  const assign = async (number: string, name: string) =>
    void expect(await sayConfirmed(app, staff, `分派 ${number} ${name}`)).toContain(name);
  const rate = async (who: string, number: string, rating: string) =>
    void expect(await say(app, who, `评价 ${number} ${rating}`)).toContain(number);
  const file = async (who: string, community: string) => {
    const reply = await say(app, who, `反映 ${uniqueText('')} #${community}`);
    expect(reply).not.toContain('附议'); // filed, not offered a +1 on a similar one
    return numberIn(reply);
  };

  /** One opinion: filed at `at`, then each later step at its offset from the filing. */
  const opinion = (at: Date, filer: string, community: string, steps: Array<[number, (n: string) => Promise<void>]>) =>
    line.at(at, async () => {
      const number = await file(filer, community);
      for (const [offset, work] of steps) line.at(new Date(at.getTime() + offset), () => work(number));
    });

  // F (12, history): 东湖社区, filed Monday 10/26, accepted in 1 h, handled by 方正 (工会); deadline 11/4 17:30
  // (7 working days). 8 resolved 10/30 and rated 满意 10/31 (October); 4 resolved 11/5 (late) and rated 满意 11/6.
  for (let j = 0; j < 12; j += 1) {
    const who = `resident:东湖居民${j % 4}`;
    const done = j < 8 ? 4 * DAY : 10 * DAY;
    opinion(new Date(bj('2026-10-26 09:00').getTime() + j * 10 * MINUTE), who, '东湖社区', [
      [HOUR, accept],
      [HOUR, (n) => assign(n, '方正')],
      [HOUR + done, (n) => resolve(ids['方正']!, n)],
      [HOUR + done + DAY, (n) => rate(who, n, '满意')],
    ]);
  }
  // A (30): 青石社区, residents, 11/3 (白露 on duty), accepted in 2 h, handled by 安然 (无党派), resolved in 3 days, 满意.
  for (let j = 0; j < 30; j += 1) {
    const who = `resident:青石居民${j % 5}`;
    opinion(new Date(bj('2026-11-03 09:00').getTime() + j * 10 * MINUTE), who, '青石社区', [
      [2 * HOUR, accept],
      [2 * HOUR, (n) => assign(n, '安然')],
      [2 * HOUR + 3 * DAY, (n) => resolve(ids['安然']!, n)],
      [2 * HOUR + 4 * DAY, (n) => rate(who, n, '满意')],
    ]);
  }
  // D (15): 青石社区, residents, 11/5, resolved on the spot by 丁宁 (on duty) after 30 min; 5 满意, 5 基本满意, 5 not rated.
  for (let j = 0; j < 15; j += 1) {
    const who = `resident:青石来访${j}`;
    const rating = j < 5 ? '满意' : j < 10 ? '基本满意' : undefined;
    opinion(new Date(bj('2026-11-05 10:00').getTime() + j * 10 * MINUTE), who, '青石社区', [
      [30 * MINUTE, async (n) => void expect(await sayConfirmed(app, ids['丁宁']!, `当场办结 ${n} 现场答复并协调解决`)).toContain(n)],
      ...(rating ? [[90 * MINUTE, (n: string) => rate(who, n, rating)] as [number, (n: string) => Promise<void>]] : []),
    ]);
  }
  // B (20): 柳岸村, residents, 11/9, accepted after 30 h (11/10 16:00; deadline 11/19 17:30), handled by 程远 (文艺界),
  // resolved 10 days later (11/20, late);
  // 10 rated 基本满意 the next day, 10 rated 不满意 8 days later (past the reopening window: closed).
  for (let j = 0; j < 20; j += 1) {
    const who = `resident:柳岸居民${j % 4}`;
    const [after, rating] = j < 10 ? [DAY, '基本满意'] : [8 * DAY, '不满意'];
    opinion(new Date(bj('2026-11-09 10:00').getTime() + j * 10 * MINUTE), who, '柳岸村', [
      [30 * HOUR, accept],
      [30 * HOUR, (n) => assign(n, '程远')],
      [30 * HOUR + 10 * DAY, (n) => resolve(ids['程远']!, n)],
      [30 * HOUR + 10 * DAY + after, (n) => rate(who, n, rating)],
    ]);
  }
  // C (25): 东湖社区, filed by members (方正 10, 程远 8, 安然 7) on 11/16, accepted in 1 h, handled by 高山 (工会);
  // 20 resolved in 5 days, 5 still open at the month's end; the 10 of 方正 rated 满意.
  for (let j = 0; j < 25; j += 1) {
    const filer = ids[j < 10 ? '方正' : j < 18 ? '程远' : '安然']!;
    const steps: Array<[number, (n: string) => Promise<void>]> = [
      [HOUR, accept],
      [HOUR, (n) => assign(n, '高山')],
    ];
    if (j < 20) steps.push([HOUR + 5 * DAY, (n) => resolve(ids['高山']!, n)]);
    if (j < 10) steps.push([HOUR + 6 * DAY, (n) => rate(filer, n, '满意')]);
    opinion(new Date(bj('2026-11-16 09:00').getTime() + j * 10 * MINUTE), filer, '东湖社区', steps);
  }
  // E (10): 柳岸村, residents, 11/24 (方正 on duty): 5 declined after 3 h, 5 never touched.
  for (let j = 0; j < 10; j += 1) {
    const steps: Array<[number, (n: string) => Promise<void>]> = [];
    if (j < 5)
      steps.push([
        3 * HOUR,
        async (n) => {
          await say(app, staff, `不予受理 ${n} 不属于政协受理范围，已告知向有关部门反映`);
          expect(await say(app, staff, '确认')).toContain(n);
        },
      ]);
    opinion(new Date(bj('2026-11-24 09:00').getTime() + j * 10 * MINUTE), `resident:柳岸来信${j}`, '柳岸村', steps);
  }
  // G (10): 青石社区, residents, 11/27 (白露 on duty), accepted after 20 h, not assigned: deadline in December.
  for (let j = 0; j < 10; j += 1) {
    opinion(new Date(bj('2026-11-27 09:00').getTime() + j * 10 * MINUTE), `resident:青石邻里${j}`, '青石社区', [[20 * HOUR, accept]]);
  }

  // Shift check-ins: 安然 3, 白露 1, 丁宁 3, 方正 2.
  for (const [date, name] of [
    ['11-02', '安然'],
    ['11-10', '安然'],
    ['11-18', '安然'],
    ['11-03', '白露'],
    ['11-05', '丁宁'],
    ['11-13', '丁宁'],
    ['11-23', '丁宁'],
    ['11-06', '方正'],
    ['11-16', '方正'],
  ] as const) {
    expect(onDuty[`2026-${date}`]).toBe(name);
    line.at(bj(`2026-${date} 08:55`), async () => void expect(await say(app, ids[name]!, '值班签到')).not.toBe(''));
  }
  // Event check-ins: E0 方正 (October); E1 方正, 高山, 安然; E2 程远, 丁宁, 安然, 白露.
  for (const [event, day, names] of [
    ['E0', '2026-10-28', ['方正']],
    ['E1', '2026-11-12', ['方正', '高山', '安然']],
    ['E2', '2026-11-25', ['程远', '丁宁', '安然', '白露']],
  ] as const) {
    for (const name of names)
      line.at(bj(`${day} 14:20`), async () => void expect(await say(app, ids[name]!, `签到 ${events[event]}`)).toContain('签到'));
  }
  // Proposals: 白露 drafts one co-signed by 程远 (submitted 11/20); 高山's draft is never submitted.
  line.at(bj('2026-11-11 20:00'), async () => {
    const baiLu = ids['白露']!;
    expect(await say(app, baiLu, '提案 关于在老旧小区增设老年食堂的建议')).toContain('理由');
    expect(await say(app, baiLu, '辖区老年人口占比高，独居老人就餐困难。')).toContain('建议');
    expect(await say(app, baiLu, '一、利用社区闲置用房建设老年食堂；二、给予运营补贴。')).toContain('联名');
    expect(await say(app, baiLu, '程远')).toContain('程远');
    expect(await say(app, baiLu, '确认')).toContain('TA-2026-0001');
  });
  line.at(bj('2026-11-13 20:00'), async () => {
    const gao = ids['高山']!;
    await say(app, gao, '提案 关于规范外卖骑手停车点的建议');
    await say(app, gao, '骑手临时停车占用人行道。');
    await say(app, gao, '划定骑手停车区。');
    await say(app, gao, '无');
    expect(await say(app, gao, '确认')).toContain('TA-2026-0002');
  });
  line.at(bj('2026-11-20 10:00'), async () => void expect(await say(app, staff, '提案提交 TA-2026-0001')).toContain('已提交'));

  await line.run(clock);
  expect(await app.db.collection('opinions').countDocuments({})).toBe(122);
  return { ids, staff };
}
