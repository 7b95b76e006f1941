import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addMember, bj, inbox, say } from '../records/records-support.js';

// Issue 24, 履职积分: points computed from what the record holds, by the office's rules, shown to
// each member privately with the items behind every point, and to staff for assessment (no ranking).

const clock = new ManualClock(bj('2026-11-10 10:00'));
let ids: Record<string, string>;

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 60_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    程远: await addMember(app, { name: '程远', sector: '文艺界' }),
  };
  await say(app, ids.安然!, '反映 青石社区路灯坏了三盏');
  await say(app, ids.安然!, '反映 青石社区垃圾清运不及时');
  for (const line of ['社情民意 关于老旧小区路灯维护的情况反映', '多处路灯损坏。', '维护经费不足。', '纳入年度预算。', '同界别', '确认'])
    await say(app, ids.安然!, line);
  await app.api('/api/social-reports/SQ-2026-0001/steps', { method: 'POST', body: { to: 'edited' } });
  const adopted = await app.api('/api/social-reports/SQ-2026-0001/steps', { method: 'POST', body: { to: 'adopted', level: 'district' } });
  expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
});

/** Group chat through the console: `chat` makes it a group message. */
async function sayInGroup(from: string, text: string): Promise<string> {
  const response = await app.api('/console/messages', { method: 'POST', body: { from, text, chat: '委员群', mentionedBot: true } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.replies as Array<{ text: string }>).map((reply) => reply.text).join('\n');
}

describe('履职积分', () => {
  it('gives a member their points with the items behind each line and the yearly minimum', async () => {
    const sheet = await say(app, ids.安然!, '我的积分');
    expect(sheet).toContain('安然，您2026年的履职积分：9 分');
    expect(sheet).toMatch(/· 反映民意 2 项 × 1 分 = 2 分\n {2}MY-2026-\d{6}、MY-2026-\d{6}/);
    expect(sheet).toContain('· 报送社情民意 1 项 × 2 分 = 2 分\n  SQ-2026-0001');
    expect(sheet).toContain('· 社情民意被采用 1 项 × 5 分 = 5 分');
    expect(sheet).toContain('· 参加活动 0/3，尚未达到');
    expect(sheet).toContain('· 反映民意 2/1，已达到');
    expect(sheet).toContain('不排名');
    expect(await say(app, ids.程远!, '我的积分 本月')).toContain('这段时间还没有积分');
  });

  it('answers in a group that points go to the member alone, and sends them in private', async () => {
    expect(await sayInGroup(ids.安然!, '@议事助手 我的积分')).toBe('积分只发给本人，已在单聊中发给您。');
    await app.tick();
    expect(await inbox(app, ids.安然!)).toContainEqual(expect.stringContaining('安然，您2026年的履职积分：9 分'));
    expect(await inbox(app, '委员群')).not.toContainEqual(expect.stringContaining('履职积分：'));
  });

  it("follows the office's rules: caps apply, and a bad rule set is refused with nothing changed", async () => {
    const rules = (await app.api('/api/settings/points-rules')).body;
    const capped = {
      ...rules,
      rules: rules.rules.map((r: { kind: string }) => (r.kind === 'opinion-filed' ? { kind: 'opinion-filed', points: 1, cap: 1 } : r)),
    };
    expect((await app.api('/api/settings/points-rules', { method: 'PUT', body: capped })).status).toBe(200);
    const sheet = await say(app, ids.安然!, '我的积分');
    expect(sheet).toContain('安然，您2026年的履职积分：8 分');
    expect(sheet).toContain('· 反映民意 2 项 × 1 分 = 1 分（已到本项上限）');

    const twice = { ...capped, rules: [...capped.rules, { kind: 'opinion-filed', points: 9 }] };
    for (const bad of [
      twice,
      { rules: [{ kind: 'online-time', points: 1 }], minimums: [] },
      { rules: [{ kind: 'opinion-filed', points: -1 }], minimums: [] },
    ]) {
      expect((await app.api('/api/settings/points-rules', { method: 'PUT', body: bad })).status).toBe(400);
    }
    expect((await app.api('/api/settings/points-rules')).body).toEqual(capped);
  });

  it('lists every member for staff in name order, not by points', async () => {
    const all = await app.api('/api/points?period=2026');
    expect(all.status).toBe(200);
    expect(all.body.members.map((m: { name: string }) => m.name)).toEqual(['安然', '程远']);
    expect(all.body.members[1]).toMatchObject({ total: 0 });
    const one = await app.api(`/api/points/${ids.安然}?period=2026`);
    expect(one.body).toMatchObject({ name: '安然', total: 8 });
    expect((await app.api('/api/points/000000000000000000000000')).status).toBe(404);
    expect((await app.api('/api/points?period=2026-13')).status).toBe(400);
  });
});
