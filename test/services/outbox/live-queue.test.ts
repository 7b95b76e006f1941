import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { ManualClock } from '../../../src/core/clock.js';
import { contentOf, createGroup, insertNotice } from '../../scheduler/outbox-support.js';

/**
 * The dispatcher's working set: `outbox_live` holds only the items still waiting, so the queries
 * that pick due work do not grow with the history kept in `outbox`.
 */
describe('the outbox live queue', () => {
  const clock = new ManualClock('2026-03-09T09:00:00+08:00');
  const live = () => t.db.collection('outbox_live');

  const { yishi: t, wecom: fake } = useScenario(import.meta.url, { wecom: true, clock, scheduler: 'manual' }, async () => {
    await createGroup(t, 'sector-q', ['robot-q']);
  });

  it('holds an entry for each waiting item and none for items that were sent', async () => {
    const soon = new Date(clock.now().getTime() + 60 * 60_000);
    await insertNotice(t, { key: 'live:now', groupKey: 'sector-q', text: '现在的通知', dueAt: clock.now() });
    await insertNotice(t, { key: 'live:later', groupKey: 'sector-q', text: '一小时后的通知', dueAt: soon });
    await t.tick();

    const sent = await t.db.collection('outbox').findOne({ idempotencyKey: 'live:now' });
    const waiting = await t.db.collection('outbox').findOne({ idempotencyKey: 'live:later' });
    expect(sent?.state).toBe('sent');
    expect(waiting?.state).toBe('pending');
    expect((await live().find({}).toArray()).map((entry) => String(entry._id))).toEqual([String(waiting?._id)]);

    clock.advance(61 * 60_000);
    await t.tick();
    expect(fake.delivered('robot-q').map(contentOf)).toEqual(['现在的通知', '一小时后的通知']);
    expect(await live().countDocuments()).toBe(0);
  });

  it('drops an entry whose item never arrived once its grace period is over, and sends nothing for it', async () => {
    const orphan = new Types.ObjectId();
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await live().insertOne({ _id: orphan, key: 'live:orphan', dueAt: clock.now(), wakeAt: clock.now(), insertedAt: longAgo });
    const fresh = new Types.ObjectId();
    await live().insertOne({ _id: fresh, key: 'live:in-flight', dueAt: clock.now(), wakeAt: clock.now(), insertedAt: new Date() });
    const before = fake.webhookRequests.length;
    await t.tick();

    // The fresh one may belong to an enqueue still writing its item: it stays for now.
    expect((await live().find({}).toArray()).map((entry) => String(entry._id))).toEqual([String(fresh)]);
    expect(fake.webhookRequests.length).toBe(before);
    await live().deleteOne({ _id: fresh });
  });
});
