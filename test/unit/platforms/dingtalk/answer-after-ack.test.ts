import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../../../../src/core/bot.js';
import { RETRY_AFTER_ACK_MS } from '../../../../src/core/answer-in-time.js';
import { ManualClock } from '../../../../src/core/clock.js';
import { createLogger } from '../../../../src/logger.js';
import { DingtalkInbound } from '../../../../src/platforms/dingtalk/inbound.js';
import type { IncomingMessage, OutgoingMessage } from '../../../../src/platforms/types.js';
import { MemoryCoordination } from '../../../../src/storage/memory/memory-coordination.js';

// DingTalk answers through the platforms' one reply-now-or-later helper (src/core/answer-in-time.ts):
// always later, once, and, since DingTalk never delivers an acked message again, a handling that
// fails after the ack is tried again. The bot here fails its first try after the claim, as it does
// when Redis or MongoDB goes away mid-way (the same stand-in as test/unit/platforms/wecom/answer-after-ack.test.ts).
const clock = new ManualClock('2026-03-02T01:00:00Z');
const payload = (msgId: string) => ({
  msgId,
  msgtype: 'text',
  text: { content: '反映 东门路灯坏了' },
  conversationType: '1',
  conversationId: 'cidDirectZhang==',
  senderStaffId: 'staff-zhang',
});
const answer: OutgoingMessage = { text: 'MY-2026-000001 已收到', format: 'text' };

function botFailing(failures: number) {
  let calls = 0;
  const handle = vi.fn(async (_message: IncomingMessage, hooks: { onClaimed?: () => void } = {}) => {
    calls += 1;
    hooks.onClaimed?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (calls <= failures) throw new Error('Connection is closed.');
    return { replies: [answer], duplicate: false };
  });
  return { bot: { handle } as unknown as Bot, handle };
}

function inbound(bot: Bot) {
  const replied: OutgoingMessage[][] = [];
  const replier = { reply: async (_message: IncomingMessage, replies: OutgoingMessage[]) => void replied.push(replies) };
  return { inbound: new DingtalkInbound(bot, replier, new MemoryCoordination(), clock, createLogger('silent')), replied };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a DingTalk message acked before its handling failed', () => {
  it('is handled again after the first delay, and answered once', async () => {
    vi.useFakeTimers();
    const { bot, handle } = botFailing(1);
    const { inbound: door, replied } = inbound(bot);
    const acked = door.accept(payload('m-after-ack'), 'http');
    await vi.advanceTimersByTimeAsync(10);
    expect(await acked).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(50);
    expect(replied).toEqual([]);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ACK_MS[0] + 60);
    expect(handle).toHaveBeenCalledTimes(2);
    expect(replied).toEqual([[answer]]);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_ACK_MS.reduce((a, b) => a + b, 0));
    expect(handle).toHaveBeenCalledTimes(2);
    expect(replied).toEqual([[answer]]);
  });

  it('waits at shutdown for a first try still in hand, and its answer goes before the drain ends', async () => {
    const { bot } = botFailing(0);
    const { inbound: door, replied } = inbound(bot);
    expect(await door.accept(payload('m-drain'), 'stream')).toEqual({ ok: true });
    expect(replied).toEqual([]);
    await door.drain();
    expect(replied).toEqual([[answer]]);
  });
});
