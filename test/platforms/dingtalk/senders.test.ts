import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DingtalkConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { createLogger } from '../../../src/logger.js';
import { createDingtalkSenders } from '../../../src/platforms/dingtalk/dingtalk.js';
import { SendError, type Address, type Sender } from '../../../src/platforms/types.js';
import { MemoryCoordination } from '../../../src/storage/memory/memory-coordination.js';
import { RedisCoordination } from '../../../src/storage/redis/redis-coordination.js';
import { FakeDingtalk } from '../../fakes/dingtalk-server.js';
import { testStores } from '../../support/stores.js';
import { APP_KEY, APP_SECRET, ROBOT_CODE } from './dingtalk-support.js';

const logger = createLogger('silent');
const stores = testStores(import.meta.url);

/** Sends every message, waiting (on the manual clock) as long as each refusal asks. */
async function pushAll(sender: Sender, to: Address, count: number, clock: ManualClock): Promise<number> {
  let waits = 0;
  for (let i = 1; i <= count; i += 1) {
    for (;;) {
      try {
        await sender.send(to, { text: `第${i}条通知：明天上午九点在三楼会议室召开界别协商会。`, format: 'text' });
        break;
      } catch (error) {
        if (!(error instanceof SendError) || !error.retryable) throw error;
        waits += 1;
        clock.advance(error.retryAfterMs ?? 1000);
      }
    }
  }
  return waits;
}

