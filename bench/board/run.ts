import { cpus, loadavg, totalmem } from 'node:os';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { formatOpinionNumber } from '../../src/core/opinion-number.js';
import { startYishi } from '../../src/main.js';
import { OPINION_STATES, type OpinionState } from '../../src/services/opinions/opinion-records.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { opinionModel } from '../../src/storage/mongo/opinion-model.js';
import { startBenchStores } from '../support/stores.js';

/**
 * `npm run bench:board`: the workbench board's list API (GET /api/opinions with a staff session)
 * with BENCH_BOARD_OPINIONS (default 10,000) opinions on the bench store, p50 and p95 per filter/sort
 * combination, each as a ratio to GET /healthz's measured in the same run. Goal: p95 < 100 ms. The opinions are
 * seeded while Yishi is stopped, then Yishi starts again: its read model of the board
 * (src/services/opinions/board-read-model.ts) loads on the first list, which is sent as soon as the
 * server listens and reported on its own (time since the start: it includes the load);
 * the last combination changes an opinion through the API before every list (the feed's catch-up).
 * BENCH_BOARD_REQUESTS (default 100) requests per combination, one at a time.
 */
const OPINIONS = Number(process.env.BENCH_BOARD_OPINIONS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_BOARD_REQUESTS ?? 100);
const TOKEN = 'bench-board-admin-token-0123456789';
const COMMUNITIES = ['青石社区', '河西村', '东湖社区', '南山村', '北关社区', '西街社区', '清河村', '柳林社区'];
const CATEGORIES = ['道路交通', '环境卫生', '公共设施', '教育', '医疗卫生', '养老服务'];
const TOPICS = ['路灯不亮', '路面坑洼积水', '垃圾清运不及时', '学校门口拥堵', '卫生站周末不开门', '缺少老年助餐点', '占道经营', '噪音扰民'];
const GRADES = ['simple', 'general', 'complex'] as const;

const quantile = (samples: number[], q: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.max(0, Math.ceil(samples.length * q) - 1))]!;
const p50 = (samples: number[]) => quantile(samples, 0.5);
const p95 = (samples: number[]) => quantile(samples, 0.95);

async function timed(url: string, headers: Record<string, string>, requests = REQUESTS): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

async function seed(mongoUri: string, staffId: string, memberIds: string[]): Promise<void> {
  const mongo = await connectMongo(mongoUri);
  const model = opinionModel(mongo);
  const start = Date.now() - 120 * 24 * 60 * 60_000;
  const batch: Array<Record<string, unknown>> = [];
  for (let n = 1; n <= OPINIONS; n += 1) {
    const createdAt = new Date(start + n * 60_000 * 17);
    const state: OpinionState = OPINION_STATES[n % OPINION_STATES.length]!;
    const open = ['accepted', 'assigned', 'in_progress'].includes(state);
    batch.push({
      number: formatOpinionNumber(2026, n),
      year: 2026,
      seq: n,
      content: `${COMMUNITIES[n % COMMUNITIES.length]}${TOPICS[n % TOPICS.length]}，第${n}条反映，请尽快处理。`,
      source: 'member-chat',
      filer: { kind: 'member', id: memberIds[n % memberIds.length]! },
      community: COMMUNITIES[n % COMMUNITIES.length],
      category: CATEGORIES[n % CATEGORIES.length],
      ...(state !== 'submitted' ? { grade: GRADES[n % 3] } : {}),
      ...(open || state === 'resolved'
        ? { handlerId: memberIds[(n + 1) % memberIds.length], deadline: new Date(createdAt.getTime() + 7 * 86_400_000) }
        : {}),
      state,
      round: 0,
      ladderLevel: 0,
      plusOnes: { count: n % 7, by: [] },
      audit: [{ who: staffId, whoName: '王主任', whoRole: 'staff', at: createdAt, from: null, to: 'submitted', action: 'file' }],
      createdAt,
      updatedAt: createdAt,
    });
    if (batch.length === 500 || n === OPINIONS) {
      await model.insertMany(batch.splice(0), { ordered: false });
      process.stdout.write(`\rseeded ${n}/${OPINIONS}`);
    }
  }
  process.stdout.write('\n');
  await mongo.close();
}

