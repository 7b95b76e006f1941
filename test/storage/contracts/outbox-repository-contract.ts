import { describe, expect, it } from 'vitest';
import type { Recipient } from '../../../src/services/notifier.js';
import type { OutboxRepository } from '../../../src/services/outbox-records.js';

type Outbox = OutboxRepository & { skipPendingByKeyPrefix(prefix: string, reason: string): Promise<number> };

const LEASE_MS = 60_000;
const at = (seconds: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + seconds * 1000);
const staff: Recipient = { kind: 'group', groupKey: 'staff' };
const text = (words: string) => ({ text: words, format: 'text' as const });

/** Enqueues `key` due at `seconds` and gives it back as the dispatcher would see it at `now`. */
async function enqueued(outbox: Outbox, key: string, seconds = 0): Promise<void> {
  expect(await outbox.enqueue({ idempotencyKey: key, recipient: staff, message: text(key), dueAt: at(seconds), now: at(0) })).toBe(true);
}

async function due(outbox: Outbox, now: Date, limit = 50) {
  const candidates = await outbox.findDue(now, limit);
  const items = [];
  for (const candidate of candidates) {
    const item = await outbox.fetchDue(candidate, now);
    if (item) items.push(item);
  }
  return items;
}

async function claimOne(outbox: Outbox, key: string, now: Date, token: string) {
  const item = (await due(outbox, now)).find((i) => i.idempotencyKey === key);
  expect(item, `${key} is due at ${now.toISOString()}`).toBeDefined();
  return outbox.claim(item!, now, LEASE_MS, token);
}

