import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { FakeWecomServer } from '../fakes/wecom-server.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { contentOf, createGroup } from './outbox-support.js';

const HOUR = 60 * 60_000;

describe('start-up after a two-hour outage', () => {
  const clock = new ManualClock('2026-03-05T08:00:00+08:00');
  let fake: FakeWecomServer;
  let before: TestYishi;
  let after: TestYishi | undefined;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: 'ww-unused', secret: 'unused', clock });
    before = await startTestYishi(import.meta.url, { clock, scheduler: 'manual', env: { WECOM_API_BASE: fake.url } });
  });
  afterAll(async () => {
    await after?.stop();
    await fake?.stop();
  });

  it('sends the missed reminders that are still useful and skips, with a log line, the stale ones', async () => {
    await createGroup(before, 'sector-b', ['robot-b']);
    const event = async (title: string, startsInMs: number) => {
      const startAt = new Date(clock.now().getTime() + startsInMs);
      const created = await before.api('/api/events', {
        body: {
          title,
          sectors: ['无党派'],
          startAt: startAt.toISOString(),
          endAt: new Date(startAt.getTime() + HOUR).toISOString(),
          place: '区政协三楼会议室',
          targetGroups: ['sector-b'],
          reminderOffsetsMinutes: [24 * 60, 60],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    };
    // Starts in 90 minutes: its 1-hour reminder falls due during the outage, and is stale after it.
    await event('午间座谈会', 1.5 * HOUR);
    // Starts in 25 hours: its 1-day reminder falls due during the outage and is still useful after.
    await event('明日协商会', 25 * HOUR);
    await before.tick();
    expect(fake.delivered('robot-b')).toEqual([]);
    await before.stop();

    clock.advance(2 * HOUR);
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
    });
    after = await startTestYishi(import.meta.url, {
      clock,
      scheduler: 'manual',
      stores: before.stores,
      env: { WECOM_API_BASE: fake.url, LOG_LEVEL: 'info' },
      logDestination: logs,
    });

    // No tick: start-up alone sent what was missed.
    const sent = fake.delivered('robot-b').map(contentOf);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('明日协商会');
    const reminders = await after.db
      .collection('outbox')
      .find({ idempotencyKey: /^event-reminder:/ })
      .toArray();
    const stale = reminders.filter((r) => r.state === 'skipped');
    expect(stale).toHaveLength(1);
    expect(reminders.filter((r) => r.state === 'sent')).toHaveLength(1);
    expect(reminders.filter((r) => r.state === 'pending')).toHaveLength(1); // the 1-hour reminder of tomorrow's meeting
    await expect
      .poll(() => logLines.find((line) => line.idempotencyKey === stale[0]!.idempotencyKey))
      .toMatchObject({ level: 30, msg: expect.stringContaining('skipped') });
  });
});
