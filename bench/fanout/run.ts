import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { systemClock } from '../../src/core/clock.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { createLogger } from '../../src/logger.js';
import { platformAddressIdentity } from '../../src/platforms/address-identity.js';
import { SenderRegistry } from '../../src/platforms/sender-registry.js';
import { WecomGroupRobotSender } from '../../src/platforms/wecom/senders.js';
import { OutboxDispatcher } from '../../src/services/outbox-dispatcher.js';
import { OutboxNotifier } from '../../src/services/outbox-notifier.js';
import { buildIndexes, connectMongo } from '../../src/storage/mongo/connection.js';
import { MongoGroupRepository } from '../../src/storage/mongo/group-repository.js';
import { MongoMemberRepository } from '../../src/storage/mongo/member-repository.js';
import { MongoOutboxRepository } from '../../src/storage/mongo/outbox-repository.js';
import { MongoResidentRepository } from '../../src/storage/mongo/resident-repository.js';
import { RedisCoordination } from '../../src/storage/redis/redis-coordination.js';
import { startBenchStores } from '../support/stores.js';

/**
 * `npm run bench:fanout`: 10,000 outbox messages to local fake group robots, sent by Yishi's
 * outbox dispatcher and WeCom group-robot sender on real stores, against a baseline loop that
 * posts the same payloads straight to the same fake. The robots' 20-a-minute limit is lifted on
 * both sides (the fake has none; the sender gets a bench-only bucket), so the two do the same work.
 *
 * BENCH_FANOUT_MESSAGES (default 10000), BENCH_FANOUT_ROBOTS (default 10).
 */
const MESSAGES = Number(process.env.BENCH_FANOUT_MESSAGES ?? 10_000);
const ROBOTS = Number(process.env.BENCH_FANOUT_ROBOTS ?? 10);
const LIFTED = { capacity: 1_000_000, refillMs: 1_000 };

/** A group-robot webhook that takes everything: `POST /cgi-bin/webhook/send?key=` → errcode 0. */
async function startFakeRobots(): Promise<{ url: string; received: () => number; server: Server }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received: () => received, server };
}

const keyOf = (n: number) => `bench-robot-${n % ROBOTS}`;
const textOf = (n: number) => `【议事提醒】第${n}条通知：请各位委员于本周五下午三点前往社区议事厅参加协商议事会。`;
const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function baseline(apiBase: string): Promise<number> {
  const started = process.hrtime.bigint();
  for (let n = 0; n < MESSAGES; n += 1) {
    const response = await fetch(`${apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(keyOf(n))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ msgtype: 'text', text: { content: textOf(n) } }),
    });
    await response.text();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  console.log(
    `bench:fanout — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${fmt(loadavg()[0] ?? 0, 2)} at start`,
  );
  console.log(`${MESSAGES} messages to ${ROBOTS} fake group robots (rate limits lifted)`);
  const stores = await startBenchStores('fanout');
  console.log(stores.describe);
  const robots = await startFakeRobots();
  const mongo = await connectMongo(stores.mongoUri);
  const coordination = await RedisCoordination.connect(stores.redisUrl, 'bench-fanout:');
  try {
    const baselineSeconds = await baseline(robots.url);

    const outbox = new MongoOutboxRepository(mongo);
    const members = new MongoMemberRepository(mongo);
    const residents = new MongoResidentRepository(mongo);
    const groups = new MongoGroupRepository(mongo, platformAddressIdentity);
    await buildIndexes(mongo);
    const notifier = new OutboxNotifier(outbox, systemClock);
    for (let n = 0; n < MESSAGES; n += 1) {
      await notifier.notify(
        { kind: 'address', address: { platform: 'wecom-group-robot', kind: 'group', webhookKey: keyOf(n) } },
        { text: textOf(n), format: 'text' },
        { idempotencyKey: `bench-fanout:${n}` },
      );
    }
    const senders = new SenderRegistry().register(
      'wecom-group-robot',
      new WecomGroupRobotSender({ apiBase: robots.url, coordination, clock: systemClock, bucket: LIFTED }),
    );
    const dispatcher = new OutboxDispatcher({
      outbox,
      senders,
      addresses: platformAddressIdentity,
      platforms: { memberAddresses: () => [] },
      members,
      residents,
      groups,
      notifier,
      messages: messagesFor('zh-CN'),
      logger: createLogger('warn'),
    });
    const before = robots.received();
    const started = process.hrtime.bigint();
    let sent = 0;
    while (sent < MESSAGES) {
      const summary = await dispatcher.dispatchDue(new Date());
      if (summary.sent + summary.failed + summary.deferred + summary.skipped === 0)
        throw new Error(`the outbox stopped at ${sent} of ${MESSAGES}`);
      if (summary.failed > 0) throw new Error(`${summary.failed} messages failed`);
      sent += summary.sent;
    }
    const yishiSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (robots.received() - before !== MESSAGES) throw new Error(`the robots received ${robots.received() - before}, not ${MESSAGES}`);

    const baseRate = MESSAGES / baselineSeconds;
    const yishiRate = MESSAGES / yishiSeconds;
    console.log('');
    console.log(`baseline loop (direct POSTs)    ${fmt(baseRate).padStart(7)} messages/s  (${fmt(baselineSeconds, 1)} s)`);
    console.log(`Yishi outbox → robot sender     ${fmt(yishiRate).padStart(7)} messages/s  (${fmt(yishiSeconds, 1)} s)`);
    console.log(
      `load average at end: ${loadavg()
        .map((n) => fmt(n, 2))
        .join(' ')}`,
    );
    console.log(`ratio_vs_baseline=${fmt(yishiRate / baseRate, 2)} messages_per_s=${fmt(yishiRate)} baseline_per_s=${fmt(baseRate)}`);
  } finally {
    await coordination.close();
    await mongo.close();
    robots.server.close();
    await stores.stop();
  }
}

await main();
