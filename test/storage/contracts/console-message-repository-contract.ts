import { describe, expect, it } from 'vitest';
import type { ConsoleMessageRepository } from '../../../src/services/console-message-records.js';

const at = (seconds: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + seconds * 1000);

/** What every console mailbox does; `make` gives an empty one each time. */
export function consoleMessageRepositoryContract(make: () => Promise<ConsoleMessageRepository>): void {
  describe('a console-message repository', () => {
    it('gives each person their notices oldest first, a page at a time, with a cursor', async () => {
      const mailbox = await make();
      await mailbox.append({ kind: 'user', to: 'm1', text: '一', format: 'text' }, at(0));
      await mailbox.append({ kind: 'group', to: 'staff', text: '群', format: 'markdown' }, at(1));
      await mailbox.append({ kind: 'user', to: 'm1', text: '二', format: 'text' }, at(2));
      await mailbox.append({ kind: 'user', to: 'm1', text: '三', format: 'text' }, at(3));

      const first = await mailbox.listFor('m1', undefined, 2);
      expect(first.messages).toMatchObject([
        { kind: 'user', to: 'm1', text: '一', format: 'text', createdAt: at(0) },
        { text: '二', createdAt: at(2) },
      ]);
      expect(first.cursor).toBe(first.messages[1]!.id);
      expect(first.messages.every((m) => /^[0-9a-f]{24}$/.test(m.id))).toBe(true);
      const next = await mailbox.listFor('m1', first.cursor, 2);
      expect(next.messages.map((m) => m.text)).toEqual(['三']);
      const none = await mailbox.listFor('m1', next.cursor, 2);
      expect(none).toEqual({ messages: [], cursor: next.cursor });
      expect((await mailbox.listFor('staff', undefined, 10)).messages).toMatchObject([{ kind: 'group', text: '群', format: 'markdown' }]);
    });

    it('starts from the top for no cursor or one that is not an id, and answers an unknown person with nothing', async () => {
      const mailbox = await make();
      await mailbox.append({ kind: 'user', to: 'm1', text: '一', format: 'text' }, at(0));
      expect((await mailbox.listFor('m1', 'not-an-id', 10)).messages).toHaveLength(1);
      expect(await mailbox.listFor('nobody', undefined, 10)).toEqual({ messages: [], cursor: undefined });
      expect(await mailbox.listFor('nobody', 'not-an-id', 10)).toEqual({ messages: [], cursor: 'not-an-id' });
    });

    it('stores a notice with the same idempotency key once', async () => {
      const mailbox = await make();
      await mailbox.append({ kind: 'user', to: 'm1', text: '一', format: 'text', idempotencyKey: 'k1' }, at(0));
      await mailbox.append({ kind: 'user', to: 'm1', text: '一（重发）', format: 'text', idempotencyKey: 'k1' }, at(1));
      await mailbox.append({ kind: 'user', to: 'm1', text: '二', format: 'text', idempotencyKey: 'k2' }, at(2));
      expect((await mailbox.listFor('m1', undefined, 10)).messages.map((m) => m.text)).toEqual(['一', '二']);
      // Without a key every notice is kept. (On MongoDB an upsert's id is made by the server and a plain
      // insert's by the driver, so the two kinds are not compared for order here.)
      await mailbox.append({ kind: 'user', to: 'm2', text: '三', format: 'text' }, at(3));
      await mailbox.append({ kind: 'user', to: 'm2', text: '三', format: 'text' }, at(4));
      expect((await mailbox.listFor('m2', undefined, 10)).messages.map((m) => m.text)).toEqual(['三', '三']);
    });
  });
}