async function main(): Promise<void> {
  console.log(
    `bench:board — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${(loadavg()[0] ?? 0).toFixed(2)} at start`,
  );
  const stores = await startBenchStores('board');
  console.log(stores.describe);
  const config = loadConfig({
    MONGODB_URI: stores.mongoUri,
    REDIS_URL: stores.redisUrl,
    ADMIN_TOKEN: TOKEN,
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  // Only the read model's own line of the log: how long its load took.
  const loadLog = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (!line.includes('board read model loaded')) continue;
        const { opinions, ms } = JSON.parse(line) as { opinions: number; ms: number };
        console.log(`read model loaded ${opinions} opinions in ${ms} ms (in the background from the start)`);
      }
      done();
    },
  });
  const options = { scheduler: 'manual', redisKeyPrefix: 'bench-board:', logDestination: loadLog } as const;
  let running = await startYishi(config, options);
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  try {
    const staff = await api('/api/members', { name: '王主任', sector: '中共', role: 'staff' });
    const members: string[] = [];
    for (let i = 0; i < 20; i += 1)
      members.push(String((await api('/api/members', { name: `委员${i}`, sector: '无党派', role: 'member' })).id));

    // Sign in as staff the way a person does: 工作台 in chat, then the link (the session outlives a restart).
    const chat = await api('/console/messages', { from: staff.id, text: '工作台' });
    const link = /http\S+ticket=\S+/.exec(JSON.stringify(chat.replies))![0].replace(/["\\].*$/, '');
    const signedIn = await fetch(link, { redirect: 'manual' });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;

    // Seeded behind Yishi's back while it is stopped; then a start, and the first list at once.
    await running.stop();
    await seed(stores.mongoUri, String(staff.id), members);
    const startedAt = process.hrtime.bigint();
    const sinceStart = () => (Number(process.hrtime.bigint() - startedAt) / 1e6).toFixed(0);
    running = await startYishi(config, options);
    const listening = sinceStart();
    const first = await fetch(`${running.url}/api/opinions`, { headers: { cookie } });
    const firstBody = (await first.json()) as { total?: number };
    if (first.status !== 200 || firstBody.total !== OPINIONS)
      throw new Error(`the first list answered ${first.status}: ${JSON.stringify(firstBody).slice(0, 200)}`);
    console.log(
      `start: listening after ${listening} ms; first list (loads the read model, then answers) answered ${sinceStart()} ms after the start`,
    );

    const healthzSamples = await timed(`${running.url}/healthz`, {});
    const healthz = p95(healthzSamples);
    const healthz50 = p50(healthzSamples);
    console.log(`\nbaseline GET /healthz p50 ${healthz50.toFixed(1)} ms, p95 ${healthz.toFixed(1)} ms (${REQUESTS} requests)`);
    const combos: Array<[string, string]> = [
      ['first page, newest first', ''],
      ['state=in_progress', 'state=in_progress'],
      ['community + sort by deadline', `community=${encodeURIComponent('青石社区')}&sort=-deadline`],
      ['overdue, sorted by +1s', 'overdue=true&sort=-plusOnes'],
      ['handler + grade', `handler=${members[3]}&grade=general`],
      ['date range, page 10', 'from=2026-01-01&to=2026-12-31&page=10'],
      ['words in the text (scan, capped)', `q=${encodeURIComponent('路灯')}`],
    ];
    console.log(`board list API with ${OPINIONS} opinions, staff session (goal p95 < 100 ms):`);
    const report = (label: string, samples: number[]) => {
      const [median, ms] = [p50(samples), p95(samples)];
      console.log(
        `  ${label.padEnd(36)} p50 ${median.toFixed(1).padStart(6)} ms (${(median / healthz50).toFixed(1).padStart(5)}×)  p95 ${ms.toFixed(1).padStart(7)} ms  ${(ms / healthz).toFixed(1).padStart(6)}× baseline  ${ms < 100 ? 'ok' : 'over the goal'}`,
      );
    };
    for (const [label, query] of combos) report(label, await timed(`${running.url}/api/opinions?${query}`, { cookie }));
    // A +1 by another member before every list: the list reads the change feed and that opinion again.
    // Opinion 9k + 1 is 'accepted' (open). Writes scan the table on FerretDB, so at most 20 of them.
    const afterChange: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 20); i += 1) {
      const number = formatOpinionNumber(2026, 1 + 9 * i);
      const reply = await api(`/console/messages`, { from: members[i % members.length], text: `附议 ${number}` });
      if (!JSON.stringify(reply).includes(number)) throw new Error(`附议 ${number} answered ${JSON.stringify(reply)}`);
      afterChange.push(...(await timed(`${running.url}/api/opinions?sort=-plusOnes`, { cookie }, 1)));
    }
    report('after a change elsewhere, by +1s', afterChange);
  } finally {
    await running.stop();
    await stores.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
