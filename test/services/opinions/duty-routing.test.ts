import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { outbox, register, say, sayConfirmed } from './opinion-chat.js';

// Monday 2026-03-02, 10:00 in Beijing.
const clock = new ManualClock('2026-03-02T02:00:00Z');

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' });

describe("residents' opinions during a shift", () => {
  it("go to the on-duty member's 待办, who is told at once and may accept or resolve them on the spot", async () => {
    const staff = await register(yishi, { name: '王主任', sector: '中共', role: 'staff' });
    const onDuty = await register(yishi, { name: '李委员', sector: '无党派', role: 'member' });
    const offDuty = await register(yishi, { name: '赵委员', sector: '无党派', role: 'member' });
    const rostered = await say(yishi, staff.id, '排班 今天 李委员');
    expect(rostered).toContain('李委员');
    expect(await say(yishi, staff.id, '确认')).not.toContain('抱歉');

    const filed = await say(yishi, 'resident:刘大爷', '反映 想咨询一下老年卡怎么办理');
    const number = /MY-2026-\d{6}/.exec(filed)![0];
    expect(filed).toContain('值班委员');
    const told = (await outbox(yishi)).filter((d) => d.recipient.kind === 'member' && d.recipient.memberId === onDuty.id);
    expect(told.some((d) => d.message.text.includes(number))).toBe(true);
    expect(await say(yishi, onDuty.id, '待办')).toContain(number);
    expect(await say(yishi, offDuty.id, '待办')).not.toContain(number);

    expect(await sayConfirmed(yishi, offDuty.id, `当场办结 ${number} 已解答`)).toContain('不能');
    expect(await sayConfirmed(yishi, onDuty.id, `当场办结 ${number} 已当场讲解办理流程`)).toContain('已当场办结');
    const { body } = await yishi.api(`/api/opinions/${number}`);
    expect(body).toMatchObject({ state: 'resolved', grade: 'simple', handlerId: onDuty.id, queueMemberId: onDuty.id });
    expect(body.audit.map((a: { action: string; who: string }) => [a.action, a.who])).toEqual([
      ['file', body.filer.id],
      ['resolve-on-spot', onDuty.id],
    ]);
    expect(await say(yishi, 'resident:刘大爷', '我的反映')).toContain(number);
  });
});
