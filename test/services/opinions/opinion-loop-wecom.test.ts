import { describe, expect, it } from 'vitest';
import { confirmed } from '../../support/confirm.js';
import { useScenario } from '../../support/scenario.js';
import { register } from './opinion-chat.js';

const {
  yishi,
  wecom: fake,
  wecomSays: wecom,
} = useScenario(import.meta.url, { wecom: true, env: { WECOM_REPLY_WITHIN_MS: '4000' }, scheduler: 'manual' });

/** A change others will see asks for 确认 first (issue 21): the command, then 确认. */
const wecomConfirmed = (from: string, content: string) => confirmed((line) => wecom(from, line), content);

describe('the opinion loop through the WeCom app (signed, encrypted)', () => {
  it('files → accepted, graded, assigned → resolved with confirmation → filer told and rates → closed, every step audited', async () => {
    const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff', wecomUserId: 'wangzr' });
    const filer = await register(yishi, { name: '张委员', sector: '文艺界', role: 'member', wecomUserId: 'zhangwy' });
    const handler = await register(yishi, { name: '李委员', sector: '无党派', role: 'member', wecomUserId: 'liwy' });

    const number = /MY-\d{4}-\d{6}/.exec(await wecom('zhangwy', '反映 东门小区的路灯坏了三天了，晚上出行不安全'))![0];
    expect(await wecomConfirmed('wangzr', `受理 ${number}`)).toContain('已受理');
    expect(await wecomConfirmed('wangzr', `分级 ${number} 一般`)).toContain('一般');
    expect(await wecomConfirmed('wangzr', `分派 ${number} 李委员`)).toContain('李委员');
    expect(await wecom('liwy', `办结 ${number} 已协调物业更换灯泡`)).toContain('将办结');
    expect(await wecom('liwy', '确认')).toContain('已办结');

    await yishi.tick();
    const toFiler = fake.appMessages.filter((m) => m.touser === 'zhangwy').map((m) => m.content);
    expect(toFiler.some((text) => text.includes('已受理'))).toBe(true);
    expect(toFiler.some((text) => text.includes(`评价 ${number} 满意`))).toBe(true);
    expect(fake.appMessages.some((m) => m.touser === 'liwy' && m.content.includes(number))).toBe(true);

    expect(await wecom('zhangwy', `评价 ${number} 基本满意`)).toContain('已归档');
    const { body } = await yishi.api(`/api/opinions/${number}`);
    expect(body.state).toBe('closed');
    expect(body.audit.map((a: { action: string; who: string }) => [a.action, a.who])).toEqual([
      ['file', filer.id],
      ['accept', staff.id],
      ['grade', staff.id],
      ['assign', staff.id],
      ['resolve', handler.id],
      ['rate', filer.id],
    ]);
    for (const entry of body.audit) expect(new Date(entry.at).getTime()).toBeGreaterThan(0);
  });
});
