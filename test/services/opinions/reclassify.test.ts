import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { register, say, sayConfirmed } from './opinion-chat.js';

let yishi: TestYishi;
let staff: { id: string };
let member: { id: string };

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url);
  staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
  member = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member' });
  for (const name of ['青石社区', '河西村']) expect((await yishi.api('/api/communities', { body: { name } })).status).toBe(201);
  expect((await yishi.api('/api/categories', { body: { name: '市政设施', keywords: ['井盖'] } })).status).toBe(201);
  expect((await yishi.api('/api/categories', { body: { name: '环境卫生', keywords: ['垃圾'] } })).status).toBe(201);
});

afterAll(async () => {
  await yishi?.stop();
});

const opinion = async (number: string) => (await yishi.api(`/api/opinions/${number}`)).body;

describe('改分类: staff correct an opinion’s community or category in chat', () => {
  it('changes the community, says from what to what, and records it in the history', async () => {
    expect(await say(yishi, member.id, '反映 小区门口的井盖松了，踩上去会响')).toContain('MY-2026-000001');
    expect(await opinion('MY-2026-000001')).toMatchObject({ category: '市政设施' });
    expect((await opinion('MY-2026-000001')).community).toBeUndefined();

    const reply = await sayConfirmed(yishi, staff.id, '改分类 1 社区 青石社区');
    expect(reply).toBe('已将 MY-2026-000001 的社区由“待确认”改为“青石社区”，并记入办理记录。');
    const changed = await opinion('MY-2026-000001');
    expect(changed.community).toBe('青石社区');
    expect(changed.audit.at(-1)).toMatchObject({ action: 'classify', who: staff.id, note: 'community: - → 青石社区' });

    expect(await sayConfirmed(yishi, staff.id, '改分类 MY-2026-000001 类别 环境卫生')).toContain('类别由“市政设施”改为“环境卫生”');
    expect((await opinion('MY-2026-000001')).category).toBe('环境卫生');
  });

  it('refuses, politely and without changing anything, a name not in the dictionary, the same name, a member, and an unknown field', async () => {
    const unknown = await sayConfirmed(yishi, staff.id, '改分类 1 类别 噪音扰民');
    expect(unknown).toBe('没有名为“噪音扰民”的类别。可以选：市政设施、环境卫生。');
    expect(await sayConfirmed(yishi, staff.id, '改分类 1 社区 青石社区')).toBe('MY-2026-000001 的社区已经是“青石社区”，无需更改。');

    expect(await sayConfirmed(yishi, member.id, '改分类 1 社区 河西村')).toContain('只有工作人员和管理员可以使用');
    expect(await sayConfirmed(yishi, staff.id, '改分类 1 颜色 河西村')).toContain('“颜色”不是有效的选项');

    const after = await opinion('MY-2026-000001');
    expect(after).toMatchObject({ community: '青石社区', category: '环境卫生' });
    expect(after.audit.filter((entry: { action: string }) => entry.action === 'classify')).toHaveLength(2);
  });
});
