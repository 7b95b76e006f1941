import { describe, expect, it } from 'vitest';
import type { InboundMessageRepository } from '../../../src/core/inbox.js';

const STALE_MS = 60_000;
const at = (seconds: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + seconds * 1000);

/** What every inbox (dedup's durable second line) does; `make` gives an empty one each time. */
export function inboundMessageRepositoryContract(make: () => Promise<InboundMessageRepository>): void {
  describe('an inbound-message repository', () => {
    it('lets the first claim of a message id through and holds the others while it is processed', async () => {
      const inbox = await make();
      expect(await inbox.claim('wecom:m1', at(0), STALE_MS)).toEqual({ status: 'new' });
      expect(await inbox.claim('wecom:m1', at(1), STALE_MS)).toEqual({ status: 'processing' });
      expect(await inbox.claim('wecom:m2', at(1), STALE_MS)).toEqual({ status: 'new' });
    });

    it('gives every retry the stored answer once the message is finished', async () => {
      const inbox = await make();
      await inbox.claim('m1', at(0), STALE_MS);
      await inbox.finish(
        'm1',
        [
          { text: '已收到，编号 MY-2026-000001', format: 'text' },
          { text: '**通知**', format: 'markdown', mentionUserIds: ['zhangsan'] },
          { text: '无人', format: 'text', mentionUserIds: [] },
        ],
        at(1),
      );
      const expected = {
        status: 'done',
        replies: [
          { text: '已收到，编号 MY-2026-000001', format: 'text' },
          { text: '**通知**', format: 'markdown', mentionUserIds: ['zhangsan'] },
          { text: '无人', format: 'text' },
        ],
      };
      expect(await inbox.claim('m1', at(2), STALE_MS)).toEqual(expected);
      expect(await inbox.claim('m1', at(3600), STALE_MS)).toEqual(expected);
    });

    it('claims many messages at once, each exactly once, and keeps each one its own answer', async () => {
      const inbox = await make();
      const keys = Array.from({ length: 30 }, (_, n) => `burst:${n}`);
      // Every message once, and five of them delivered twice at the same moment.
      const claims = await Promise.all([...keys, ...keys.slice(0, 5)].map((key) => inbox.claim(key, at(0), STALE_MS)));
      expect(claims.slice(0, 30)).toEqual(keys.map(() => ({ status: 'new' })));
      expect(claims.slice(30)).toEqual(keys.slice(0, 5).map(() => ({ status: 'processing' })));
      await Promise.all(keys.map((key, n) => inbox.finish(key, [{ text: `答复${n}`, format: 'text' }], at(1))));
      const again = await Promise.all(keys.map((key) => inbox.claim(key, at(2), STALE_MS)));
      expect(again).toEqual(keys.map((_, n) => ({ status: 'done', replies: [{ text: `答复${n}`, format: 'text' }] })));
    });

    it('lets a claim left processing be taken over once it is stale, by one caller', async () => {
      const inbox = await make();
      await inbox.claim('m1', at(0), STALE_MS);
      expect(await inbox.claim('m1', at(60), STALE_MS)).toEqual({ status: 'processing' });
      expect(await inbox.claim('m1', at(61), STALE_MS)).toEqual({ status: 'new' });
      expect(await inbox.claim('m1', at(62), STALE_MS)).toEqual({ status: 'processing' });
    });

    it('forgets a released claim so a retry can try again, but never a finished one', async () => {
      const inbox = await make();
      await inbox.claim('failed', at(0), STALE_MS);
      await inbox.release('failed');
      expect(await inbox.claim('failed', at(1), STALE_MS)).toEqual({ status: 'new' });

      await inbox.claim('answered', at(0), STALE_MS);
      await inbox.finish('answered', [{ text: '好的', format: 'text' }], at(1));
      await inbox.release('answered');
      expect(await inbox.claim('answered', at(2), STALE_MS)).toMatchObject({ status: 'done' });
      await expect(inbox.release('never-seen')).resolves.toBeUndefined();
    });

    it('prunes messages first seen before a moment and says how many', async () => {
      const inbox = await make();
      await inbox.claim('old-1', at(0), STALE_MS);
      await inbox.claim('old-2', at(10), STALE_MS);
      await inbox.finish('old-2', [], at(11));
      await inbox.claim('new', at(20), STALE_MS);
      expect(await inbox.pruneBefore(at(20))).toBe(2);
      expect(await inbox.claim('old-1', at(30), STALE_MS)).toEqual({ status: 'new' });
      expect(await inbox.claim('new', at(30), STALE_MS)).toEqual({ status: 'processing' });
      expect(await inbox.pruneBefore(at(0))).toBe(0);
    });
  });
}
