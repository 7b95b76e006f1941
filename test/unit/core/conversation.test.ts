import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { CONFIRM_TIMEOUT_MS, Conversations, DIALOGUE_TIMEOUT_MS, type PendingCommand } from '../../../src/core/conversation.js';
import type { IncomingMessage } from '../../../src/platforms/types.js';
import { MemoryCoordination } from '../../../src/storage/memory/memory-coordination.js';

const start = new Date('2026-03-04T02:00:00Z');

function message(overrides: { platform?: IncomingMessage['platform']; chat?: string; sender?: string } = {}): IncomingMessage {
  return {
    platform: overrides.platform ?? 'console',
    messageId: 'm1',
    chat: { id: overrides.chat ?? 'staff', kind: 'group' },
    sender: {
      platformUserId: overrides.sender ?? 'zhang',
      identityKey: `${overrides.platform ?? 'console'}:${overrides.sender ?? 'zhang'}`,
    },
    source: 'member-chat',
    text: '反映',
    mentionedBot: true,
    mentions: [],
    receivedAt: start,
  };
}

const pending: PendingCommand = { commandId: 'file-opinion', args: {}, extras: { tags: [], memberIds: [], rest: '' } };

function setUp() {
  const clock = new ManualClock(start);
  return { clock, conversations: new Conversations(new MemoryCoordination(), clock) };
}

describe('conversations (who is in the middle of what, by the injected clock)', () => {
  it('keeps a dialogue for ten minutes of silence, and restarts the ten minutes with every step', async () => {
    const { clock, conversations } = setUp();
    expect(await conversations.load(message())).toBeNull();
    await conversations.ask(message(), { pending, asking: 'text', remaining: ['community'] });
    clock.advance(DIALOGUE_TIMEOUT_MS - 1);
    expect(await conversations.load(message())).toMatchObject({ expired: false, state: { kind: 'dialogue', asking: 'text' } });
    await conversations.ask(message(), { pending, asking: 'community', remaining: [] });
    clock.advance(DIALOGUE_TIMEOUT_MS - 1);
    expect((await conversations.load(message()))?.expired).toBe(false);
    clock.advance(1);
    expect(await conversations.load(message())).toMatchObject({ expired: true, state: { asking: 'community' } });
  });

  it('keeps a confirmation for five minutes', async () => {
    const { clock, conversations } = setUp();
    await conversations.awaitConfirmation(message(), pending);
    clock.advance(CONFIRM_TIMEOUT_MS - 1);
    expect(await conversations.load(message())).toMatchObject({ expired: false, state: { kind: 'confirm' } });
    clock.advance(1);
    expect((await conversations.load(message()))?.expired).toBe(true);
    expect(DIALOGUE_TIMEOUT_MS).toBe(10 * 60_000);
    expect(CONFIRM_TIMEOUT_MS).toBe(5 * 60_000);
  });

  it('belongs to one person in one chat on one platform', async () => {
    const { conversations } = setUp();
    await conversations.ask(message(), { pending, asking: 'text', remaining: [] });
    expect(await conversations.load(message({ sender: 'li' }))).toBeNull();
    expect(await conversations.load(message({ chat: 'other' }))).toBeNull();
    expect(await conversations.load(message({ platform: 'dingtalk' }))).toBeNull();
    await conversations.end(message());
    expect(await conversations.load(message())).toBeNull();
  });

  it('lets exactly one caller claim a state, and keeps the id through the steps when given', async () => {
    const { conversations } = setUp();
    await conversations.ask(message(), { pending, asking: 'text', remaining: [], id: 'dialogue-1' });
    const { state } = (await conversations.load(message()))!;
    expect(state.id).toBe('dialogue-1');
    expect(await conversations.claim(state)).toBe(true);
    expect(await conversations.claim(state)).toBe(false);
    await conversations.awaitConfirmation(message(), pending);
    const confirm = (await conversations.load(message()))!.state;
    expect(confirm.id).not.toBe('dialogue-1');
    expect(await conversations.claim(confirm)).toBe(true);
  });
});
