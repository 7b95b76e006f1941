import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aibotText, FakeAibotGateway, type Received } from '../../fakes/wecom-aibot-gateway.js';
import { insertNotice } from '../../scheduler/outbox-support.js';
import { startTestYishi, storedOutbox, type TestYishi } from '../../support/yishi.js';

const BOT_ID = 'aibot-test-id';
const SECRET = 'aibot-test-secret';
const STAFF_CHAT = 'wrStaffChat01';
const SECTOR_CHAT = 'wrGongHuiChat01';

const waitFor = async <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const streamOf = (frame: Received) => frame.body.stream as { id: string; finish: boolean; content: string };

describe('WeCom smart robot over the long connection (fake gateway, official SDK)', () => {
  let gateway: FakeAibotGateway;
  let t: TestYishi;

  beforeAll(async () => {
    gateway = await FakeAibotGateway.start({ botId: BOT_ID, secret: SECRET });
    t = await startTestYishi(import.meta.url, {
      scheduler: 'manual',
      // 0: every answer shows 正在处理… first, so the stream's two steps are seen.
      env: { WECOM_BOT_ID: BOT_ID, WECOM_BOT_SECRET: SECRET, WECOM_BOT_WS_URL: gateway.url, WECOM_REPLY_WITHIN_MS: '0' },
    });
    for (const member of [
      { name: '王主任', sector: '中共', role: 'staff', wecomUserId: 'wangzr' },
      { name: '张委员', sector: '工会', role: 'member', wecomUserId: 'zhangwy' },
    ])
      expect((await t.api('/api/members', { body: member })).status).toBe(201);
    await waitFor('the subscription', () => gateway.connected);
  });
  afterAll(async () => {
    await t?.stop();
    await gateway?.stop();
  });

  /** A member writes (in a group when `chatId` is given); the finished stream's text on that frame. */
  async function ask(from: string, content: string, chatId?: string, msgid?: string): Promise<{ reqId: string; answer: string }> {
    const reqId = gateway.deliver(aibotText({ from, content, ...(chatId ? { chatId } : {}), ...(msgid ? { msgid } : {}) }));
    const done = await waitFor(`the answer to ${content}`, () => gateway.answersTo(reqId).find((frame) => streamOf(frame)?.finish));
    return { reqId, answer: streamOf(done).content };
  }

  it('subscribes once with the bot id and secret, and shows the connection on /readyz and /metrics', async () => {
    expect(gateway.subscribes).toEqual([expect.objectContaining({ botId: BOT_ID, accepted: true })]);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ connections: [{ name: 'wecom-aibot', state: 'connected', ready: true }] });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('yishi_platform_connection_state{platform="wecom-aibot",state="connected"} 1');
  });

  it('welcomes a member entering the chat within WeCom’s 5 seconds', async () => {
    const sentAt = Date.now();
    const reqId = gateway.deliverEvent({
      msgid: 'enter-1',
      aibotid: 'AIBOT_TEST',
      from: { userid: 'zhangwy' },
      msgtype: 'event',
      event: { eventtype: 'enter_chat' },
    });
    const welcome = await waitFor('the welcome', () => gateway.answersTo(reqId)[0]);
    expect(welcome.cmd).toBe('aibot_respond_welcome_msg');
    expect(welcome.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining('议事助手') } });
    expect(welcome.at - sentAt).toBeLessThan(5_000);
  });

  it('registers a group as a notice channel with 登记本群 (the @-mention stripped)', async () => {
    const { answer } = await ask('wangzr', '@议事助手 登记本群 staff 政协办公室', STAFF_CHAT);
    expect(answer).toContain('已新建群“政协办公室”（编号 staff）');
    expect((await t.api('/api/groups/staff')).body.channels).toEqual([{ platform: 'wecom-aibot', kind: 'group', chatId: STAFF_CHAT }]);
  });

  it('files one opinion from a member’s 反映 in a group, answers with its number, and a redelivered frame changes nothing', async () => {
    const msgid = 'CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=';
    const first = await ask('zhangwy', '@议事助手 反映 幸福小区3号楼的路灯坏了一个月', SECTOR_CHAT, msgid);
    const number = /MY-\d{4}-\d{6}/.exec(first.answer)?.[0];
    expect(number, first.answer).toBeDefined();
    // 正在处理… at once, then the answer in its place (the same stream id).
    const streams = gateway.answersTo(first.reqId).map(streamOf);
    expect(streams).toEqual([
      { id: streams[0]!.id, finish: false, content: '正在处理…' },
      { id: streams[0]!.id, finish: true, content: first.answer },
    ]);

    const again = await ask('zhangwy', '@议事助手 反映 幸福小区3号楼的路灯坏了一个月', SECTOR_CHAT, msgid);
    expect(again.reqId).not.toBe(first.reqId);
    expect(again.answer).toBe(first.answer);
    const opinions = (await t.api('/api/opinions')).body;
    expect(opinions.items.filter((opinion: { number: string }) => opinion.number === number)).toHaveLength(1);
    expect(opinions.total).toBe(1);

    // The staff group hears of it through aibot_send_msg on the same connection.
    await t.tick();
    const push = await waitFor('the staff notice', () =>
      gateway.pushes().find((p) => p.body.chatid === STAFF_CHAT && String(JSON.stringify(p.body)).includes(number!)),
    );
    expect(push.body).toMatchObject({ chatid: STAFF_CHAT, msgtype: 'markdown' });
  });

  it('fails a notice to a chat the robot was never in, saying so, and keeps the connection', async () => {
    gateway.knownChats = new Set([STAFF_CHAT, SECTOR_CHAT]);
    const ghost = { key: 'ghost', name: '没有机器人的群', channels: [{ platform: 'wecom-aibot', kind: 'group', chatId: 'wrNeverSeen' }] };
    expect((await t.api('/api/groups', { body: ghost })).status).toBe(201);
    const subscriptions = gateway.subscribes.length;
    await insertNotice(t, { key: 'aibot-ghost:1', groupKey: 'ghost', text: '给一个从未见过的群的通知', dueAt: new Date() });
    await t.tick();
    const item = (await storedOutbox(t)).find((notice) => notice.idempotencyKey === 'aibot-ghost:1');
    expect(item?.state).toBe('failed');
    expect(gateway.pushes().some((push) => push.body.chatid === 'wrNeverSeen')).toBe(false);
    expect(gateway.subscribes.length).toBe(subscriptions);
    expect((await ask('zhangwy', '帮助')).answer).toContain('反映');
    gateway.knownChats = undefined;
  });

  it('sends staff-group notices through sendMessage within the robot’s rate limit, keeping the rest for later', async () => {
    const before = gateway.pushes().length;
    for (let n = 0; n < 25; n += 1)
      await insertNotice(t, { key: `aibot-burst:${n}`, groupKey: 'staff', text: `第${n}条通知：本周五下午协商议事会`, dueAt: new Date() });
    await t.tick();
    const sent = gateway.pushes().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(20);
    expect(gateway.received.every((frame) => frame.cmd !== 'aibot_send_msg' || frame.body.chatid)).toBe(true);
    const waiting = (await storedOutbox(t)).filter((item) => item.idempotencyKey.startsWith('aibot-burst:') && item.state === 'pending');
    expect(waiting.length).toBe(25 - sent.filter((push) => JSON.stringify(push.body).includes('协商议事会')).length);
  });

  it('logs and skips malformed frames, unknown message types and media, keeping the connection', async () => {
    const subscriptions = gateway.subscribes.length;
    gateway.sendRaw('this is not JSON');
    gateway.sendRaw(JSON.stringify({ cmd: 'aibot_msg_callback', headers: { req_id: 'bad-1' }, body: { msgtype: 'text' } }));
    gateway.deliver({ ...aibotText({ from: 'zhangwy', content: 'x' }), msgtype: 'location', location: { latitude: 1 } });
    gateway.sendRaw(JSON.stringify({ cmd: 'aibot_unheard_of', headers: { req_id: 'odd-1' }, body: {} }));
    const image = gateway.deliver({
      ...aibotText({ from: 'zhangwy', content: '' }),
      msgtype: 'image',
      image: { url: 'https://example.invalid/x' },
    });
    const onlyText = await waitFor('the media answer', () => gateway.answersTo(image)[0]);
    expect(streamOf(onlyText).content).toContain('只能读懂文字消息');
    const { answer } = await ask('zhangwy', '帮助');
    expect(answer).toContain('反映');
    expect(gateway.subscribes.length).toBe(subscriptions);
  });

  it('reconnects after the gateway drops the socket', async () => {
    const accepted = gateway.subscribes.filter((s) => s.accepted).length;
    gateway.drop();
    await waitFor('the new subscription', () => gateway.subscribes.filter((s) => s.accepted).length > accepted && gateway.connected);
    const { answer } = await ask('zhangwy', '帮助');
    expect(answer).toContain('反映');
  });
});

