import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { loadConfig } from '../../src/config.js';
import { readRawBody } from '../../src/http/raw-body.js';
import { startYishi } from '../../src/main.js';
import { connectMongo } from '../../src/storage/mongo/connection.js';
import { ackEmpty, readCallbackText, unixSeconds } from '../../src/platforms/wecom/callback-request.js';
import { signedQuery, WecomCipher } from '../../src/platforms/wecom/crypto.js';
import { buildWecomXml, parseWecomXml } from '../../src/platforms/wecom/xml.js';
import { serveAsChild } from '../support/child-server.js';

/**
 * The four servers of `npm run bench:webhook`, one per child process:
 *   bare    — Koa answering every POST with an empty 200 (baseline a);
 *   crypto  — Koa doing only WeCom's verify, decrypt, XML parse, encrypt and sign with Yishi's own
 *             functions (baseline b: the same cryptographic work as the full path);
 *   store   — crypto plus one insert per message into the benchmark's store (c: the store's floor);
 *   yishi   — the real composition root on real stores (the full path).
 */
const kind = process.argv[2];
const BODY_LIMIT = 1024 * 1024;
/** About as long as Yishi's answer to 反映 (number, community, category). */
const REPLY_TEXT = '已收到您反映的情况，编号 2026-00001，社区：未分类，类别：未分类。我们会尽快转交办理，办理进展会通知您。';

async function listen(app: Koa): Promise<Server> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return server;
}

async function bare(): Promise<void> {
  const app = new Koa();
  app.use(async (ctx) => {
    await readRawBody(ctx, BODY_LIMIT);
    ackEmpty(ctx);
  });
  const server = await listen(app);
  serveAsChild((server.address() as AddressInfo).port, () => new Promise((resolve) => server.close(() => resolve())));
}

/** Baseline b: WeCom's cryptography and XML only. `withEach` adds work per message (baseline c). */
async function crypto(withEach?: (fields: Record<string, string | undefined>) => Promise<void>): Promise<void> {
  const env = process.env;
  const corpId = env.WECOM_CORP_ID!;
  const cipher = new WecomCipher(env.WECOM_TOKEN!, env.WECOM_ENCODING_AES_KEY!, corpId);
  const app = new Koa();
  app.use(async (ctx) => {
    const query = signedQuery(ctx.query);
    const envelope = parseWecomXml(await readCallbackText(ctx, BODY_LIMIT), 'envelope');
    const fields = parseWecomXml(cipher.open(query, envelope.Encrypt ?? ''), 'message');
    await withEach?.(fields);
    const now = unixSeconds(new Date());
    const inner = buildWecomXml(
      { ToUserName: fields.FromUserName ?? '', FromUserName: corpId, CreateTime: now, MsgType: 'text', Content: REPLY_TEXT },
      ['CreateTime'],
    );
    const sealed = cipher.seal(inner, now);
    ctx.type = 'application/xml';
    ctx.body = buildWecomXml(
      { Encrypt: sealed.encrypt, MsgSignature: sealed.signature, TimeStamp: sealed.timestamp, Nonce: sealed.nonce },
      ['TimeStamp'],
    );
  });
  const server = await listen(app);
  serveAsChild((server.address() as AddressInfo).port, () => new Promise((resolve) => server.close(() => resolve())));
}

/**
 * Baseline c: b plus one opinion-sized insert per message into the benchmark's store, through the
 * same driver. Not a target; it shows what a single store write costs here, next to Yishi's ~16 calls (11 writes) per opinion.
 */
async function storeFloor(): Promise<void> {
  const connection = await connectMongo(process.env.MONGODB_URI!);
  const floor = connection.collection('bench_store_floor');
  await crypto(async (fields) => {
    await floor.insertOne({
      msgId: fields.MsgId,
      from: fields.FromUserName,
      content: fields.Content,
      state: 'submitted',
      community: '未分类',
      category: '未分类',
      createdAt: new Date(),
    });
  });
}

async function yishi(): Promise<void> {
  const running = await startYishi(loadConfig(process.env, { PORT: '0' }));
  serveAsChild(running.port, () => running.stop());
}

const servers: Record<string, () => Promise<void>> = { bare, crypto: () => crypto(), store: storeFloor, yishi };
const start = kind ? servers[kind] : undefined;
if (!start) {
  console.error(`usage: servers.ts bare|crypto|store|yishi (got ${kind ?? 'nothing'})`);
  process.exit(2);
}
await start();
