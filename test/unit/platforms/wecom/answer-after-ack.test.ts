import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../../../../src/core/bot.js';
import { createLogger } from '../../../../src/logger.js';
import type { IncomingMessage, OutgoingMessage } from '../../../../src/platforms/types.js';
import { answerInTime, RETRY_AFTER_ACK_MS } from '../../../../src/platforms/wecom/answer.js';
import { MemoryCoordination } from '../../../../src/storage/memory/memory-coordination.js';

// After an early ack WeCom never delivers the message again: a handling that fails then must be
// tried again by Yishi, or the message is lost. The bot here fails its first try after the claim,
// as it does when Redis or MongoDB goes away mid-way.
const message = {
  platform: 'wecom-app',
  messageId: 'm-after-ack',
  chat: { id: 'u1', kind: 'direct' },
  sender: { platformUserId: 'u1', identityKey: 'wecom:u1' },
  source: 'message',
  text: '反映 路灯坏了',
  mentionedBot: true,
  mentions: [],
  receivedAt: new Date(),
} as unknown as IncomingMessage;

function botFailing(failures: number, outcomes: Array<{ replies: OutgoingMessage[]; duplicate: boolean }> = []) {
  let calls = 0;
  const handle = vi.fn(async (_message: IncomingMessage, hooks: { onClaimed?: () => void } = {}) => {
    calls += 1;
    hooks.onClaimed?.();
    // Longer than the answer window: the callback has been acked when this try ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (calls <= failures) throw new Error('Connection is closed.');
    return outcomes.shift() ?? { replies: [{ text: 'MY-2026-000001 已收到', format: 'text' as const }], duplicate: false };
  });
  return { bot: { handle } as unknown as Bot, handle };
}

const deps = (bot: Bot) => ({ bot, coordination: new MemoryCoordination(), logger: createLogger('silent'), replyWithinMs: 0 });

afterEach(() => {
  vi.useRealTimers();
});

describe('a message acked before its handling failed', () => {
  it('is handled again after the first delay, and its answer is sent through the API once', async () => {
    vi.useFakeTimers();
    const { bot, handle } = botFailing(2);
    const sent: OutgoingMessage[][] = [];
    const ways = { fitsPassive: () => true, sendLater: async (replies: OutgoingMessage[]) => void sent.push(replies) };

    const acked = answerInTime(deps(bot), message, ways);
    await vi.advanceTimersByTimeAsync(10);
    expect(await acked).toBeNull();
    await vi.advanceTimersByTimeAsync(50 + RETRY_AFTER_ACK_MS[0]);
    expect(handle).toHaveBeenCalledTimes(2);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(50 + RETRY_AFTER_ACK_MS[1] + 50);
    expect(handle).toHaveBeenCalledTimes(3);
    expect(sent).toEqual([[{ text: 'MY-2026-000001 已收到', format: 'text' }]]);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ACK_MS.reduce((a, b) => a + b, 0));
    expect(handle).toHaveBeenCalledTimes(3);
  });

  it('keeps trying while its own failed claim is still marked in hand, and gives up after the last delay', async () => {
    vi.useFakeTimers();
    const stillClaimed = { replies: [], duplicate: true };
    const { bot, handle } = botFailing(1, [stillClaimed, stillClaimed]);
    const ways = { fitsPassive: () => true, sendLater: async () => undefined };
    const acked = answerInTime(deps(bot), message, ways);
    await vi.advanceTimersByTimeAsync(10);
    expect(await acked).toBeNull();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ACK_MS[0] + RETRY_AFTER_ACK_MS[1] + RETRY_AFTER_ACK_MS[2] + 4 * 50);
    expect(handle).toHaveBeenCalledTimes(4);

    const { bot: broken, handle: brokenHandle } = botFailing(Number.POSITIVE_INFINITY);
    const ackedToo = answerInTime(deps(broken), { ...message, messageId: 'm-never' } as IncomingMessage, ways);
    await vi.advanceTimersByTimeAsync(10);
    expect(await ackedToo).toBeNull();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ACK_MS.reduce((a, b) => a + b, 0) + 60_000);
    expect(brokenHandle).toHaveBeenCalledTimes(RETRY_AFTER_ACK_MS.length + 1);
  });
});
