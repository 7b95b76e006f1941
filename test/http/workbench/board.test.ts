import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { register, say, sayConfirmed } from '../../services/opinions/opinion-chat.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { signIn, type Browser } from './workbench-client.js';

/**
 * 民意看板 through the front door: opinions filed in the console chat, then listed, filtered,
 * opened and acted on with a staff member's session; the same notices reach the same inboxes as
 * the chat commands send, and members see only what chat would show them.
 */
let yishi: TestYishi;
const clock = new ManualClock('2026-03-04T10:00:00+08:00');
let staff: { id: string };
let handler: { id: string; name: string };
let filer: { id: string };
let convenor: { id: string };
let outsider: { id: string };
let desk: Browser;

const inbox = async (to: string) =>
  ((await yishi.api(`/console/inbox?to=${encodeURIComponent(to)}`)).body as { messages: Array<{ text: string }> }).messages.map(
    (m) => m.text,
  );

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  handler = await register(yishi, { name: '李委员', sector: '工会', role: 'member' });
  filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member', phone: '13812345678' });
  convenor = await register(yishi, { name: '陈召集人', sector: '文艺界', role: 'member', isConvenor: true });
  outsider = await register(yishi, { name: '赵委员', sector: '经济界', role: 'member' });
  const texts = [
    [filer.id, '反映 青石社区3号楼路灯坏了一周，晚上很黑'],
    [filer.id, '反映 河西村口路面坑洼，雨天积水'],
    [outsider.id, '反映 菜市场门口占道经营，路灯也不亮'],
    [outsider.id, '反映 学校门口接送孩子的车太多'],
    [filer.id, '反映 社区卫生站周末不开门'],
  ] as const;
  for (const [who, text] of texts) {
    expect(await say(yishi, who, text)).toMatch(/MY-2026-\d{6}/);
    clock.advance(60_000);
  }
  desk = await signIn(yishi, staff.id);
});
afterAll(async () => {
  await yishi?.stop();
});

describe('the list', () => {
  it('pages, sorts and counts per state on the server', async () => {
    const first = await desk.call('/api/opinions?page=1&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.body.items.map((i: { number: string }) => i.number)).toEqual(['MY-2026-000005', 'MY-2026-000004']);
    expect(first.body.countsByState).toMatchObject({ submitted: 5, accepted: 0, closed: 0 });
    expect(first.body.items[0]).toMatchObject({ state: 'submitted', overdue: false, plusOnes: { count: 0 }, source: 'console' });
    const third = await desk.call('/api/opinions?page=3&pageSize=2&sort=number');
    expect(third.body.items.map((i: { number: string }) => i.number)).toEqual(['MY-2026-000005']);
    const bad = await desk.call('/api/opinions?sort=content');
    expect(bad.status).toBe(400);
  });

  it('filters by state, words in the text, grade, handler, date range and overdue', async () => {
    expect((await desk.call('/api/opinions/MY-2026-000002/actions', { body: { action: 'accept' } })).status).toBe(200);
    const accepted = await desk.call('/api/opinions?state=accepted');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.items.map((i: { number: string }) => i.number)).toEqual(['MY-2026-000002']);
    expect(accepted.body.countsByState).toMatchObject({ submitted: 4, accepted: 1 }); // counts ignore the state filter
    const words = await desk.call(`/api/opinions?q=${encodeURIComponent('路灯')}`);
    expect(words.body.items.map((i: { number: string }) => i.number).sort()).toEqual(['MY-2026-000001', 'MY-2026-000003']);
    const both = await desk.call(`/api/opinions?q=${encodeURIComponent('路灯 菜市场')}`);
    expect(both.body.total).toBe(1);
    expect((await desk.call('/api/opinions?grade=complex')).body.total).toBe(0);
    expect((await desk.call('/api/opinions?from=2026-03-05&to=2026-03-31')).body.total).toBe(0);
    expect((await desk.call('/api/opinions?from=2026-03-04&to=2026-03-04')).body.total).toBe(5);
    expect((await desk.call('/api/opinions?overdue=true')).body.total).toBe(0);
    clock.advance(12 * 24 * 60 * 60_000); // past the 7 working days of a general opinion (issue 21)
    desk = await signIn(yishi, staff.id); // the session went idle while the clock moved
    const overdue = await desk.call('/api/opinions?overdue=true');
    expect(overdue.body.items.map((i: { number: string; overdue: boolean }) => [i.number, i.overdue])).toEqual([['MY-2026-000002', true]]);
  });

  it('gives the labels of states, grades and actions as chat says them', async () => {
    const meta = await desk.call('/api/opinions/meta');
    expect(meta.body.states).toContainEqual({ code: 'in_progress', label: '办理中' });
    expect(meta.body.grades).toContainEqual({ code: 'complex', label: '复杂' });
    expect(meta.body.actions).toContainEqual({ code: 'resolveOnSpot', label: '当场办结' });
  });
});

