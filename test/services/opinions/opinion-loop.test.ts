import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { opinionCount, outbox, register, say, sayConfirmed } from './opinion-chat.js';

const DAY = 24 * 60 * 60 * 1000;
const clock = new ManualClock('2026-03-02T02:00:00Z');
let staff: { id: string };
let zhang: { id: string };
let li: { id: string };
let other: { id: string };

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff', wecomUserId: 'wangzr' });
  zhang = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member', wecomUserId: 'zhangwy' });
  li = await register(yishi, { name: '李委员', sector: '无党派', role: 'member', wecomUserId: 'liwy', phone: '13900000000' });
  other = await register(yishi, { name: '赵委员', sector: '无党派', role: 'member', wecomUserId: 'zhaowy' });
  expect((await yishi.api('/api/communities', { body: { name: '青石社区', keywords: ['青石'] } })).status).toBe(201);
  expect((await yishi.api('/api/communities', { body: { name: '河西村', keywords: ['河西'] } })).status).toBe(201);
  expect((await yishi.api('/api/categories', { body: { name: '市政设施', keywords: ['路灯', '井盖'] } })).status).toBe(201);
  expect((await yishi.api('/api/categories', { body: { name: '环境卫生', keywords: ['垃圾'] } })).status).toBe(201);
});

const opinionDoc = (number: string) => yishi.repositories.opinions.findByNumber(number);

describe('the opinion loop (民意闭环) for a member', () => {
  it('files, is accepted, graded, assigned, resolved with confirmation, rated and closed, every step audited', async () => {
    const filed = await say(yishi, zhang.id, '反映 青石社区3号楼门口的路灯坏了一周了');
    expect(filed).toContain('MY-2026-000001');
    expect(filed).toContain('青石社区');
    expect(filed).toContain('市政设施');

    expect(await sayConfirmed(yishi, staff.id, '受理 MY-2026-000001')).toContain('已受理 MY-2026-000001');
    clock.advance(60_000);
    expect(await sayConfirmed(yishi, staff.id, '分级 1 简易')).toContain('简易');
    expect(await sayConfirmed(yishi, staff.id, '分派 MY-2026-000001 李委员')).toContain('李委员');

    const preview = await say(yishi, li.id, '办结 MY-2026-000001 已联系物业更换路灯');
    expect(preview).toContain('将办结 MY-2026-000001');
    expect((await opinionDoc('MY-2026-000001'))!.state).toBe('assigned');
    clock.advance(60_000);
    expect(await say(yishi, li.id, '确认')).toContain('已办结');

    const id = (await opinionDoc('MY-2026-000001'))!.id;
    const toFiler = (await outbox(yishi)).filter((d) => d.recipient.kind === 'address' && d.recipient.address?.id === zhang.id);
    expect(toFiler.some((d) => d.message.text.includes('已受理'))).toBe(true);
    expect(toFiler.some((d) => d.message.text.includes('已分派'))).toBe(true);
    expect(toFiler.some((d) => d.message.text.includes('已办结') && d.message.text.includes('评价 MY-2026-000001 满意'))).toBe(true);
    expect(
      (await outbox(yishi)).some(
        (d) => d.recipient.kind === 'member' && d.recipient.memberId === li.id && d.idempotencyKey.startsWith(`opinion:${id}:handler`),
      ),
    ).toBe(true);

    expect(await say(yishi, zhang.id, '评价 MY-2026-000001 满意')).toContain('已归档');

    const { status, body } = await yishi.api('/api/opinions/MY-2026-000001');
    expect(status).toBe(200);
    expect(body.state).toBe('closed');
    expect(body.rating).toBe('satisfied');
    const steps = body.audit.map((a: { action: string; who: string; from: string | null; to: string }) => [a.action, a.who, a.from, a.to]);
    expect(steps).toEqual([
      ['file', zhang.id, null, 'submitted'],
      ['accept', staff.id, 'submitted', 'accepted'],
      ['grade', staff.id, 'accepted', 'accepted'],
      ['assign', staff.id, 'accepted', 'assigned'],
      ['resolve', li.id, 'assigned', 'resolved'],
      ['rate', zhang.id, 'resolved', 'closed'],
    ]);
    for (const entry of body.audit) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    expect(body.audit[4].at).toBe(new Date(clock.now()).toISOString());
  });
});