/** What every outbox does (claims, leases, retries, the queue); `make` gives an empty one each time. */
export function outboxRepositoryContract(make: () => Promise<Outbox>): void {
  describe('an outbox repository', () => {
    it('stores a notice once per idempotency key, also after it was sent', async () => {
      const outbox = await make();
      await enqueued(outbox, 'opinion:1:filed');
      expect(
        await outbox.enqueue({ idempotencyKey: 'opinion:1:filed', recipient: staff, message: text('again'), dueAt: at(0), now: at(1) }),
      ).toBe(false);
      const claimed = await claimOne(outbox, 'opinion:1:filed', at(1), 'a');
      expect(await outbox.markSent(claimed!.id, 'a', at(2))).toBe(true);
      expect(
        await outbox.enqueue({ idempotencyKey: 'opinion:1:filed', recipient: staff, message: text('late'), dueAt: at(3), now: at(3) }),
      ).toBe(false);
      expect(await outbox.countWaiting()).toBe(0);
    });

    it('keeps the recipient and the whole message, image and mentions included', async () => {
      const outbox = await make();
      const recipient: Recipient = { kind: 'member', memberId: '65f000000000000000000001' };
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      const message = { text: '**周报**', format: 'markdown' as const, mentionUserIds: ['zhangsan'], image: { png } };
      await outbox.enqueue({ idempotencyKey: 'digest:1', recipient, message, dueAt: at(0), expiresAt: at(3600), now: at(0) });
      const [item] = await due(outbox, at(0));
      expect(item).toMatchObject({
        idempotencyKey: 'digest:1',
        recipient,
        message: { text: '**周报**', format: 'markdown', mentionUserIds: ['zhangsan'] },
        dueAt: at(0),
        expiresAt: at(3600),
        state: 'pending',
        attempts: 0,
        claimSeq: 0,
        delivered: [],
        createdAt: at(0),
      });
      expect(Buffer.isBuffer(item!.message.image?.png)).toBe(true);
      expect(item!.message.image!.png.equals(png)).toBe(true);
      expect(item!.id).toMatch(/^[0-9a-f]{24}$/);
    });

    it('lists what is due in queue order, a page at a time, and nothing that is not due yet', async () => {
      const outbox = await make();
      await enqueued(outbox, 'c', 20);
      await enqueued(outbox, 'a', 10);
      await enqueued(outbox, 'b', 10);
      await enqueued(outbox, 'later', 100);
      const keys = async (now: Date) => (await due(outbox, now)).map((i) => i.idempotencyKey);
      expect(await keys(at(5))).toEqual([]);
      expect(await keys(at(30))).toEqual(['a', 'b', 'c']);
      const first = await outbox.findDue(at(30), 2);
      expect(first).toHaveLength(2);
      const rest = await outbox.findDue(at(30), 2, first[1]);
      expect(rest).toHaveLength(1);
      expect((await outbox.fetchDue(rest[0]!, at(30)))!.idempotencyKey).toBe('c');
      expect(await outbox.countWaiting()).toBe(4);
    });

    it('lets one caller claim an item; the others get null', async () => {
      const outbox = await make();
      await enqueued(outbox, 'k');
      const [seen] = await due(outbox, at(1));
      const mine = await outbox.claim(seen!, at(1), LEASE_MS, 'a');
      expect(mine).toMatchObject({
        state: 'claimed',
        claimToken: 'a',
        claimSeq: 1,
        attempts: 1,
        leaseUntil: new Date(at(1).getTime() + LEASE_MS),
      });
      expect(await outbox.claim(seen!, at(1), LEASE_MS, 'b')).toBeNull();
      expect(await due(outbox, at(2))).toEqual([]);
      expect(await outbox.countWaiting()).toBe(1);
    });

    it('gives a claim whose lease ran out to another caller, and only the new holder can finish it', async () => {
      const outbox = await make();
      await enqueued(outbox, 'k');
      const first = await claimOne(outbox, 'k', at(1), 'a');
      const later = new Date(at(1).getTime() + LEASE_MS + 1000);
      const second = await claimOne(outbox, 'k', later, 'b');
      expect(second).toMatchObject({ claimToken: 'b', claimSeq: 2, attempts: 2 });
      expect(await outbox.markSent(first!.id, 'a', later)).toBe(false);
      expect(await outbox.markFailed(first!.id, 'a', 'too late')).toBe(false);
      expect(await outbox.markSent(first!.id, 'b', later, 'sent twice?')).toBe(true);
      expect(await outbox.markSent(first!.id, 'b', later)).toBe(false);
      expect(await outbox.countWaiting()).toBe(0);
    });

    it('ends an item as failed or skipped with its reason, for the holder only', async () => {
      const outbox = await make();
      await enqueued(outbox, 'fails');
      await enqueued(outbox, 'skips');
      const failing = await claimOne(outbox, 'fails', at(1), 'a');
      const skipping = await claimOne(outbox, 'skips', at(1), 'a');
      expect(await outbox.markSkipped(skipping!.id, 'other', 'expired')).toBe(false);
      expect(await outbox.markFailed(failing!.id, 'a', 'robot removed')).toBe(true);
      expect(await outbox.markSkipped(skipping!.id, 'a', 'expired')).toBe(true);
      expect(await outbox.countWaiting()).toBe(0);
      expect(await outbox.findDue(at(3600), 50)).toEqual([]);
    });

    it('puts a released item back to wait until its retry time, keeping its place by dueAt', async () => {
      const outbox = await make();
      await enqueued(outbox, 'retried', 0);
      await enqueued(outbox, 'next', 5);
      const claimed = await claimOne(outbox, 'retried', at(1), 'a');
      expect(await outbox.release(claimed!.id, 'a', { retryAt: at(30), attempts: 1, lastError: 'HTTP 502' })).toBe(true);
      expect(await outbox.release(claimed!.id, 'a', { retryAt: at(30), attempts: 1 })).toBe(false);
      expect((await due(outbox, at(10))).map((i) => i.idempotencyKey)).toEqual(['next']);
      const back = await due(outbox, at(30));
      expect(back.map((i) => i.idempotencyKey)).toEqual(['retried', 'next']);
      expect(back[0]).toMatchObject({ state: 'pending', dueAt: at(0), retryAt: at(30), attempts: 1, lastError: 'HTTP 502', claimSeq: 1 });
      expect(back[0]!.claimToken).toBeUndefined();
      expect(back[0]!.leaseUntil).toBeUndefined();
      expect(await outbox.claim(back[0]!, at(30), LEASE_MS, 'b')).toMatchObject({ claimSeq: 2, attempts: 2 });
    });

    it('remembers which addresses already got a message, each once', async () => {
      const outbox = await make();
      await enqueued(outbox, 'fan-out');
      const claimed = await claimOne(outbox, 'fan-out', at(1), 'a');
      await outbox.recordDelivered(claimed!.id, 'wecom-group-robot:abc');
      await outbox.recordDelivered(claimed!.id, 'wecom-group-robot:abc');
      await outbox.recordDelivered(claimed!.id, 'dingtalk:cid');
      await outbox.release(claimed!.id, 'a', { retryAt: at(2), attempts: 1 });
      const [item] = await due(outbox, at(2));
      expect([...item!.delivered].sort()).toEqual(['dingtalk:cid', 'wecom-group-robot:abc']);
    });

    it('skips the pending items under a key prefix, never a claimed one, and says how many', async () => {
      const outbox = await make();
      await enqueued(outbox, 'event-reminder:e1:v1:a', 100);
      await enqueued(outbox, 'event-reminder:e1:v1:b', 200);
      await enqueued(outbox, 'event-reminder:e1:v1:now', 0);
      await enqueued(outbox, 'event-reminder:e10:v1:a', 100);
      await claimOne(outbox, 'event-reminder:e1:v1:now', at(1), 'a');
      expect(await outbox.skipPendingByKeyPrefix('event-reminder:e1:', 'time changed')).toBe(2);
      expect(await outbox.skipPendingByKeyPrefix('event-reminder:e1:', 'time changed')).toBe(0);
      // The claimed one comes back only because its lease has run out by then.
      expect((await due(outbox, at(300))).map((i) => i.idempotencyKey)).toEqual(['event-reminder:e1:v1:now', 'event-reminder:e10:v1:a']);
      expect(await outbox.countWaiting()).toBe(2);
      expect(
        await outbox.enqueue({ idempotencyKey: 'event-reminder:e1:v1:a', recipient: staff, message: text('x'), dueAt: at(0), now: at(0) }),
      ).toBe(false);
    });

    it('finds nothing to recover in a queue it kept itself', async () => {
      const outbox = await make();
      await enqueued(outbox, 'a');
      await enqueued(outbox, 'b', 60);
      expect(await outbox.recoverQueue()).toBe(0);
      expect(await outbox.countWaiting()).toBe(2);
    });
  });
}
