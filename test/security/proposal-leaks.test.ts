import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberIn, privacyCommittee, readableDigits } from './privacy-support.js';

let c: Awaited<ReturnType<typeof privacyCommittee>>;
let number: string;
const PHONE = '13912345678';

beforeAll(async () => {
  c = await privacyCommittee(import.meta.url);
  number = numberIn(await c.chat.say('resident:王阿姨', `反映 我叫王小明，青石社区北门的路灯坏了一周，电话139 1234 5678`));
  await c.chat.sayConfirmed(c.staff, `受理 ${number}`);
  await c.chat.sayConfirmed(c.staff, `分派 ${number} 李四`);
});
afterAll(async () => {
  await c?.stop();
});

const opinion = () => c.app.repositories.opinions.findByNumber(number);
const proposals = () => c.app.repositories.proposals.list({}, 1000);

async function draft(who: string): Promise<string> {
  await c.chat.say(who, `提案 ${number}`);
  await c.chat.say(who, '沿用');
  await c.chat.say(who, '一、尽快修复路灯；二、建立巡查制度。');
  return c.chat.say(who, '无');
}

describe('提案 leaks', () => {
  it('refuses a member who neither filed nor handles the opinion: nothing shown, nothing stored, nothing audited', async () => {
    const auditBefore = (await opinion())!.audit.length;
    const answer = await draft(c.bystander);
    expect(answer).toContain('只能根据自己提交或承办的反映起草提案');
    expect(answer).not.toContain('路灯坏了');
    expect(readableDigits(answer)).not.toContain(PHONE);
    expect(await c.chat.say(c.bystander, '确认')).not.toContain('已保存提案草稿');
    expect(await proposals()).toHaveLength(0);
    expect((await opinion())!.audit).toHaveLength(auditBefore);
  });

  it('lets the handler draft from it, shows the text masked, stores it masked, and audits it on the opinion', async () => {
    const confirm = await draft(c.handler);
    expect(confirm).toContain('我叫王**，青石社区北门的路灯坏了一周，电话139****5678');
    expect(confirm).not.toContain('王小明');
    expect(readableDigits(confirm)).not.toContain(PHONE);
    const saved = await c.chat.say(c.handler, '确认');
    expect(saved).toContain('已保存提案草稿 TA-2026-0001');
    const [stored] = await proposals();
    expect(JSON.stringify(stored)).not.toContain('王小明');
    expect(readableDigits(JSON.stringify(stored))).not.toContain(PHONE);
    expect(stored).toMatchObject({ fromOpinion: number, authorId: c.handler });
    const audit = (await opinion())!.audit as Array<{ action: string; who: string; note?: string; ref?: string }>;
    expect(audit.at(-1)).toMatchObject({
      action: 'draft-proposal',
      who: c.handler,
      note: '据此起草提案 TA-2026-0001',
      ref: 'proposal:TA-2026-0001',
    });
  });

  it('lets staff draft from any opinion, masked the same way', async () => {
    const confirm = await draft(c.staff);
    expect(confirm).toContain('139****5678');
    expect(confirm).not.toContain('王小明');
    expect(await c.chat.say(c.staff, '确认')).toContain('TA-2026-0002');
  });
});
