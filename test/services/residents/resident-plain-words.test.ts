import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { generate, setUpCommittee } from '../roster/roster-support.js';
import { say, sayConfirmed } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from './kf-support.js';

// Wednesday 2026-03-04, 10:00 in Beijing.
const clock = new ManualClock('2026-03-04T02:00:00Z');
let ids: Record<string, string>;

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
  ids = await setUpCommittee(yishi, ['王五']);
  await generate(yishi, { from: '2026-03-02', to: '2026-03-06', memberIds: [ids['王五']] });
});

const NUMBER = /MY-\d{4}-\d{6}/;

/** A resident scans 青石社区's code and says what happened, up to the summary to confirm. */
async function upToTheSummary(userId: string, what: string, contact = '不用'): Promise<string> {
  await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'qs01').token);
  expect(await residentSays(yishi, fake, userId, what)).toContain('地点：青石社区');
  expect(await residentSays(yishi, fake, userId, '没有')).toContain('手机号');
  const summary = await residentSays(yishi, fake, userId, contact);
  expect(summary).toContain('请核对');
  return summary;
}

async function opinionCount(): Promise<number> {
  return (await yishi.api('/api/opinions')).body.items.length as number;
}

describe('a resident on 微信客服 says yes and no in everyday words', () => {
  const yeses: Array<[string, string]> = [
    ['对', '东门口的下水道堵住了，污水漫到路上'],
    ['对的', '菜市场边上的化粪池满了，味道很大'],
    ['没问题', '幼儿园门前的斑马线褪色看不清了'],
    ['好', '5栋楼下有人深夜唱卡拉OK，吵得睡不着'],
    ['好的', '小区北门的健身器材断了一根扶手'],
    ['是的', '老年活动室的空调坏了一个月没人修'],
    ['可以', '公交站的候车亭顶棚漏雨'],
  ];
  it.each(yeses)('「%s」 confirms and files', async (yes, what) => {
    await upToTheSummary(`wmYes${yes}`, what);
    const filed = await residentSays(yishi, fake, `wmYes${yes}`, yes);
    expect(filed, filed).toMatch(NUMBER);
    expect(filed).toContain('已经为您登记好了');
  });

  it.each(['不对', '不是'])('「%s」 at the summary starts over, nothing filed', async (no) => {
    const before = await opinionCount();
    await upToTheSummary(`wmNo${no}`, '河边的护栏松动了，小孩子靠着很危险');
    expect(await residentSays(yishi, fake, `wmNo${no}`, no)).toContain('我们重新来');
    expect(await opinionCount()).toBe(before);
  });

  it.each(['算了', '不用了'])('「%s」 at the summary gives up, nothing filed', async (no) => {
    const before = await opinionCount();
    await upToTheSummary(`wmStop${no}`, '楼道里的声控灯一直不亮，晚上上楼摸黑');
    expect(await residentSays(yishi, fake, `wmStop${no}`, no)).toContain('这次没有提交');
    expect(await opinionCount()).toBe(before);
  });

  it('「不用了」 asked for a call back means no call back, not giving up', async () => {
    const summary = await upToTheSummary('wmNoCall', '小区西门的垃圾桶满了好几天没人清', '不用了');
    expect(summary).toContain('回电：不需要');
  });
});

describe('a resident gives a name and phone in the sentence they come in', () => {
  it.each([
    ['wmNameZhang', '我姓张，电话13912345678', '张', '张** 139****5678'],
    ['wmNameAunt', '张阿姨 139 1234 5679', '张阿姨', '张** 139****5679'],
  ])('%s: 「%s」', async (userId, said, name, masked) => {
    const summary = await upToTheSummary(userId, `${userId}反映：街心花园的喷泉池里积满了落叶`, said);
    expect(summary).toContain(`回电：${masked}`);
    expect(await residentSays(yishi, fake, userId, '对的')).toMatch(NUMBER);
    const address = { platform: 'wecom-kf' as const, kind: 'customer' as const, openKfId: OPEN_KFID, externalUserId: userId };
    const resident = await yishi.repositories.residents.findOrCreate(`wecom-kf:${OPEN_KFID}:${userId}`, address);
    expect(resident).toMatchObject({ name, phone: expect.stringMatching(/^1391234567\d$/) });
  });
});

