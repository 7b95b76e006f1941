import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { register, say, sayConfirmed } from '../../services/opinions/opinion-chat.js';

let yishi: TestYishi;
const clock = new ManualClock('2026-05-06T02:00:00Z');
let filer: { id: string; name: string };
let staff: { id: string; name: string };
let memberOpinion: string;
let residentOpinion: string;

const opinionDoc = (number: string) => yishi.db.collection('opinions').findOne({ number });
const numberIn = (text: string) => /MY-\d{4}-\d{6}/.exec(text)![0];
const erase = (path: string, body: unknown) => yishi.api(path, { method: 'POST', body });

beforeAll(async () => {
  yishi = await startTestYishi(import.meta.url, { clock, scheduler: 'manual' });
  filer = await register(yishi, { name: '郑委员', sector: '工会', role: 'member', wecomUserId: 'zhengwy', phone: '13700001111' });
  staff = await register(yishi, { name: '韩干事', sector: '机关', role: 'staff', dingtalkStaffId: 'ding-han' });
  memberOpinion = numberIn(await say(yishi, filer.id, '反映 青石社区3号楼门口的路灯坏了一周了'));
  expect(await sayConfirmed(yishi, staff.id, `受理 ${memberOpinion}`)).toContain('已受理');
  residentOpinion = numberIn(await say(yishi, 'resident:王阿姨', '反映 河西村垃圾站三天没人清运，联系电话13912345678'));
});

afterAll(async () => {
  await yishi?.stop();
});

describe('erasing a member’s personal data (POST /api/members/:id/erase)', () => {
  it('is refused while the member is active, without a reason, and for an unknown member', async () => {
    const active = await erase(`/api/members/${staff.id}/erase`, { reason: '本人申请' });
    expect(active.status).toBe(409);
    expect(active.body.error.code).toBe('member_still_active');
    expect(active.body.error.message).toContain('请先停用');
    expect((await yishi.api(`/api/members/${staff.id}`)).body.name).toBe('韩干事');

    expect((await yishi.api(`/api/members/${staff.id}`, { method: 'DELETE' })).status).toBe(204);
    const noReason = await erase(`/api/members/${staff.id}/erase`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    expect((await erase('/api/members/65f1c2a4e13b5a0012345678/erase', { reason: '本人申请' })).status).toBe(404);
    expect((await yishi.api(`/api/members/${staff.id}`)).body.name).toBe('韩干事');
  });

  it('anonymises a deactivated handler, keeps the opinions they handled, logs who, when, why and what; a second call changes nothing', async () => {
    clock.advance(60_000);
    const first = await erase(`/api/members/${staff.id}/erase`, { reason: '本人离任后申请删除个人信息', by: '李主任' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      outcome: 'erased',
      erasure: {
        subject: 'member',
        subjectId: staff.id,
        by: '李主任',
        reason: '本人离任后申请删除个人信息',
        erased: [
          'name',
          'dingtalkStaffId',
          'opinions.audit.whoName',
          'opinions.filerAddress',
          'opinions.content (contact details and name masked)',
        ],
        opinions: 1,
        at: clock.now().toISOString(),
      },
    });

    const member = (await yishi.api(`/api/members/${staff.id}`)).body;
    expect(member).toMatchObject({ id: staff.id, name: '已删除成员', sector: '机关', role: 'staff', active: false });
    expect(member).not.toHaveProperty('dingtalkStaffId');
    const opinion = await opinionDoc(memberOpinion);
    expect(opinion).toMatchObject({ state: 'accepted' });
    // The audit line still names the staff member by id, so the history holds together.
    const accepted = (opinion!.audit as Array<{ who: string; whoName?: string; action: string }>).find((a) => a.who === staff.id)!;
    expect(accepted.whoName).toBe('已删除成员');
    expect(JSON.stringify(opinion)).not.toContain('韩干事');
    // The opinion reads as before through the API, with the anonymised reference.
    expect((await yishi.api(`/api/opinions/${memberOpinion}`)).status).toBe(200);

    const again = await erase(`/api/members/${staff.id}/erase`, { reason: '重复提交' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'already', erasure: { id: first.body.erasure.id, reason: '本人离任后申请删除个人信息' } });
    expect(await yishi.db.collection('erasures').countDocuments({ subjectId: staff.id })).toBe(1);
  });

  it('takes a filer’s name, phone, WeCom id and filing address out, and frees their WeCom id', async () => {
    expect((await yishi.api(`/api/members/${filer.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await opinionDoc(memberOpinion))!.filerAddress).toBeDefined();
    const erased = await erase(`/api/members/${filer.id}/erase`, { reason: '本人申请' });
    expect(erased.status).toBe(201);
    expect(erased.body.erasure).toMatchObject({
      by: 'admin-api',
      erased: [
        'name',
        'phone',
        'wecomUserId',
        'opinions.audit.whoName',
        'opinions.filerAddress',
        'opinions.content (contact details and name masked)',
      ],
    });
    const member = (await yishi.api(`/api/members/${filer.id}`)).body;
    expect(member.name).toBe('已删除成员');
    for (const field of ['phone', 'wecomUserId']) expect(member).not.toHaveProperty(field);
    const opinion = await opinionDoc(memberOpinion);
    expect(opinion).toMatchObject({ filer: { kind: 'member', id: filer.id } });
    expect(opinion).not.toHaveProperty('filerAddress');
    expect(JSON.stringify(opinion!.audit)).not.toContain('郑委员');
    // The WeCom account can be given to someone new.
    expect(
      (await yishi.api('/api/members', { body: { name: '新委员', sector: '工会', role: 'member', wecomUserId: 'zhengwy' } })).status,
    ).toBe(201);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await fetch(`${yishi.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(document.paths['/api/members/{id}/erase']?.post).toBeDefined();
    expect(document.paths['/api/residents/{id}/erase']?.post).toBeDefined();
  });
});

describe('erasing a resident’s contact (POST /api/residents/:id/erase)', () => {
  it('finds the resident by an opinion they filed, removes name, phone and filing address, and logs it once', async () => {
    const before = await opinionDoc(residentOpinion);
    const residentId = (before!.filer as { id: string }).id;
    const resident = await yishi.db.collection('residents').findOne({});
    expect(resident).toMatchObject({ phone: '13912345678' });

    const erased = await erase(`/api/residents/${residentOpinion}/erase`, { reason: '居民来电要求删除联系方式', by: '值班员' });
    expect(erased.status).toBe(201);
    expect(erased.body.erasure).toMatchObject({ subject: 'resident', subjectId: residentId, erased: expect.arrayContaining(['phone']) });
    const after = await yishi.db.collection('residents').findOne({});
    expect(after).not.toHaveProperty('phone');
    expect(after).not.toHaveProperty('name');
    const opinion = await opinionDoc(residentOpinion);
    expect(opinion).toMatchObject({ number: residentOpinion, filer: { kind: 'resident', id: residentId } });
    expect(opinion).not.toHaveProperty('filerAddress');
    // Their own words stay, with the phone masked as groups see it.
    expect(opinion!.content).toBe('河西村垃圾站三天没人清运，联系电话139****5678');

    const again = await erase(`/api/residents/${residentId}/erase`, { reason: '重复' });
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('already');
    expect((await erase(`/api/residents/${memberOpinion}/erase`, { reason: '本人申请' })).status).toBe(404);
  });
});
