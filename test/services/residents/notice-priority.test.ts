import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { register, say, sayConfirmed } from '../opinions/opinion-chat.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from './kf-support.js';

// Wednesday 2026-03-04, 10:00 in Beijing.
const clock = new ManualClock('2026-03-04T02:00:00Z');
let staff: { id: string };
let handler: { id: string };

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
});

/** A resident scans 青石社区's code and files in plain words; returns the number. */
async function fileAs(userId: string, what: string): Promise<string> {
  await notifyKf(yishi, fake, fake.kf.customerEnters(OPEN_KFID, userId, 'qs01').token);
  await residentSays(yishi, fake, userId, what);
  await residentSays(yishi, fake, userId, '没有');
  await residentSays(yishi, fake, userId, '不用');
  return /MY-\d{4}-\d{6}/.exec(await residentSays(yishi, fake, userId, '对的'))![0];
}

/** A staff or handler command, confirmed, then one outbox pass. */
async function act(who: { id: string }, line: string): Promise<void> {
  await sayConfirmed(yishi, who.id, line);
  await yishi.tick();
}

const held = (userId: string) => yishi.repositories.kf.held.listHeld({ openKfId: OPEN_KFID, externalUserId: userId });
const refused = () => fake.kf.sends.filter((s) => s.errcode !== 0);

describe('when WeCom’s 5 messages in 48 hours run short, the most important notice to a resident is kept', () => {
  it('holds a progress notice that would take the last slot the result needs, and the result goes out', async () => {
    const number = await fileAs('wmPrio1', '小区北门的井盖松动了，踩上去会晃');
    const sinceLastMessage = () => fake.kf.sentTo('wmPrio1').slice(start);
    const start = fake.kf.sentTo('wmPrio1').length - 1;
    // After the resident's last message: the reply (1), 受理 (2), 分派 (3), 开始办理 (4).
    await act(staff, `受理 ${number}`);
    await act(staff, `分派 ${number} 李委员`);
    await act(handler, `受理 ${number}`);
    expect(fake.kf.sentTo('wmPrio1').slice(-3).join('\n')).toContain('正在办理中');
    // 转协商 is progress: the one slot left belongs to the result still to come.
    await act(staff, `转协商 ${number}`);
    expect(fake.kf.sentTo('wmPrio1').join('\n')).not.toContain('提交政协协商');
    const waiting = await held('wmPrio1');
    expect(waiting.map((n) => [n.kind, n.reason])).toEqual([
      ['progress', "the last 1 of WeCom's 5 messages are kept for more important notices"],
    ]);
    expect(waiting[0]!.text).toContain('提交政协协商');

    await say(yishi, staff.id, `办结 ${number} 已请物业加固井盖`);
    expect(await say(yishi, staff.id, '确认')).toContain('已办结');
    await yishi.tick();
    const result = fake.kf.sentTo('wmPrio1').at(-1)!;
    expect(result).toContain('已请物业加固井盖');
    expect(result).toContain('您满意吗');
    expect(sinceLastMessage()).toHaveLength(5);
    expect(refused()).toEqual([]);

    // The resident writes again: the held progress notice follows their answer.
    const answer = await residentSays(yishi, fake, 'wmPrio1', '满意');
    expect(answer).toContain('谢谢您的评价');
    expect(answer).toContain('提交政协协商');
    expect(await held('wmPrio1')).toEqual([]);
  });

  it('drops an acknowledgement that would take a slot two open matters need, and the office sees why', async () => {
    const first = await fileAs('wmPrio2', '菜市场边上的化粪池满了，味道很大');
    const second = await fileAs('wmPrio2', '幼儿园门前的斑马线褪色看不清了');
    // After the resident's last message: the reply (1), 受理 of the first (2), 分派 of it (3).
    await act(staff, `受理 ${first}`);
    await act(staff, `分派 ${first} 李委员`);
    const before = fake.kf.sentTo('wmPrio2').length;
    // 受理 of the second would take the 4th slot; the 4th and 5th belong to the two results.
    await act(staff, `受理 ${second}`);
    expect(fake.kf.sentTo('wmPrio2')).toHaveLength(before);
    expect(await held('wmPrio2')).toEqual([]);
    const failed = (await yishi.api('/api/outbox/failed')).body.items as Array<{
      recipient: string;
      reason: string;
      detail: string;
      text: string;
    }>;
    const dropped = failed.filter((item) => item.text.includes(second) && item.recipient === '居民 …mPrio2');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.reason).toContain('这条受理确认就不发了');
    expect(dropped[0]!.detail).toContain('resident_notice_dropped');

    // Both results still go out, in the two slots kept for them.
    await say(yishi, staff.id, `办结 ${first} 化粪池已清掏`);
    await say(yishi, staff.id, '确认');
    await yishi.tick();
    await act(staff, `分派 ${second} 李委员`);
    expect(fake.kf.sentTo('wmPrio2')).toHaveLength(before + 1);
    expect(fake.kf.sentTo('wmPrio2').at(-1)).toContain('化粪池已清掏');
    expect((await held('wmPrio2')).map((n) => n.kind)).toEqual(['progress']);
    await say(yishi, handler.id, `办结 ${second} 斑马线已重新划好`);
    await say(yishi, handler.id, '确认');
    await yishi.tick();
    expect(fake.kf.sentTo('wmPrio2').at(-1)).toContain('斑马线已重新划好');
    expect(fake.kf.sentTo('wmPrio2')).toHaveLength(before + 2);
    expect(refused()).toEqual([]);
  });
});