describe('actions, as chat does them', () => {
  it('accepts, grades and assigns with a preview first; the handler hears it in the console inbox like after 分派 in chat', async () => {
    // A preview promises only what 确认 would do: a submitted opinion must be accepted before it is assigned.
    const tooEarly = await desk.call('/api/opinions/MY-2026-000001/preview', { body: { action: 'assign', handlerId: handler.id } });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.message).toBe('MY-2026-000001 目前是“已提交”，您现在不能对它“分派”。请刷新后看看还能做哪些操作。');
    const before = (await inbox(handler.id)).length;
    expect((await desk.call('/api/opinions/MY-2026-000001/actions', { body: { action: 'accept' } })).status).toBe(200);

    const preview = await desk.call('/api/opinions/MY-2026-000001/preview', { body: { action: 'assign', handlerId: handler.id } });
    expect(preview.body.changes).toEqual([expect.stringContaining('分派给 李委员')]);
    expect(preview.body.notified).toContain('李委员 会收到分派通知。');
    expect((await desk.call('/api/opinions/MY-2026-000001')).body.state).toBe('accepted'); // a preview changes nothing
    const nobody = await desk.call('/api/opinions/MY-2026-000001/preview', { body: { action: 'assign', handlerId: outsider.id + 'x' } });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toContain('没有这位成员');
    // A member may not preview what only staff may do, on an opinion they can see.
    const asFiler = await signIn(yishi, filer.id);
    const notStaff = await asFiler.call('/api/opinions/MY-2026-000001/preview', { body: { action: 'grade', grade: 'complex' } });
    expect(notStaff.status).toBe(409);
    expect(notStaff.body.error.message).toContain('您现在不能对它“分级”');

    for (const body of [
      { action: 'grade', grade: 'simple' },
      { action: 'assign', handlerId: handler.id },
    ]) {
      const answer = await desk.call('/api/opinions/MY-2026-000001/actions', { body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
    const detail = await desk.call('/api/opinions/MY-2026-000001');
    expect(detail.body).toMatchObject({ state: 'assigned', grade: 'simple', handlerId: handler.id, handlerName: '李委员' });
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['file', 'accept', 'grade', 'assign']);
    expect(detail.body.timeline[3]).toMatchObject({ actorName: '王主任', label: '分派' });

    // The same notice in chat: 分派 of another opinion by 受理 + 分派 commands.
    await sayConfirmed(yishi, staff.id, '受理 MY-2026-000003');
    await sayConfirmed(yishi, staff.id, `分派 MY-2026-000003 @${handler.name}`);
    await yishi.tick();
    const notices = (await inbox(handler.id)).slice(before);
    const viaApi = notices.find((text) => text.includes('MY-2026-000001'));
    const viaChat = notices.find((text) => text.includes('MY-2026-000003'));
    expect(viaApi).toBeDefined();
    expect(viaChat).toBeDefined();
    const shape = (text: string) => text.replace(/MY-2026-\d{6}/g, 'N').replace(/：.*$/s, '');
    expect(shape(viaApi!)).toBe(shape(viaChat!));
    // The filer hears every step too.
    expect((await inbox(filer.id)).some((text) => text.includes('MY-2026-000001'))).toBe(true);
  });

  it('refuses an action the state does not allow, with chat’s sentence, changing nothing', async () => {
    const answer = await desk.call('/api/opinions/MY-2026-000001/actions', { body: { action: 'accept' } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('不能受理');
    const unknown = await desk.call('/api/opinions/MY-2026-000001/actions', { body: { action: 'delete' } });
    expect(unknown.status).toBe(400);
  });

  it('assigns several at once, saying which could not be', async () => {
    const answer = await desk.call('/api/opinions/assign', {
      body: { ids: ['MY-2026-000004', 'MY-2026-000005', 'MY-2026-999999'], handlerId: handler.id },
    });
    expect(answer.status).toBe(200);
    const results = answer.body.results as Array<{ id: string; ok: boolean; message?: string }>;
    expect(results.map((r) => r.ok)).toEqual([false, false, false]); // submitted: must be accepted first, as in chat
    expect(results[0]!.message).toContain('MY-2026-000004');
    await desk.call('/api/opinions/MY-2026-000004/actions', { body: { action: 'accept' } });
    await desk.call('/api/opinions/MY-2026-000005/actions', { body: { action: 'accept' } });
    const again = await desk.call('/api/opinions/assign', { body: { ids: ['MY-2026-000004', 'MY-2026-000005'], handlerId: handler.id } });
    expect(again.body.results).toEqual([
      { id: 'MY-2026-000004', ok: true },
      { id: 'MY-2026-000005', ok: true },
    ]);
    expect((await desk.call(`/api/opinions?handler=${handler.id}`)).body.total).toBe(4);
  });

  it('shows the contact masked, and reveals it only when asked, into the audit trail like 查看联系方式', async () => {
    const detail = await desk.call('/api/opinions/MY-2026-000005');
    expect(detail.body.contact).toEqual({ masked: '张** 138****5678' });
    expect(JSON.stringify(detail.body)).not.toContain('13812345678');
    const revealed = await desk.call('/api/opinions/MY-2026-000005/contact', { method: 'POST' });
    expect(revealed.body.contact).toEqual({ name: '张委员', phone: '13812345678' });
    const audit = (await yishi.api('/api/opinions/MY-2026-000005')).body.audit as Array<{ action: string; who: string }>;
    expect(audit.at(-1)).toMatchObject({ action: 'reveal-contact', who: staff.id });
    const noCsrf = await desk.call('/api/opinions/MY-2026-000005/contact', { method: 'POST', csrf: false });
    expect(noCsrf.status).toBe(403);
  });

  it('moves the change cursor when something changes', async () => {
    const { cursor } = (await desk.call('/api/opinions/changes')).body as { cursor: string };
    expect((await desk.call(`/api/opinions/changes?since=${cursor}`)).body).toEqual({ cursor, changed: false });
    clock.advance(1000);
    await say(yishi, outsider.id, '附议 MY-2026-000001');
    expect((await desk.call(`/api/opinions/changes?since=${cursor}`)).body.changed).toBe(true);
  });
});

describe('what members and convenors see', () => {
  it('shows a member only the opinions they filed or handle, and refuses the rest', async () => {
    const member = await signIn(yishi, outsider.id);
    const list = await member.call('/api/opinions');
    expect(list.body.items.map((i: { number: string }) => i.number).sort()).toEqual(['MY-2026-000003', 'MY-2026-000004']);
    expect(list.body.total).toBe(2);
    const other = await member.call('/api/opinions/MY-2026-000001');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('自己提交或办理');
    expect((await member.call('/api/opinions/MY-2026-000003/contact', { method: 'POST' })).status).toBe(403);
    expect((await member.call('/api/opinions/assign', { body: { ids: ['MY-2026-000003'], handlerId: outsider.id } })).status).toBe(403);
  });

  it('lets the handler act on what is assigned to them, as 受理 in chat does', async () => {
    const mine = await signIn(yishi, handler.id);
    const detail = await mine.call('/api/opinions/MY-2026-000001');
    expect(detail.body.allowedActions).toContain('accept');
    const started = await mine.call('/api/opinions/MY-2026-000001/actions', { body: { action: 'accept' } });
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('in_progress');
  });

  it('shows a convenor the opinions of their sector’s members', async () => {
    const sector = await signIn(yishi, convenor.id);
    const list = await sector.call('/api/opinions');
    expect(list.body.items.map((i: { number: string }) => i.number).sort()).toEqual(['MY-2026-000001', 'MY-2026-000002', 'MY-2026-000005']);
    expect((await sector.call('/api/opinions/MY-2026-000004')).status).toBe(403);
    expect((await sector.call('/api/session')).body.member.role).toBe('convenor');
  });
});
