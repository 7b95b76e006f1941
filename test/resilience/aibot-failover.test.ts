import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/devtools/free-port.js';
import { aibotText, FakeAibotGateway, type Received } from '../fakes/wecom-aibot-gateway.js';
import { ensureServerBuilt } from '../support/build.js';
import { testStores } from '../support/stores.js';

const stores = testStores(import.meta.url);
const ADMIN_TOKEN = 'aibot-failover-admin-token-0123';
const BOT_ID = 'aibot-failover';
const SECRET = 'aibot-failover-secret';
const STAFF_CHAT = 'wrFailoverStaff';
const SECTOR_CHAT = 'wrFailoverSector';

interface Instance {
  url: string;
  child: ChildProcess;
}

const waitFor = async <T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  withinMs = 60_000,
): Promise<T> => {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** One Yishi process, as `npm start` runs it, on the shared MongoDB and Redis, with the smart robot's long connection on. */
async function startInstance(gatewayUrl: string): Promise<Instance> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      WECOM_BOT_ID: BOT_ID,
      WECOM_BOT_SECRET: SECRET,
      WECOM_BOT_WS_URL: gatewayUrl,
      MONGODB_URI: stores.mongoUri,
      REDIS_URL: stores.redisUrl,
      ADMIN_TOKEN,
      PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `instance on ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`instance on ${port} exited with ${child.exitCode}`);
      return fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
    },
    90_000,
  );
  return { url, child };
}

async function connectionState(instance: Instance): Promise<string | undefined> {
  const body = (await fetch(`${instance.url}/readyz`).then((r) => r.json())) as { connections?: Array<{ state: string }> };
  return body.connections?.[0]?.state;
}

describe('two Yishi processes share one smart robot long connection', () => {
  let gateway: FakeAibotGateway;
  let instances: Instance[] = [];

  beforeAll(async () => {
    // Started as `npm start` runs it: the compiled dist/src/main.js (built here unless newer than src/; CI builds
    // before the tests). Under tsx each process first transpiled src/, seconds of both cores per instance.
    ensureServerBuilt();
    gateway = await FakeAibotGateway.start({ botId: BOT_ID, secret: SECRET });
    instances = await Promise.all([0, 1].map(() => startInstance(gateway.url)));
    for (const member of [
      { name: '王主任', sector: '中共', role: 'staff', wecomUserId: 'fo-wang' },
      { name: '张委员', sector: '工会', role: 'member', wecomUserId: 'fo-zhang' },
    ]) {
      const response = await fetch(`${instances[0]!.url}/api/members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(member),
      });
      expect(response.status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => {
    for (const { child } of instances)
      await new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
      );
    await gateway?.stop();
  });

  const streamOf = (frame: Received) => frame.body.stream as { finish: boolean; content: string };
  async function ask(from: string, content: string, chatId: string, msgid?: string): Promise<string> {
    const reqId = gateway.deliver(aibotText({ from, content, chatId, ...(msgid ? { msgid } : {}) }));
    const done = await waitFor(`the answer to ${content}`, () => gateway.answersTo(reqId).find((frame) => streamOf(frame)?.finish));
    return streamOf(done).content;
  }
  const numberIn = (text: string) => /MY-\d{4}-\d{6}/.exec(text)?.[0];

  it('keeps exactly one connection, moves it to the standby within 30 s of the holder being killed, and loses nothing', async () => {
    await waitFor('the subscription', () => gateway.connected);
    const states = await Promise.all(instances.map(connectionState));
    expect(states.sort()).toEqual(['connected', 'standby']);
    expect(gateway.subscribes.filter((s) => s.accepted)).toHaveLength(1);

    expect(await ask('fo-wang', '@议事助手 登记本群 staff 政协办公室', STAFF_CHAT)).toContain('（编号 staff）');
    const firstMsgid = 'failover-first-0001';
    const firstAnswer = await ask('fo-zhang', '@议事助手 反映 和平路的井盖松动，夜里车过很响', SECTOR_CHAT, firstMsgid);
    const first = numberIn(firstAnswer);
    expect(first, firstAnswer).toBeDefined();

    const holderIndex = (await Promise.all(instances.map(connectionState))).indexOf('connected');
    const holder = instances[holderIndex]!;
    const standby = instances[1 - holderIndex]!;
    const accepted = gateway.subscribes.filter((s) => s.accepted).length;
    const killedAt = Date.now();
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.once('exit', resolve));

    const takeover = await waitFor('the standby’s subscription', () => gateway.subscribes.filter((s) => s.accepted)[accepted], 60_000);
    expect(takeover.at - killedAt).toBeLessThan(30_000);
    await waitFor('the standby to say it is connected', async () => (await connectionState(standby)) === 'connected');

    // The same frame again, now on the new connection: the same answer, no second opinion.
    expect(await ask('fo-zhang', '@议事助手 反映 和平路的井盖松动，夜里车过很响', SECTOR_CHAT, firstMsgid)).toBe(firstAnswer);
    const second = numberIn(await ask('fo-zhang', '@议事助手 反映 解放街的公交站牌被撞歪了', SECTOR_CHAT));
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    // Both staff notices reach the staff group through aibot_send_msg (the first may have gone before the kill,
    // or waited in the outbox for the survivor).
    await waitFor(
      'both staff notices',
      () =>
        [first, second].every((number) =>
          gateway.pushes().some((p) => p.body.chatid === STAFF_CHAT && JSON.stringify(p.body).includes(number!)),
        ),
      120_000,
    );
    const opinions = (await fetch(`${standby.url}/api/opinions`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }).then((r) =>
      r.json(),
    )) as {
      total: number;
    };
    expect(opinions.total).toBe(2);
  }, 300_000);
});
