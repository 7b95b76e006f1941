import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { OUTBOX_SENT_KEEP_MS } from '../../src/scheduler/outbox-housekeeping.js';
import { createGroup, insertNotice } from './outbox-support.js';
import { useScenario } from '../support/scenario.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Flat cost (issue 20): the outbox forgets what it sent a month ago, through the nightly
 * housekeeping job (FerretDB v1 has no TTL indexes), so its size follows recent traffic, not all
 * traffic ever. Waiting and failed notices are never forgotten, however old.
 */
describe('the nightly outbox housekeeping', () => {
  const clock = new ManualClock('2026-03-02T10:00:00+08:00');
  const { yishi: t, wecom } = useScenario(import.meta.url, { wecom: true, clock, scheduler: 'manual' }, async () => {
    await createGroup(t, 'staff', ['robot-prune'], '政协办公室');
  });
  const stateOf = async (key: string) => (await t.db.collection('outbox').findOne({ idempotencyKey: key }))?.state ?? 'gone';

  it('forgets items sent more than a month ago and keeps recent, waiting and failed ones', async () => {
    expect(OUTBOX_SENT_KEEP_MS).toBe(30 * DAY_MS);
    await insertNotice(t, { key: 'prune:old-sent', groupKey: 'staff', text: '旧通知', dueAt: clock.now() });
    await insertNotice(t, { key: 'prune:old-failed', groupKey: '不存在的群', text: '发不出去', dueAt: clock.now() });
    await t.tick();
    await expect.poll(() => wecom.delivered('robot-prune').length).toBeGreaterThan(0);
    expect(await stateOf('prune:old-sent')).toBe('sent');
    expect(await stateOf('prune:old-failed')).toBe('failed');

    clock.advance(20 * DAY_MS);
    await insertNotice(t, { key: 'prune:recent-sent', groupKey: 'staff', text: '新通知', dueAt: clock.now() });
    await insertNotice(t, {
      key: 'prune:waiting',
      groupKey: 'staff',
      text: '两个月后',
      dueAt: new Date(clock.now().getTime() + 60 * DAY_MS),
    });
    await t.tick();
    expect(await stateOf('prune:recent-sent')).toBe('sent');

    // 31 days after the first tick: the old sent item is past the month, the recent one is 11 days old.
    clock.advance(11 * DAY_MS);
    await t.tick();
    expect(await stateOf('prune:old-sent')).toBe('gone');
    expect(await stateOf('prune:old-failed')).toBe('failed');
    expect(await stateOf('prune:recent-sent')).toBe('sent');
    expect(await stateOf('prune:waiting')).toBe('pending');
  });
});
