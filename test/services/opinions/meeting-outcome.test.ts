import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { outbox, register, say, sayConfirmed } from './opinion-chat.js';

/**
 * The last step of the consultation month: a complex opinion becomes a consultation topic, a
 * sector's meeting discusses it, and the convenor's 活动结果 resolves it and tells the filer.
 */
const clock = new ManualClock('2026-03-02T10:00:00+08:00');
let staff: { id: string };
let filer: { id: string };
let otherFiler: { id: string };
let convenor: { id: string };
let plainMember: { id: string };
let event: { id: string; number: number; title: string };

const OUTCOME = '会议商定由街道在青石社区增设老年助餐点，4月底前投入使用，涉及 MY-2026-000001、MY-2026-000002 和 MY-2026-000099';

interface Audit {
  action: string;
  who: string;
  whoRole: string;
  from: string | null;
  to: string;
  note?: string;
  ref?: string;
}
const opinion = async (number: string) =>
  (await yishi.api(`/api/opinions/${number}`)).body as { state: string; result?: string; audit: Audit[] };
const inbox = async (to: string) =>
  (await yishi.api(`/console/inbox?to=${encodeURIComponent(to)}`)).body as { messages: Array<{ text: string }> };
const filerNotices = async (memberId: string) =>
  (await outbox(yishi)).filter((d) => d.recipient.kind === 'address' && d.recipient.address?.id === memberId);

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
  otherFiler = await register(yishi, { name: '李委员', sector: '工会', role: 'member' });
  convenor = await register(yishi, { name: '陈召集人', sector: '无党派', role: 'member', isConvenor: true });
  plainMember = await register(yishi, { name: '赵委员', sector: '无党派', role: 'member' });

  expect(await say(yishi, filer.id, '反映 青石社区老人多，附近没有助餐点，吃饭很不方便')).toContain('MY-2026-000001');
  expect(await say(yishi, otherFiler.id, '反映 河西村口的路面坑洼，雨天积水')).toContain('MY-2026-000002');
  expect(await sayConfirmed(yishi, staff.id, '受理 MY-2026-000001')).toContain('已受理');
  expect(await sayConfirmed(yishi, staff.id, '分级 MY-2026-000001 复杂')).toContain('复杂');
  expect(await sayConfirmed(yishi, staff.id, '转协商 MY-2026-000001')).toContain('协商议题');
  expect(await sayConfirmed(yishi, staff.id, '受理 MY-2026-000002')).toContain('已受理');
  expect((await opinion('MY-2026-000001')).state).toBe('escalated');

  const created = await yishi.api('/api/events', {
    body: {
      title: '助推养老服务提质专题协商',
      sectors: ['无党派', '文艺界'],
      startAt: '2026-03-10T14:30:00+08:00',
      endAt: '2026-03-10T16:30:00+08:00',
      place: '区政协协商议事厅',
    },
  });
  expect(created.status).toBe(201);
  event = created.body;
  clock.set('2026-03-10T17:00:00+08:00');
});

