import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { register, say, sayConfirmed } from '../../services/opinions/opinion-chat.js';

const clock = new ManualClock('2026-04-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' });

describe('the admin API guard and errors', () => {
  it('answers 401 without the token, with {error:{code,message}}', async () => {
    for (const path of ['/api/members', '/api/opinions', '/api/communities', '/api/settings/time-limits', '/api/opinions/export.csv']) {
      const response = await fetch(`${yishi.url}${path}`);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toBeTruthy();
    }
  });

  it('serves the OpenAPI 3 document at /api/openapi.json', async () => {
    const response = await fetch(`${yishi.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/members',
        '/api/members/{id}',
        '/api/members/import',
        '/api/opinions',
        '/api/opinions/{id}',
        '/api/opinions/export.csv',
        '/api/communities',
        '/api/categories',
        '/api/settings/time-limits',
      ]),
    );
    expect(document.paths['/api/members']!.post).toBeDefined();
  });
});

describe('members', () => {
  it('creates (201), reads, lists, changes and deletes a member', async () => {
    const created = await yishi.api('/api/members', {
      body: { name: '陈委员', sector: '工会', role: 'member', wecomUserId: 'chenwy', phone: '13700000000', isConvenor: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '陈委员',
      sector: '工会',
      role: 'member',
      wecomUserId: 'chenwy',
      isConvenor: true,
      active: true,
    });
    const id = created.body.id;
    expect((await yishi.api(`/api/members/${id}`)).body.name).toBe('陈委员');
    expect((await yishi.api('/api/members')).body.items.map((m: { id: string }) => m.id)).toContain(id);
    const patched = await yishi.api(`/api/members/${id}`, { method: 'PATCH', body: { sector: '共青团' } });
    expect(patched.status).toBe(200);
    expect(patched.body.sector).toBe('共青团');
    // DELETE deactivates, as 删除成员 does in chat: the record and its history stay.
    expect((await yishi.api(`/api/members/${id}`, { method: 'DELETE' })).status).toBe(204);
    const kept = await yishi.api(`/api/members/${id}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ name: '陈委员', active: false });
    expect((await yishi.api('/api/members')).body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    expect((await yishi.api('/api/members?includeInactive=true')).body.items.map((m: { id: string }) => m.id)).toContain(id);
    const again = await yishi.api(`/api/members/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('member_already_inactive');
    const unknown = await yishi.api('/api/members/65f1c2a4e13b5a0012345678', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('member_not_found');
  });

  it('refuses bad members with 400 and duplicates with 409', async () => {
    const bad = await yishi.api('/api/members', { body: { name: '', sector: '工会', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.message).toContain('role');
    const badPhone = await yishi.api('/api/members', { body: { name: '吴委员', sector: '工会', role: 'member', phone: '0571-8888' } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toContain('“phone”应为手机号：1 开头的 11 位数字');
    expect((await yishi.api('/api/members?includeInactive=true')).body.items).not.toContainEqual(
      expect.objectContaining({ name: '吴委员' }),
    );
    await register(yishi, { name: '周委员', sector: '工会', role: 'member', wecomUserId: 'zhouwy' });
    const twice = await yishi.api('/api/members', { body: { name: '周二', sector: '工会', role: 'member', wecomUserId: 'zhouwy' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'member_duplicate', message: '已有成员使用这个企业微信账号或钉钉账号。' });
    const notJson = await yishi.api('/api/members', { body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('refuses renaming a member to a WeCom or DingTalk account another member holds with 409, changing nothing', async () => {
    const first = await yishi.api('/api/members', {
      body: { name: '冯委员', sector: '工会', role: 'member', wecomUserId: 'fengwy', dingtalkStaffId: 'ding-fengwy' },
    });
    const second = await yishi.api('/api/members', { body: { name: '蒋委员', sector: '工会', role: 'member', wecomUserId: 'jiangwy' } });
    expect([first.status, second.status]).toEqual([201, 201]);
    for (const taken of [{ wecomUserId: 'fengwy' }, { dingtalkStaffId: 'ding-fengwy' }]) {
      const renamed = await yishi.api(`/api/members/${second.body.id}`, { method: 'PATCH', body: { name: '蒋二', ...taken } });
      expect(renamed.status).toBe(409);
      expect(renamed.body.error).toMatchObject({ code: 'member_duplicate', message: '已有成员使用这个企业微信账号或钉钉账号。' });
    }
    const kept = await yishi.api(`/api/members/${second.body.id}`);
    expect(kept.body).toMatchObject({ name: '蒋委员', wecomUserId: 'jiangwy' });
    expect(kept.body).not.toHaveProperty('dingtalkStaffId');
  });

  it('imports a CSV file, and rejects a file with a malformed row by its line number, importing nothing', async () => {
    const before = (await yishi.api('/api/members')).body.total;
    const bad = await yishi.api('/api/members/import', {
      body: 'name,sector,role,wecomUserId\n孙委员,文艺界,member,sunwy\n钱委员,文艺界,chairman,qianwy\n吴委员,文艺界,member,wuwy\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('csv_invalid');
    expect(bad.body.error.message).toContain('第3行');
    expect((await yishi.api('/api/members')).body.total).toBe(before);

    const ragged = await yishi.api('/api/members/import', { body: 'name,sector,role\n孙委员,文艺界,member\n钱委员,文艺界\n' });
    expect(ragged.status).toBe(400);
    expect(ragged.body.error.message).toContain('第3行');
    expect((await yishi.api('/api/members')).body.total).toBe(before);

    const good = await yishi.api('/api/members/import', {
      body: '\uFEFF姓名,界别,角色,企业微信,召集人\n孙委员,文艺界,委员,sunwy,是\n钱委员,文艺界,member,qianwy,\n',
    });
    expect(good.status).toBe(201);
    expect(good.body.imported).toBe(2);
    const all = (await yishi.api('/api/members')).body.items as Array<{ name: string; isConvenor: boolean }>;
    expect(all.find((m) => m.name === '孙委员')?.isConvenor).toBe(true);
    expect(all).toHaveLength(before + 2);
  });
});

describe('communities, categories and settings', () => {
  it('keeps keyword dictionaries and time limits', async () => {
    const community = await yishi.api('/api/communities', { body: { name: '青石社区', keywords: ['青石'], code: 'qs01' } });
    expect(community.status).toBe(201);
    const twice = await yishi.api('/api/communities', { body: { name: '青石社区' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'community_duplicate', message: '已有同名（或同代码）的村/社区。' });
    const other = await yishi.api('/api/communities', { body: { name: '东门社区' } });
    const renamed = await yishi.api(`/api/communities/${other.body.id}`, { method: 'PATCH', body: { code: 'qs01' } });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.code).toBe('community_duplicate');
    expect((await yishi.api(`/api/communities/${other.body.id}`)).body).not.toHaveProperty('code');
    const patched = await yishi.api(`/api/communities/${community.body.id}`, { method: 'PATCH', body: { keywords: ['青石', '青石街'] } });
    expect(patched.body.keywords).toEqual(['青石', '青石街']);
    expect((await yishi.api('/api/categories', { body: { name: '市政设施', keywords: ['路灯'] } })).status).toBe(201);
    expect((await yishi.api('/api/categories', { body: { name: '环境卫生', keywords: ['垃圾'] } })).status).toBe(201);
    expect((await yishi.api('/api/communities', { body: { name: '河西村', keywords: ['河西'] } })).status).toBe(201);
    const office = { openOfDay: '08:30', closeOfDay: '17:30', archiveUnratedAfterDays: 7 };
    expect((await yishi.api('/api/settings/time-limits')).body).toEqual({ simple: 3, general: 7, complex: 15, ...office });
    expect((await yishi.api('/api/settings/time-limits', { method: 'PUT', body: { simple: 2, general: 5, complex: 20 } })).body).toEqual({
      simple: 2,
      general: 5,
      complex: 20,
      ...office,
    });
    expect((await yishi.api('/api/settings/time-limits', { method: 'PUT', body: { simple: -1, general: 5, complex: 20 } })).status).toBe(
      400,
    ); // Dates and hours that contradict each other are refused in the office's language.
    const backwards = await yishi.api('/api/settings/time-limits', { method: 'PATCH', body: { openOfDay: '18:00', closeOfDay: '09:00' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe('请求无效：上班时间 openOfDay 应当早于下班时间 closeOfDay。');
    const rosterBackwards = await yishi.api('/api/roster?from=2026-12-10&to=2026-12-01');
    expect(rosterBackwards.body.error.message).toBe('请求无效：from（开始日期）晚于 to（结束日期）。');
    const tooLong = await yishi.api('/api/settings/calendar/days?from=2026-01-01&to=2027-12-31');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/^请求无效：from 到 to 最多相隔 \d+ 天。$/);
  });
});

describe('opinions', () => {
  it('lists with filters and pages, shows one with its audit, corrects its classification (audited), and exports CSV with a BOM', async () => {
    const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    const handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
    const texts = ['青石街的路灯不亮', '河西村垃圾没人收', '青石社区垃圾桶太少', '河西村路灯闪烁', '青石社区停车难'];
    const numbers: string[] = [];
    for (const [i, text] of texts.entries()) {
      clock.advance(DAY);
      numbers.push(/MY-2026-\d{6}/.exec(await say(yishi, `guest:访客${i}`, `反映 ${text}`))![0]);
    }
    await sayConfirmed(yishi, staff.id, `受理 ${numbers[0]}`);
    await sayConfirmed(yishi, staff.id, `分派 ${numbers[0]} 李委员`);

    const qingshi = await yishi.api('/api/opinions?community=' + encodeURIComponent('青石社区'));
    expect(qingshi.body.total).toBe(3);
    const lights = await yishi.api('/api/opinions?category=' + encodeURIComponent('市政设施'));
    expect(lights.body.items.map((o: { number: string }) => o.number).sort()).toEqual([numbers[0], numbers[3]]);
    expect((await yishi.api('/api/opinions?state=assigned')).body.items.map((o: { number: string }) => o.number)).toEqual([numbers[0]]);
    expect((await yishi.api(`/api/opinions?handler=${handler.id}`)).body.total).toBe(1);
    expect((await yishi.api('/api/opinions?from=2026-04-03&to=2026-04-04')).body.total).toBe(2);
    const page1 = await yishi.api('/api/opinions?page=1&pageSize=2');
    const page3 = await yishi.api('/api/opinions?page=3&pageSize=2');
    expect(page1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.body.items.map((o: { number: string }) => o.number)).toEqual([numbers[4], numbers[3]]);
    expect(page3.body.items.map((o: { number: string }) => o.number)).toEqual([numbers[0]]);
    expect(page1.body.items[0].audit).toBeUndefined();
    expect((await yishi.api('/api/opinions?state=lost')).status).toBe(400);

    const one = await yishi.api(`/api/opinions/${numbers[0]}`);
    expect(one.body.audit.map((a: { action: string }) => a.action)).toEqual(['file', 'accept', 'assign']);
    expect((await yishi.api(`/api/opinions/${one.body.id}`)).body.number).toBe(numbers[0]);
    expect((await yishi.api('/api/opinions/MY-2026-009999')).status).toBe(404);

    const fixed = await yishi.api(`/api/opinions/${numbers[4]}`, { method: 'PATCH', body: { community: '河西村', category: '市政设施' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ community: '河西村', category: '市政设施' });
    expect(fixed.body.audit.at(-1)).toMatchObject({ action: 'classify', who: 'admin-api' });
    expect((await yishi.api(`/api/opinions/${numbers[4]}`, { method: 'PATCH', body: { community: '不存在村' } })).status).toBe(400);

    const csv = await fetch(`${yishi.url}/api/opinions/export.csv`, { headers: { authorization: `Bearer ${yishi.config.adminToken}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toMatch(/^编号,提交时间,状态,村\/社区,类别/);
    expect(lines[1]).toMatch(/^MY-2026-\d{6},2026-\d\d-\d\d \d\d:\d\d,/);
    expect(lines).toHaveLength(6);
    expect(lines.join('\n')).toContain('河西村垃圾没人收');
  });
});
