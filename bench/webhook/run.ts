import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beijingYear } from '../../src/core/dates.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { FakeWecomServer } from '../../test/fakes/wecom-server.js';
import { VECTOR_A, wecomEnv } from '../../test/platforms/wecom/wecom-client.js';
import { compileServerEntry, startChildServer, type ChildServer } from '../support/child-server.js';
import { load, type LoadResult } from '../support/load.js';
import { startBenchStores } from '../support/stores.js';
import { benchMembers, sealedHelps, sealedOpinions, type SealedRequest } from './messages.js';
import { preloadHistory } from './history.js';

/**
 * `npm run bench:webhook`: the WeCom app callback under load, against two baselines measured in
 * the same run, plus a third that shows the store's cost (see servers.ts). Every message is
 * distinct, signed and encrypted, from a registered member. Yishi is measured on its write path
 * (反映: each files an opinion on real stores), its read path (帮助: answered, nothing stored) and,
 * with BENCH_HISTORY=N, its write path again after N earlier messages and opinions were loaded.
 * The last line compares Yishi with baseline b (ratio_vs_crypto_baseline: write path;
 * read_ratio: read path) and history with fresh (history_ratio).
 *
 * BENCH_MESSAGES (default 10000), BENCH_WARMUP (default 1000), BENCH_CONNECTIONS (default 50),
 * BENCH_HISTORY (default 0; `npm run bench:webhook:history` sets the issue's 100000; a smaller
 * value, e.g. BENCH_HISTORY=10000 BENCH_MESSAGES=2000, makes a quick run), BENCH_WRITE_ONLY=1 (skips the
 * baselines and the read path; the last line then has only rss_mb= and history_ratio=).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 0);
/** BENCH_WRITE_ONLY=1: only Yishi's write path, fresh and with history (a quicker loop while working on history_ratio). */
const WRITE_ONLY = process.env.BENCH_WRITE_ONLY === '1';
/**
 * Yishi runs with the heap cap the Dockerfile sets. Without it V8 grows the heap lazily on a
 * machine with memory to spare (peak RSS ~350 MB at the same throughput); BENCH_YISHI_NODE_OPTIONS=""
 * runs it uncapped.
 */
const YISHI_NODE_OPTIONS = process.env.BENCH_YISHI_NODE_OPTIONS ?? '--max-old-space-size=192';
const MEMBERS = 100;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const serverSource = fileURLToPath(new URL('./servers.ts', import.meta.url));
let serverEntry = serverSource;

interface Row {
  name: string;
  result: LoadResult;
  rssMb: number;
  /** Requests per second counting until the work behind them was done (Yishi answers late after ~300 ms). */
  donePerSecond: number;
}

/** Waits until `count()` reaches `target` or stops moving for 15 s; returns when it got there. */
async function drained(count: () => Promise<number>, target: number): Promise<number> {
  let last = -1;
  let still = Date.now();
  for (;;) {
    const now = await count();
    if (now >= target) return Date.now();
    if (now !== last) [last, still] = [now, Date.now()];
    else if (Date.now() - still > 15_000) throw new Error(`stuck at ${now} of ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function registerMembers(server: ChildServer): Promise<void> {
  for (const member of benchMembers(MEMBERS)) {
    const response = await fetch(`${server.url}/api/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: member.name, sector: '无党派', role: 'member', wecomUserId: member.id }),
    });
    if (response.status !== 201) throw new Error(`registering ${member.id} failed: ${response.status} ${await response.text()}`);
  }
}

/** How a server's background work is watched: the count of what it has done so far. */
type Done = () => Promise<number>;

/** What one phase sends (`first` numbers the messages, so every phase's are distinct) and how its work is counted. */
interface Phase {
  prepare?: (server: ChildServer) => Promise<void>;
  /** The count of work done so far (counted from the phase's start); without it, an answer is the work. */
  done?: Done;
  requests?: (first: number, count: number, members: Array<{ id: string }>) => SealedRequest[];
}