describe('a resident asks questions; none of them starts a filing', () => {
  it.each([
    ['谁值班', '3月4日（周三）值班：\n全天 王五（委员服务中心）'],
    ['今天谁值班？', '3月4日（周三）值班：\n全天 王五（委员服务中心）'],
    ['我的反映怎么样了', '您还没有反映过事情'],
    ['怎么联系你们', '在这里留言就能找到我们'],
  ])('「%s」', async (question, answer) => {
    const before = await opinionCount();
    const reply = await residentSays(yishi, fake, 'wmAsker', question);
    expect(reply).toContain(answer);
    expect(reply).not.toContain('1. 青石社区');
    expect(reply).not.toContain('地点');
    expect(await opinionCount()).toBe(before);
  });

  it('answers 我的反映怎么样了 with what they filed', async () => {
    const reply = await residentSays(yishi, fake, 'wmYes对', '我的反映怎么样了');
    expect(reply).toContain('东门口的下水道堵住了');
  });
});

describe('ratings are asked and given in plain words, one message each', () => {
  async function resolved(userId: string): Promise<string> {
    const number = NUMBER.exec((await residentSays(yishi, fake, userId, '我的反映怎么样了')) ?? '')![0];
    expect(await sayConfirmed(yishi, ids['刘干事']!, `受理 ${number}`)).toContain('已受理');
    expect(await sayConfirmed(yishi, ids['刘干事']!, `分派 ${number} 刘干事`)).toContain('刘干事');
    await say(yishi, ids['刘干事']!, `办结 ${number} 已经处理好了`);
    expect(await say(yishi, ids['刘干事']!, '确认')).toContain('已办结');
    await yishi.tick();
    return number;
  }

  it('the closing notice asks in plain words, no command syntax', async () => {
    const number = await resolved('wmYes对的');
    const notice = fake.kf.sentTo('wmYes对的').at(-1)!;
    expect(notice).toContain(number);
    expect(notice).toContain('满意');
    expect(notice).not.toContain('评价 MY-');
    expect(notice).not.toContain('进度 MY-');
    expect(await residentSays(yishi, fake, 'wmYes对的', '挺满意的')).toContain(`${number} 已经办结归档`);
    expect((await yishi.api(`/api/opinions/${number}`)).body).toMatchObject({ state: 'closed', rating: 'satisfied' });
  });

  it('「还行」 is 基本满意', async () => {
    const number = await resolved('wmYes没问题');
    expect(await residentSays(yishi, fake, 'wmYes没问题', '还行')).toContain(`${number} 已经办结归档`);
    expect((await yishi.api(`/api/opinions/${number}`)).body.rating).toBe('basically');
  });

  it('「不满意」 with why sends it back and sends the resident one message, not two', async () => {
    const number = await resolved('wmYes好');
    const before = fake.kf.sentTo('wmYes好').length;
    const reply = await residentSays(yishi, fake, 'wmYes好', '不满意，晚上还是很吵');
    expect(reply).toContain(`${number} 已经退回重新办理`);
    await yishi.tick();
    expect(fake.kf.sentTo('wmYes好').length).toBe(before + 1);
    const opinion = (await yishi.api(`/api/opinions/${number}`)).body;
    expect(opinion).toMatchObject({ state: 'in_progress', ratingReason: '晚上还是很吵' });
  });

  it('stays within WeCom’s allowance: every send was accepted', () => {
    expect(fake.kf.sends.filter((s) => s.errcode !== 0)).toEqual([]);
  });
});