describe('DingTalk senders', () => {
  let clock: ManualClock;
  let fake: FakeDingtalk;
  let shared: RedisCoordination;
  let config: DingtalkConfig;
  let n = 0;

  beforeAll(async () => {
    shared = await RedisCoordination.connect(stores.redisUrl, stores.redisPrefix);
  });
  afterAll(async () => {
    await shared?.close();
  });

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T01:00:00Z');
    // A fresh app per test: the token cache in Redis outlives each fake.
    n += 1;
    fake = await FakeDingtalk.start({
      appKey: `${APP_KEY}-${n}`,
      appSecret: APP_SECRET,
      robotCode: `${ROBOT_CODE}-${n}`,
      now: () => clock.now().getTime(),
    });
    config = {
      appKey: `${APP_KEY}-${n}`,
      appSecret: APP_SECRET,
      robotCode: `${ROBOT_CODE}-${n}`,
      mode: 'http',
      apiBase: fake.url,
      oapiBase: fake.url,
      corpId: undefined,
      loginBase: fake.url,
    };
  });
  afterEach(async () => {
    await fake.close();
  });

  it('pushes 45 messages to a committee group, never more than 20 in any minute, and all arrive', async () => {
    const senders = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const waits = await pushAll(
      senders.dingtalk,
      { platform: 'dingtalk', kind: 'group', openConversationId: 'cidGroupStaff==' },
      45,
      clock,
    );
    expect(waits).toBeGreaterThan(0);
    expect(fake.delivered.filter((d) => d.channel === 'group')).toHaveLength(45);
    expect(fake.maxPerMinute(config.robotCode)).toBeLessThanOrEqual(20);
    expect(fake.refused).toEqual([]);
  });

  it('signs custom-robot pushes and keeps each custom robot under 20 a minute', async () => {
    fake.customRobot('custom-token-wdp', { secret: 'SECabcdef0123456789', keywords: ['通知'] });
    const senders = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const to: Address = {
      platform: 'dingtalk-custom-robot',
      kind: 'group',
      accessToken: 'custom-token-wdp',
      secret: 'SECabcdef0123456789',
    };
    await pushAll(senders['dingtalk-custom-robot'], to, 30, clock);
    expect(fake.delivered.filter((d) => d.channel === 'custom')).toHaveLength(30);
    expect(fake.maxPerMinute('custom:custom-token-wdp')).toBeLessThanOrEqual(20);
    expect(fake.refused).toEqual([]);
  });

  it('reports a custom robot that refuses the sign (310000) as a failure retrying cannot fix', async () => {
    fake.customRobot('custom-token-staff', { secret: 'SECtherealsecret' });
    const senders = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const sending = senders['dingtalk-custom-robot'].send(
      { platform: 'dingtalk-custom-robot', kind: 'group', accessToken: 'custom-token-staff', secret: 'SECwrongsecret' },
      { text: '通知', format: 'text' },
    );
    await expect(sending).rejects.toMatchObject({ code: 'dingtalk_310000', retryable: false });
  });

  it('backs off after 130101 (the robot is also used elsewhere) and sends nothing more until the cool-down ends', async () => {
    const ours = createDingtalkSenders({ config, coordination: shared, clock, logger });
    // Another system on the same robot, with a budget of its own.
    const theirs = createDingtalkSenders({ config, coordination: new MemoryCoordination(), clock, logger });
    const group: Address = { platform: 'dingtalk', kind: 'group', openConversationId: 'cidGroupStaff==' };
    for (let i = 0; i < 10; i += 1) await theirs.dingtalk.send(group, { text: '其他系统的消息', format: 'text' });
    for (let i = 0; i < 10; i += 1) await ours.dingtalk.send(group, { text: '通知', format: 'text' });
    clock.advance(30_000);
    const refused = await ours.dingtalk.send(group, { text: '通知', format: 'text' }).then(
      () => null,
      (error: unknown) => error,
    );
    // 20 went out in the last minute, so DingTalk says 130101 and our sender must pause.
    expect(refused).toBeInstanceOf(SendError);
    expect(refused).toMatchObject({ code: 'dingtalk_throttled', retryable: true });
    const pause = (refused as SendError).retryAfterMs!;
    expect(pause).toBeGreaterThanOrEqual(60_000);
    const requestsBefore = fake.refused.length + fake.delivered.length;
    clock.advance(pause - 1000);
    await expect(ours.dingtalk.send(group, { text: '通知', format: 'text' })).rejects.toMatchObject({ retryable: true });
    expect(fake.refused.length + fake.delivered.length).toBe(requestsBefore);
    clock.advance(1000);
    await ours.dingtalk.send(group, { text: '通知', format: 'text' });
    expect(fake.delivered).toHaveLength(21);
  });

  it('fetches the access token once when two instances start sending at the same moment', async () => {
    const first = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const second = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const to: Address = { platform: 'dingtalk', kind: 'user', staffId: 'staff-zhang' };
    await Promise.all(
      [1, 2, 3].flatMap(() => [
        first.dingtalk.send(to, { text: '通知', format: 'text' }),
        second.dingtalk.send(to, { text: '通知', format: 'text' }),
      ]),
    );
    expect(fake.tokenRequests).toBe(1);
    expect(fake.delivered.filter((d) => d.channel === 'oto')).toHaveLength(6);
  });

  it('renews the token before the two hours DingTalk gives it are up', async () => {
    const senders = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const to: Address = { platform: 'dingtalk', kind: 'user', staffId: 'staff-zhang' };
    await senders.dingtalk.send(to, { text: '通知', format: 'text' });
    // The fake's tokens last 7200 s; ours is renewed 5 minutes early, so move to just inside that margin.
    clock.advance(7200_000 - 60_000);
    await senders.dingtalk.send(to, { text: '**会议通知**\n明天上午九点', format: 'markdown' });
    expect(fake.tokenRequests).toBe(2);
    expect(fake.delivered.at(-1)!.body).toMatchObject({ msgKey: 'sampleMarkdown' });
    expect(JSON.parse(fake.delivered.at(-1)!.body.msgParam as string)).toEqual({ title: '会议通知', text: '**会议通知**\n明天上午九点' });
  });

  it('renews the token once, and sends, when DingTalk revokes it early', async () => {
    const senders = createDingtalkSenders({ config, coordination: shared, clock, logger });
    const to: Address = { platform: 'dingtalk', kind: 'group', openConversationId: 'cidGroupStaff==' };
    await senders.dingtalk.send(to, { text: '通知', format: 'text' });
    fake.revokeTokens();
    await senders.dingtalk.send(to, { text: '通知', format: 'text' });
    expect(fake.tokenRequests).toBe(2);
    expect(fake.refused).toEqual([expect.objectContaining({ code: 'InvalidAuthentication' })]);
    expect(fake.delivered).toHaveLength(2);
  });
});
