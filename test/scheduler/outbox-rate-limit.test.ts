import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { ManualClock } from '../../src/core/clock.js';
import { busiestMinute, contentOf, createGroup, insertNotice, outboxStates } from './outbox-support.js';

describe('the outbox and the group robots’ limit of 20 a minute', () => {
  const clock = new ManualClock('2026-03-04T09:00:00+08:00');

  const { yishi: t, wecom: fake } = useScenario(import.meta.url, { wecom: 'api-only', clock, scheduler: 'manual' });

  it('delivers 100 notices to one busy robot and 5 shared ones, in order, never over 20 in a minute', async () => {
    await createGroup(t, 'busy', ['robot-busy']);
    await createGroup(t, 'pair', ['robot-busy', 'robot-quiet']);
    const start = clock.now().getTime();
    const expectedBusy: string[] = [];
    for (let n = 1; n <= 100; n += 1) {
      await insertNotice(t, { key: `limit:busy:${n}`, groupKey: 'busy', text: `通知${n}`, dueAt: new Date(start + n) });
      expectedBusy.push(`通知${n}`);
      if (n % 20 === 0) {
        await insertNotice(t, { key: `limit:pair:${n}`, groupKey: 'pair', text: `共同通知${n}`, dueAt: new Date(start + n + 0.5) });
        expectedBusy.push(`共同通知${n}`);
      }
    }
    clock.advance(1_000);

    for (let minute = 0; minute < 30 && fake.delivered('robot-busy').length < 105; minute += 1) {
      await t.tick();
      clock.advance(60_000);
    }

    const busy = fake.webhookRequests.filter((r) => r.key === 'robot-busy');
    expect(fake.delivered('robot-busy').map(contentOf)).toEqual(expectedBusy);
    expect(busy.every((r) => r.errcode === 0)).toBe(true); // Yishi waited; WeCom never had to refuse
    expect(busiestMinute(busy)).toBeLessThanOrEqual(20);
    // The quiet robot got each shared notice once, at once, although its twin had to wait.
    const quiet = fake.delivered('robot-quiet');
    expect(quiet.map(contentOf)).toEqual([20, 40, 60, 80, 100].map((n) => `共同通知${n}`));
    expect(quiet.every((r) => r.at < start + 60_000)).toBe(true);
    expect(await outboxStates(t, 'limit:')).toEqual({ sent: 105 });
    // Waiting for the robot burnt no retries.
    const shared = await t.db
      .collection('outbox')
      .find({ idempotencyKey: /^limit:/ })
      .toArray();
    expect(Math.max(...shared.map((doc) => doc.attempts as number))).toBe(1);
  }, 240_000);
});