describe('a graceful stop', () => {
  it('answers what is in flight on the connection, then closes it', async () => {
    const gateway = await FakeAibotGateway.start({ botId: BOT_ID, secret: SECRET });
    const t = await startTestYishi(import.meta.url, {
      scheduler: 'manual',
      env: { WECOM_BOT_ID: BOT_ID, WECOM_BOT_SECRET: SECRET, WECOM_BOT_WS_URL: gateway.url, WECOM_REPLY_WITHIN_MS: '0' },
    });
    try {
      await waitFor('the subscription', () => gateway.connected);
      // WeCom is slow to acknowledge 正在处理…, so the answer is still waiting to go when the stop begins.
      gateway.holdAcks = true;
      const reqId = gateway.deliver(aibotText({ from: 'zhangwy', content: '帮助' }));
      await waitFor('正在处理…', () => gateway.answersTo(reqId)[0]);
      const stopping = t.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(gateway.connected).toBe(true);
      gateway.releaseAcks();
      await stopping;
      const final = await waitFor('the answer', () => gateway.answersTo(reqId).find((frame) => streamOf(frame).finish));
      expect(streamOf(final).content).toContain('反映');
      await waitFor('the socket to close', () => gateway.closes.length > 0);
      expect(final.at).toBeLessThanOrEqual(gateway.closes[0]!);
      expect(gateway.connected).toBe(false);
    } finally {
      await gateway.stop();
    }
  });
});

describe('a wrong smart robot secret', () => {
  let gateway: FakeAibotGateway;
  let t: TestYishi;

  beforeAll(async () => {
    gateway = await FakeAibotGateway.start({ botId: BOT_ID, secret: SECRET });
    t = await startTestYishi(import.meta.url, {
      scheduler: 'manual',
      env: { WECOM_BOT_ID: BOT_ID, WECOM_BOT_SECRET: 'not-the-secret', WECOM_BOT_WS_URL: gateway.url },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await gateway?.stop();
  });

  it('makes /readyz say why, and tries again with growing pauses instead of hammering', async () => {
    await waitFor('three refused subscriptions', () => gateway.subscribes.length >= 3);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { reason: string; connections: unknown[] };
    expect(body.reason).toContain('WECOM_BOT_SECRET');
    expect(body.connections).toEqual([expect.objectContaining({ name: 'wecom-aibot', state: 'refused', ready: false })]);
    const [a, b, c] = gateway.subscribes.map((s) => s.at);
    expect(gateway.subscribes.every((s) => !s.accepted)).toBe(true);
    expect(c! - b!).toBeGreaterThan((b! - a!) * 1.5);
  });
});