describe('the opinion loop for a resident on the console platform', () => {
  it('routes through triage and back, reveals the contact only to the handler (audited), and never puts name or phone in a group message', async () => {
    const filed = await say(yishi, 'resident:王阿姨', '反映 青石社区北门的垃圾堆了三天没人清理，我的电话13812345678');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    expect(filed).toContain('环境卫生');

    await sayConfirmed(yishi, staff.id, `受理 ${number}`);
    await sayConfirmed(yishi, staff.id, `分派 ${number} 李委员`);
    expect(await say(yishi, other.id, `查看联系方式 ${number}`)).toContain('不能');
    const contact = await say(yishi, li.id, `查看联系方式 ${number}`);
    expect(contact).toContain('王阿姨');
    expect(contact).toContain('13812345678');
    expect(await sayConfirmed(yishi, li.id, `受理 ${number}`)).toContain('已开始办理');

    // Let the overdue ladder speak about it in groups too (general: 7 days; 11 days is past 150%).
    clock.advance(11 * DAY);
    await yishi.tick();

    await say(yishi, li.id, `办结 ${number} 已通知环卫清运`);
    expect(await say(yishi, li.id, '确认')).toContain('已办结');
    expect(await say(yishi, 'resident:王阿姨', `评价 ${number} 不满意`)).toContain('退回');
    expect((await opinionDoc(number))!.state).toBe('in_progress');
    expect(
      (await outbox(yishi)).some((d) => d.recipient.kind === 'member' && d.recipient.memberId === li.id && d.message.text.includes('退回')),
    ).toBe(true);

    await say(yishi, li.id, `办结 ${number} 已彻底清理并增设垃圾桶`);
    await say(yishi, li.id, '确认');
    expect(await say(yishi, 'resident:王阿姨', `评价 ${number} 满意`)).toContain('已归档');

    const { body } = await yishi.api(`/api/opinions/${number}`);
    expect(body.state).toBe('closed');
    expect(body.audit.map((a: { action: string }) => a.action)).toEqual([
      'file',
      'accept',
      'assign',
      'reveal-contact',
      'start',
      'resolve',
      'rate-unsatisfied',
      'resolve',
      'rate',
    ]);
    expect(body.audit[3].who).toBe(li.id);
    expect(JSON.stringify(body.audit)).not.toContain('王阿姨');

    const toResident = (await outbox(yishi)).filter((d) => d.recipient.kind === 'address' && d.recipient.address?.id === 'resident:王阿姨');
    expect(toResident.some((d) => d.message.text.includes('请您评价'))).toBe(true);

    const groupMessages = (await outbox(yishi)).filter((d) => d.recipient.kind === 'group');
    expect(groupMessages.some((d) => d.message.text.includes(number))).toBe(true);
    expect(groupMessages.filter((d) => d.message.text.includes(number)).length).toBeGreaterThanOrEqual(2);
    for (const doc of groupMessages) {
      expect(doc.message.text).not.toContain('王阿姨');
      expect(doc.message.text).not.toContain('13812345678');
    }
  });
});

