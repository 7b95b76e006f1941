import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { addMember, seedConsultationMonth, say } from './consultation-month-fixture.js';

describe('议事月: the consultation month of the source articles', () => {
  let t: TestYishi;
  let numbers: number[];
  let memberId: string;
  const clock = new ManualClock('2025-09-20T10:00:00+08:00');

  beforeAll(async () => {
    t = await startTestYishi(import.meta.url, { clock });
    ({ numbers } = await seedConsultationMonth(t));
    memberId = await addMember(t, { name: '崔玉慧', sector: '工会' });
  });
  afterAll(async () => t?.stop());

  it('lists the three themed events compactly: date, time, sectors, title', async () => {
    const reply = await say(t, memberId, '议事月');
    expect(reply).toContain('【2025年界别协商议事月】9月1日至9月30日');
    const lines = reply.split('\n');
    expect(lines).toContain(`9月24日 14:30｜工会、共青团｜以民生实事项目破解新就业群体服务保障难题（${numbers[0]}）`);
    expect(lines).toContain(`9月25日 09:30｜中共｜聚焦新材料产业发展专题协商（${numbers[1]}）`);
    expect(lines).toContain(`9月28日 14:30｜无党派、文艺界｜助推大健康产业提质升级专题协商（${numbers[2]}）`);
    // In date order.
    expect(reply.indexOf('9月24日')).toBeLessThan(reply.indexOf('9月25日'));
    expect(reply.indexOf('9月25日')).toBeLessThan(reply.indexOf('9月28日'));
  });

  it('filters 活动 by a sector name and by 本周 / 本月', async () => {
    const byUnion = await say(t, memberId, '活动 工会');
    expect(byUnion).toContain('以民生实事项目破解新就业群体服务保障难题');
    expect(byUnion).not.toContain('新材料');

    // 2025-09-20 is a Saturday: this week ends on the 21st, so nothing is on.
    expect(await say(t, memberId, '活动 本周')).toBe('本周暂时没有安排活动。');
    const thisMonth = await say(t, memberId, '活动 本月');
    for (const title of ['新就业群体', '新材料', '大健康']) expect(thisMonth).toContain(title);
    clock.set('2025-09-22T09:00:00+08:00');
    const nextWeek = await say(t, memberId, '活动 本周');
    expect(nextWeek).toContain('[1] 9月24日（周三）14:30 以民生实事项目破解新就业群体服务保障难题（工会、共青团）');
    expect(nextWeek).toContain('9月28日（周日）14:30');
  });

  it('shows one event in detail, and answers an unknown number clearly', async () => {
    const detail = await say(t, memberId, `活动详情 ${numbers[1]}`);
    expect(detail).toContain('聚焦新材料产业发展专题协商');
    expect(detail).toContain('时间：9月25日（周四）09:30–11:30');
    expect(detail).toContain('地点：区政协三楼会议室');
    expect(detail).toContain('已报名 0 人（不限名额）');
    expect(await say(t, memberId, '活动详情 99')).toBe('没有找到编号为 99 的活动。发送“活动”可查看近期活动。');
    expect(await say(t, memberId, '活动详情 明天')).toContain('不是活动编号');
  });

  it('says so when no consultation month is current or coming', async () => {
    clock.set('2025-10-08T09:00:00+08:00');
    expect(await say(t, memberId, '议事月')).toBe('目前没有正在进行或即将开始的议事月安排。');
  });
});
