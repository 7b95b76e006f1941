import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';

/**
 * Issue 20: a command that changes nothing stored is answered without the durable inbox. This
 * list is the decision, command by command; a command that writes (an audit entry included, like
 * 查看联系方式, or a sign-in link, like 工作台) must not be on it.
 */
const READ_ONLY = [
  'help',
  'my-opinions',
  'opinion-progress',
  'opinion-queue',
  'overdue-opinions',
  'duty',
  'my-duty',
  'events',
  'event-detail',
  'event-programme',
  'my-record',
  'member-record',
  'stats',
  'my-social-reports',
  'open-social-reports',
  'list-outcomes',
  // 我的积分 is not: asked in a group, it sends the points in private (an outbox write).
  // 我的述职表 is not either: it issues a one-time sign-in link (a ticket, as 工作台) and in a group sends it in private.
];

describe('read-only commands', () => {
  const registry = buildRegistry();

  it('are exactly the ones decided here', () => {
    const declared = registry.commands.filter((c) => c.readOnly).map((c) => c.id);
    expect(declared.sort()).toEqual([...READ_ONLY].sort());
  });

  it('never ask for 确认 (a confirmed change writes)', () => {
    for (const id of READ_ONLY) {
      expect(registry.byId(id)!.confirm, id).toBeUndefined();
      expect(registry.byId(id)!.confirmDialogue, id).toBeUndefined();
    }
  });
});