describe('bad input gets a clear answer in Chinese and changes nothing', () => {
  it('answers an unknown number', async () => {
    expect(await say(yishi, staff.id, '进度 MY-2026-009999')).toContain('没有找到编号为 MY-2026-009999 的反映');
    expect(await sayConfirmed(yishi, staff.id, '受理 9999')).toContain('没有找到');
  });

  it('refuses the wrong state: 办结 on a closed one', async () => {
    const before = await opinionDoc('MY-2026-000001');
    const answer = await say(yishi, li.id, '办结 MY-2026-000001 再办一次');
    expect(answer).toContain('已归档');
    expect(answer).toContain('不能办结');
    expect(await say(yishi, li.id, '确认')).not.toContain('已办结');
    const after = await opinionDoc('MY-2026-000001');
    expect(after!.audit).toHaveLength(before!.audit.length);
    expect(after!.state).toBe('closed');
  });

  it("refuses someone else's opinion: rating by a non-filer, resolving by a non-handler", async () => {
    const filed = await say(yishi, zhang.id, '反映 河西村的井盖松动了，晚上很危险');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    await sayConfirmed(yishi, staff.id, `受理 ${number}`);
    await sayConfirmed(yishi, staff.id, `分派 ${number} 李委员`);
    const before = await opinionDoc(number);
    expect(await say(yishi, other.id, `办结 ${number} 我来办了`)).toContain('不能');
    expect(await say(yishi, 'resident:王阿姨', `评价 ${number} 满意`)).toContain('不能');
    expect(await sayConfirmed(yishi, other.id, `受理 ${number}`)).toContain('不能');
    const after = await opinionDoc(number);
    expect(after!.state).toBe('assigned');
    expect(after!.audit).toHaveLength(before!.audit.length);
  });

  it('refuses content over 2000 characters and stores nothing', async () => {
    const count = await opinionCount(yishi);
    const answer = await say(yishi, zhang.id, `反映 ${'路'.repeat(2001)}`);
    expect(answer).toContain('超过了 2000 字');
    expect(await opinionCount(yishi)).toBe(count);
  });

  it('meets empty content with the guided dialogue, and files only after 确认', async () => {
    const count = await opinionCount(yishi);
    expect(await say(yishi, zhang.id, '反映')).toContain('请说说您遇到了什么事');
    expect(await opinionCount(yishi)).toBe(count);
    const communities = await say(yishi, zhang.id, '河西村文化广场的健身器材坏了');
    expect(communities).toContain('哪个社区');
    expect(communities).toContain('河西村');
    const confirm = await say(yishi, zhang.id, '河西村');
    expect(confirm).toContain('请确认');
    expect(await opinionCount(yishi)).toBe(count);
    const filed = await say(yishi, zhang.id, '确认');
    expect(filed).toMatch(/MY-2026-\d{6}/);
    expect(filed).toContain('河西村');
    expect(await opinionCount(yishi)).toBe(count + 1);
  });

  it('offers a +1 on a similar open opinion instead of filing it again', async () => {
    const count = await opinionCount(yishi);
    const answer = await say(yishi, other.id, '反映 河西村井盖松动了，晚上很危险');
    expect(answer).toMatch(/已有类似反映 MY-2026-\d{6}/);
    expect(await opinionCount(yishi)).toBe(count);
    const similar = /MY-2026-\d{6}/.exec(answer)![0];
    expect(await say(yishi, other.id, `附议 ${similar}`)).toContain('共有 1 人附议');
    expect(await say(yishi, other.id, `附议 ${similar}`)).toContain('已经附议过');
    expect((await opinionDoc(similar))!.plusOnes.count).toBe(1);
  });
});

describe('triage side roads', () => {
  it('escalates a complex matter, declines with a reason after 确认, and merges a duplicate after 确认', async () => {
    const file = async (text: string) => /MY-2026-\d{6}/.exec(await say(yishi, zhang.id, `反映 ${text}`))![0];
    const big = await file('建议在河西村建设一个综合养老服务中心');
    await sayConfirmed(yishi, staff.id, `受理 ${big}`);
    expect(await sayConfirmed(yishi, staff.id, `转协商 ${big}`)).toContain('协商议题');
    expect(await opinionDoc(big)).toMatchObject({ state: 'escalated', grade: 'complex' });

    const court = await file('邻居欠我钱不还，请政协帮我起诉');
    expect(await say(yishi, staff.id, `不予受理 ${court} 属于民事纠纷，请通过法院途径解决`)).toContain('将对');
    expect((await opinionDoc(court))!.state).toBe('submitted');
    expect(await say(yishi, staff.id, '确认')).toContain('不予受理');
    expect(await opinionDoc(court)).toMatchObject({ state: 'declined', reason: '属于民事纠纷，请通过法院途径解决' });
    expect((await outbox(yishi)).some((d) => d.recipient.address?.id === zhang.id && d.message.text.includes('属于民事纠纷'))).toBe(true);

    const first = await file('青石社区公园的长椅坏了好几把');
    const offered = await say(yishi, other.id, '反映 青石社区公园里面好几把长椅都坏了');
    expect(offered).toContain(`已有类似反映 ${first}`);
    const second = /MY-2026-\d{6}/.exec(await say(yishi, other.id, '仍要提交'))![0];
    expect(second).not.toBe(first);
    expect(await say(yishi, staff.id, `合并 ${second} ${first}`)).toContain('将把');
    expect(await say(yishi, staff.id, '确认')).toContain('已合并');
    expect(await opinionDoc(second)).toMatchObject({ state: 'merged', mergedInto: first });
    expect((await opinionDoc(first))!.plusOnes.by).toContain(other.id);
  });
});