describe('活动结果 closes the loop of the escalated opinions the meeting discussed', () => {
  it('refuses a member who is not the sector convenor and leaves the opinion escalated', async () => {
    expect(await sayConfirmed(yishi, plainMember.id, `活动结果 ${event.number} ${OUTCOME}`)).toContain('只有本活动所属界别的召集人');
    expect((await opinion('MY-2026-000001')).state).toBe('escalated');
  });

  it('resolves the escalated opinion with the outcome, and reports the one not escalated and the unknown number', async () => {
    const reply = await sayConfirmed(yishi, convenor.id, `活动结果 ${event.number} ${OUTCOME}`);
    expect(reply).toContain(`已记录“助推养老服务提质专题协商”（编号 ${event.number}）的活动结果。`);
    expect(reply).toContain('已按本次结果办结：MY-2026-000001，并已通知反映人、请其评价。');
    expect(reply).toContain('以下民意不在“已转协商议题”状态，本次未办结，状态不变：MY-2026-000002');
    expect(reply).toContain('没有找到以下编号的民意，请核对：MY-2026-000099');

    const resolved = await opinion('MY-2026-000001');
    expect(resolved.state).toBe('resolved');
    expect(resolved.result).toBe(OUTCOME);
    const step = resolved.audit.at(-1)!;
    expect(step).toMatchObject({
      action: 'resolve-by-meeting',
      who: convenor.id,
      whoRole: 'member',
      from: 'escalated',
      to: 'resolved',
      ref: `event:${event.number}`,
    });
    expect(step.note).toContain('助推养老服务提质专题协商');
    expect(step.note).toContain(String(event.number));

    const untouched = await opinion('MY-2026-000002');
    expect(untouched.state).toBe('accepted');
    expect(untouched.audit.map((a) => a.action)).toEqual(['file', 'accept']);
  });

  it('tells the filer in the chat they used and asks them to rate, once delivered', async () => {
    const notices = (await filerNotices(filer.id)).filter((d) => d.message.text.includes('已办结'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message.text).toContain('会议商定由街道在青石社区增设老年助餐点');
    expect(notices[0]!.message.text).toContain('评价 MY-2026-000001 满意');
    expect((await filerNotices(otherFiler.id)).some((d) => d.message.text.includes('已办结'))).toBe(false);

    await yishi.tick();
    const delivered = (await inbox(filer.id)).messages.map((m) => m.text);
    expect(delivered.some((text) => text.includes('MY-2026-000001 已办结') && text.includes('老年助餐点'))).toBe(true);
  });

  it('writes the resolution into the activity ledger once', async () => {
    const entries = await yishi.db.collection('activities').find({ kind: 'opinion-resolved', ref: 'MY-2026-000001' }).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.onSpot).toBe(false);
  });

  it('sends nothing twice when the outcome is recorded again, and lets the filer rate', async () => {
    const before = await outbox(yishi);
    const reply = await sayConfirmed(yishi, convenor.id, `活动结果 ${event.number} ${OUTCOME}（补充：由社区卫生服务站配合）`);
    expect(reply).toContain(`已更新“助推养老服务提质专题协商”（编号 ${event.number}）的活动结果。`);
    expect(reply).toContain('已按本次结果办结：MY-2026-000001');
    expect(await outbox(yishi)).toHaveLength(before.length);
    expect((await opinion('MY-2026-000001')).audit.filter((a) => a.action === 'resolve-by-meeting')).toHaveLength(1);
    expect(await yishi.db.collection('activities').countDocuments({ kind: 'opinion-resolved', ref: 'MY-2026-000001' })).toBe(1);

    expect(await say(yishi, filer.id, '评价 MY-2026-000001 满意')).toContain('已归档');
    expect((await opinion('MY-2026-000001')).state).toBe('closed');
  });
});

describe('staff link opinions to a meeting outcome through the admin API', () => {
  it('resolves an opinion escalated after the meeting once staff link it, recorded as the API', async () => {
    expect(await sayConfirmed(yishi, staff.id, '转协商 MY-2026-000002')).toContain('协商议题');
    const { status, body } = await yishi.api(`/api/events/${event.number}/outcome`, {
      body: { outcome: '会议商定河西村口路面纳入今年道路维修计划', opinionNumbers: ['MY-2026-000002'] },
    });
    expect(status).toBe(200);
    expect(body.resolved).toEqual(expect.arrayContaining(['MY-2026-000001', 'MY-2026-000002']));
    expect(body.notEscalated).toEqual([]);
    expect(body.notFound).toEqual(['MY-2026-000099']);
    expect(body.event.outcome.opinionNumbers).toEqual(expect.arrayContaining(['MY-2026-000001', 'MY-2026-000002']));

    const resolved = await opinion('MY-2026-000002');
    expect(resolved.state).toBe('resolved');
    expect(resolved.result).toBe('会议商定河西村口路面纳入今年道路维修计划');
    expect(resolved.audit.at(-1)).toMatchObject({ action: 'resolve-by-meeting', who: 'api:admin-api', whoRole: 'admin' });
    expect((await filerNotices(otherFiler.id)).some((d) => d.message.text.includes('MY-2026-000002 已办结'))).toBe(true);
    expect((await opinion('MY-2026-000001')).state).toBe('closed');
  });

  it('answers a bad request with a JSON error and changes nothing', async () => {
    const bad = await yishi.api(`/api/events/${event.number}/outcome`, { body: { outcome: '', opinionNumbers: ['2026-2'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeDefined();
    const missing = await yishi.api('/api/events/999/outcome', { body: { outcome: '会议商定' } });
    expect(missing.status).toBe(404);
    expect((await opinion('MY-2026-000002')).audit.filter((a) => a.action === 'resolve-by-meeting')).toHaveLength(1);
  });
});
