import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { messagesFor } from '../../../src/i18n/messages.js';
import { createLogger } from '../../../src/logger.js';
import { SendError, type Address } from '../../../src/platforms/types.js';
import { createWecomSenders, type WecomSenders } from '../../../src/platforms/wecom/wecom.js';
import { RedisCoordination } from '../../../src/storage/redis/redis-coordination.js';
import { FakeWecomServer, type WebhookRequest } from '../../fakes/wecom-server.js';
import { testStores } from '../../support/stores.js';
import { VECTOR_A, wecomEnv } from './wecom-client.js';

const stores = testStores(import.meta.url);
const logger = createLogger('silent');
const messages = messagesFor('zh-CN');

/** The most requests the fake saw inside any 60-second window. */
function busiestMinute(requests: WebhookRequest[]): number {
  let most = 0;
  for (const start of requests) most = Math.max(most, requests.filter((r) => r.at >= start.at && r.at < start.at + 60_000).length);
  return most;
}

/**
 * The senders, driven directly (the outbox dispatcher that will drive them is another module),
 * against the fake WeCom server, with a shared Redis and one manual clock for both sides.
 */
describe('the WeCom senders', () => {
  let fake: FakeWecomServer;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const coordinations: RedisCoordination[] = [];
  let senders: WecomSenders;

  /** One Yishi instance's senders: its own Redis connection, the shared prefix. */
  async function instance(): Promise<WecomSenders> {
    const coordination = await RedisCoordination.connect(stores.redisUrl, stores.redisPrefix);
    coordinations.push(coordination);
    const config = loadConfig({ MONGODB_URI: stores.mongoUri, ADMIN_TOKEN: 'test-admin-token-0123456789', ...wecomEnv(fake.url) });
    return createWecomSenders(config, { coordination, clock, logger, messages });
  }

  beforeAll(async () => {
    fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret, clock });
    senders = await instance();
  });
  afterEach(() => {
    clock.advance(10 * 60_000);
  });
  afterAll(async () => {
    await Promise.all(coordinations.map((c) => c.close()));
    await fake?.stop();
  });

  it('delivers 100 pushes to one group robot, never more than 20 in any minute', async () => {
    const group: Address = { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'key-busy-group' };
    const robot = senders['wecom-group-robot'];
    for (let n = 1; n <= 100; n += 1) {
      for (;;) {
        try {
          await robot.send(group, { text: `第${n}条通知`, format: 'text' }, { idempotencyKey: `push-${n}` });
          break;
        } catch (error) {
          if (!(error instanceof SendError) || !error.retryable) throw error;
          clock.advance(error.retryAfterMs ?? 1000);
        }
      }
    }
    const seen = fake.webhookRequests.filter((r) => r.key === group.webhookKey);
    expect(fake.delivered(group.webhookKey).map((r) => (r.body.text as { content: string }).content)).toEqual(
      Array.from({ length: 100 }, (_, i) => `第${i + 1}条通知`),
    );
    expect(seen.every((r) => r.errcode === 0)).toBe(true);
    expect(busiestMinute(seen)).toBeLessThanOrEqual(20);
  });

  it('mentions people in markdown with <@userid> and in text with mentioned_list', async () => {
    const group: Address = { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'key-mentions' };
    await senders['wecom-group-robot'].send(group, { text: '**今日值班**', format: 'markdown', mentionUserIds: ['zhangsan'] });
    await senders['wecom-group-robot'].send(group, { text: '请查收', format: 'text', mentionUserIds: ['lisi'] });
    const [markdown, text] = fake.delivered(group.webhookKey).map((r) => r.body);
    expect(markdown).toEqual({ msgtype: 'markdown', markdown: { content: '<@zhangsan>\n**今日值班**' } });
    expect(text).toEqual({ msgtype: 'text', text: { content: '请查收', mentioned_list: ['lisi'] } });
  });

  it('splits long Chinese text on UTF-8 byte limits without breaking a character', async () => {
    const group: Address = { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'key-long' };
    const long = '议事'.repeat(1500); // 9000 bytes
    await senders['wecom-group-robot'].send(group, { text: long, format: 'text' });
    const pieces = fake.delivered(group.webhookKey).map((r) => (r.body.text as { content: string }).content);
    expect(pieces.length).toBe(5);
    expect(pieces.every((piece) => Buffer.byteLength(piece) <= 2048)).toBe(true);
    expect(pieces.join('')).toBe(long);
  });

  it('reports a robot removed from its group (93000) as broken, not to be retried', async () => {
    fake.brokenKeys.add('key-removed');
    const sending = senders['wecom-group-robot'].send(
      { platform: 'wecom-group-robot', kind: 'group', webhookKey: 'key-removed' },
      { text: '通知', format: 'text' },
    );
    await expect(sending).rejects.toMatchObject({ name: 'SendError', code: 'wecom_robot_broken', retryable: false });
  });

  it('fetches one access token for concurrent sends, across two instances sharing Redis', async () => {
    const other = await instance();
    await Promise.all(
      [senders, other, senders, other, senders].map((s, i) =>
        s['wecom-app']!.send({ platform: 'wecom-app', kind: 'user', userId: `member${i}` }, { text: `第${i}条`, format: 'text' }),
      ),
    );
    // No token was cached before: the five sends over two instances fetched exactly one.
    expect(fake.gettokenCalls).toBe(1);
    expect(fake.appMessages.filter((m) => m.touser.startsWith('member'))).toHaveLength(5);
  });

  it('backs off a minute when WeCom says 45009', async () => {
    fake.failNextMessageSend(45009);
    const sending = senders['wecom-app']!.send(
      { platform: 'wecom-app', kind: 'user', userId: 'zhangsan' },
      { text: '您好', format: 'text' },
    );
    await expect(sending).rejects.toMatchObject({ code: 'wecom_rate_limited', retryable: true, retryAfterMs: 60_000 });
  });

  it('refreshes the token exactly once and retries once when message/send says 42001', async () => {
    const send = () =>
      senders['wecom-app']!.send({ platform: 'wecom-app', kind: 'user', userId: 'wangwu' }, { text: '会议提醒', format: 'text' });
    await send(); // a token is cached
    fake.expireTokens();
    const [tokensBefore, callsBefore, deliveredBefore] = [fake.gettokenCalls, fake.messageSendCalls, fake.appMessages.length];
    await send();
    expect(fake.gettokenCalls - tokensBefore).toBe(1);
    expect(fake.messageSendCalls - callsBefore).toBe(2);
    expect(fake.appMessages.length - deliveredBefore).toBe(1);

    // A second refusal after the refresh is not looped on: one refresh, one retry, then an error.
    fake.failNextMessageSend(40014, 40014);
    const [tokensNow, callsNow] = [fake.gettokenCalls, fake.messageSendCalls];
    await expect(send()).rejects.toMatchObject({ code: 'wecom_token_invalid', retryable: true });
    expect(fake.gettokenCalls - tokensNow).toBe(1);
    expect(fake.messageSendCalls - callsNow).toBe(2);
  });

  it('swaps a token it remembers for the one another instance fetched when WeCom refuses it, without fetching another', async () => {
    const other = await instance();
    const send = (s: WecomSenders, userId: string) =>
      s['wecom-app']!.send({ platform: 'wecom-app', kind: 'user', userId }, { text: '会议提醒', format: 'text' });
    await send(senders, 'sunjiu'); // this instance now remembers the cached token
    fake.expireTokens();
    await send(other, 'qianqi'); // the other instance is refused and fetches a new one
    const [tokensBefore, deliveredBefore] = [fake.gettokenCalls, fake.appMessages.length];
    await send(senders, 'sunjiu');
    expect(fake.gettokenCalls - tokensBefore).toBe(0);
    expect(fake.appMessages.length - deliveredBefore).toBe(1);
  });

  it('reports a member WeCom does not know (81013) as not retryable', async () => {
    fake.unknownUsers.add('ghost');
    await expect(
      senders['wecom-app']!.send({ platform: 'wecom-app', kind: 'user', userId: 'ghost' }, { text: '您好', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'wecom_receiver_invalid',
      retryable: false,
    });
  });

  it('sends with duplicate checking only when the message has an idempotency key', async () => {
    const to: Address = { platform: 'wecom-app', kind: 'user', userId: 'zhaoliu' };
    await senders['wecom-app']!.send(to, { text: '回复', format: 'text' });
    await senders['wecom-app']!.send(to, { text: '通知', format: 'text' }, { idempotencyKey: 'notice-1' });
    const [reply, notice] = fake.appMessages.filter((m) => m.touser === 'zhaoliu');
    expect(reply!.body.enable_duplicate_check).toBeUndefined();
    expect(notice!.body).toMatchObject({ enable_duplicate_check: 1, agentid: 218 });
  });

  it('posts a late smart-robot answer to the response_url path on the configured API base', async () => {
    await senders['wecom-bot'].send(
      { platform: 'wecom-bot', kind: 'response-url', url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=abc' },
      { text: '**好的**', format: 'markdown' },
    );
    expect(fake.aibotResponses.at(-1)).toEqual({ responseCode: 'abc', body: { msgtype: 'markdown', markdown: { content: '**好的**' } } });
  });
});