async function measure(name: string, kind: string, env: Record<string, string>, phase: Phase = {}): Promise<Row> {
  const server = await startChildServer(serverEntry, [kind], env);
  const requests = phase.requests ?? sealedOpinions;
  try {
    await phase.prepare?.(server);
    const base = phase.done ? await phase.done() : 0;
    const done = phase.done ? async () => (await phase.done!()) - base : undefined;
    const members = benchMembers(MEMBERS);
    // Warm-up messages are distinct from the measured ones (ids from MESSAGES on).
    if (WARMUP > 0) {
      await load(server.url, requests(MESSAGES, WARMUP, members), CONNECTIONS);
      if (done) await drained(done, WARMUP);
    }
    const started = Date.now();
    const result = await load(server.url, requests(0, MESSAGES, members), CONNECTIONS);
    const finished = done ? await drained(done, WARMUP + MESSAGES) : Date.now();
    const donePerSecond = Math.min(result.perSecond, MESSAGES / ((finished - started) / 1000));
    return { name, result, rssMb: await server.peakRssMb(), donePerSecond };
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  const [one] = loadavg();
  console.log(`bench:webhook — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${fmt(one ?? 0, 2)} at start`);
  console.log(`${MESSAGES} distinct signed+encrypted 反映 messages (+${WARMUP} warm-up) per server, ${CONNECTIONS} connections`);
  serverEntry = compileServerEntry(serverSource);
  console.log('servers run as plain node from JavaScript compiled by tsc (tsconfig.bench.json), as `npm start` runs Yishi');
  const stores = await startBenchStores('webhook');
  const fake = await FakeWecomServer.start({ corpId: VECTOR_A.corpId, secret: VECTOR_A.secret });
  console.log(stores.describe);
  const wecom = wecomEnv(fake.url);
  const rows: Row[] = [];
  try {
    if (!WRITE_ONLY) {
      rows.push(await measure('a) bare Koa POST', 'bare', {}));
      rows.push(await measure('b) Koa + WeCom crypto/XML', 'crypto', wecom));
      rows.push(await measure('c) b + one store insert', 'store', { ...wecom, MONGODB_URI: stores.mongoUri }));
    }
    const yishiEnv = {
      ...wecom,
      MONGODB_URI: stores.mongoUri,
      REDIS_URL: stores.redisUrl,
      ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
      COMMAND_RATE_PER_MINUTE: '10000',
      ...(YISHI_NODE_OPTIONS ? { NODE_OPTIONS: YISHI_NODE_OPTIONS } : {}),
    };
    const db = await connectMongo(stores.mongoUri);
    // Opinions filed this year, read from the year's counter document by `_id`: countDocuments
    // reads the whole collection on FerretDB (60-100 s at 100,000 opinions), and the history is
    // numbered in 2020. The counter leads the stored opinions by those being filed at that instant.
    const counterId = `opinion-${beijingYear(new Date())}`;
    const opinionCount = async () => {
      const counter = await db.collection<{ _id: string; seq?: number }>('counters').findOne({ _id: counterId });
      return counter?.seq ?? 0;
    };
    // No staff group is seeded: each opinion's notice to it fails at once (a warning per opinion,
    // hidden by the default log level) instead of queueing behind the robot's 20-a-minute limit.
    console.log(
      `Yishi runs with NODE_OPTIONS=${YISHI_NODE_OPTIONS || '(none)'} (BENCH_YISHI_NODE_OPTIONS; the Dockerfile sets the same cap)`,
    );
    console.log(
      `Yishi logs at level ${yishiEnv.LOG_LEVEL} (BENCH_LOG_LEVEL); no staff group is seeded, so the new-opinion notices fail at once instead of queueing behind a robot's rate limit`,
    );
    // Each Yishi phase is a new server on the same stores; the history phase runs on what the others left plus the preload.
    const fresh = await measure('Yishi write path (反映)', 'yishi', yishiEnv, { prepare: registerMembers, done: opinionCount });
    rows.push(fresh);
    // 帮助 is longer than a passive reply may be: the callback is acked once the answer is made, and
    // the answer then travels through message/send (a send the loaded fake refuses is only logged,
    // so the sends are reported, not waited for).
    const sentBefore = fake.appMessages.length;
    const read = WRITE_ONLY ? undefined : await measure('Yishi read path (帮助)', 'yishi', yishiEnv, { requests: sealedHelps });
    if (read) {
      rows.push(read);
      console.log(
        `read path: ${fake.appMessages.length - sentBefore} message/send calls reached the fake for ${MESSAGES + WARMUP} 帮助 answers (a long answer goes in pieces)`,
      );
    }
    let history: Row | undefined;
    if (HISTORY > 0) {
      const loaded = await preloadHistory(db, HISTORY);
      console.log(
        `history: ${loaded.opinions} earlier opinions, ${loaded.messages} earlier inbox records and as many sent outbox items loaded in ${loaded.seconds.toFixed(0)} s`,
      );
      history = await measure(`Yishi write, ${HISTORY / 1000}k history`, 'yishi', yishiEnv, {
        done: opinionCount,
        requests: (first, count, members) => sealedOpinions(first + 2 * (MESSAGES + WARMUP), count, members),
      });
      rows.push(history);
    }
    const opinions = await opinionCount();
    await db.close();
    console.log('');
    console.log('server                       req/s  done/s   p50 ms   p99 ms   peak RSS MB   non-2xx  errors');
    for (const { name, result, rssMb, donePerSecond } of rows) {
      console.log(
        `${name.padEnd(28)} ${fmt(result.perSecond).padStart(6)}  ${fmt(donePerSecond).padStart(6)}   ${fmt(result.p50Ms).padStart(6)}   ${fmt(result.p99Ms).padStart(6)}   ${fmt(rssMb).padStart(11)}   ${String(result.non2xx).padStart(7)}  ${String(result.errors).padStart(6)}`,
      );
    }
    console.log('req/s: answers per second; done/s: until the work behind them was done (Yishi may answer after ~300 ms and finish later)');
    console.log(
      "c) is not a target: it shows what one store write per message costs on this store (Yishi makes 5 MongoDB calls on an opinion's request path and 2 after the answer; test/perf/store-command-budget.test.ts counts them)",
    );
    console.log(
      `opinions filed this year: ${opinions}${HISTORY > 0 ? ` (+${HISTORY} history)` : ''}; answers sent through message/send: ${fake.appMessages.length}`,
    );
    console.log(
      `load average at end: ${loadavg()
        .map((n) => fmt(n, 2))
        .join(' ')}`,
    );
    const historyRatio = history ? fmt(history.donePerSecond / fresh.donePerSecond, 2) : 'n/a(BENCH_HISTORY=0)';
    if (!read) {
      console.log(`rss_mb=${fmt(Math.max(...rows.map((row) => row.rssMb)))} history_ratio=${historyRatio}`);
      return;
    }
    const baseline = rows[1]!.donePerSecond;
    console.log(
      `ratio_vs_crypto_baseline=${fmt(fresh.donePerSecond / baseline, 2)} p99_ms=${fmt(fresh.result.p99Ms)} rss_mb=${fmt(Math.max(fresh.rssMb, read.rssMb))} read_ratio=${fmt(read.donePerSecond / baseline, 2)} history_ratio=${historyRatio}`,
    );
  } finally {
    await fake.stop();
    await stores.stop();
  }
}

await main();
