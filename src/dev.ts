import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, readToolEnvironment } from './config.js';
import { DemoAdminClient } from './demo/admin-client.js';
import { hasNoMembers, seedDemoCommittee } from './demo/seed-demo.js';
import { buildWorkbenchIfMissing } from './demo/workbench-link.js';
import { builtWorkbenchDir } from './http/workbench-static.js';
import { provideMongo } from './devtools/embedded-stores.js';
import { makePrivate } from './devtools/private-data-dir.js';
import { messagesFor } from './i18n/messages.js';
import { runProcess } from './main.js';

/**
 * `npm run dev`: Yishi on embedded defaults for a newcomer with nothing configured. MongoDB comes
 * from MONGODB_URI or a local FerretDB keeping its data in ./.data/; Redis is used only when
 * REDIS_URL is set (otherwise single-instance mode). The admin token is generated once and kept.
 * On an empty database it seeds the demo committee, then says how to talk to it.
 */
async function main(): Promise<void> {
  const tools = readToolEnvironment();
  const t = messagesFor(tools.locale).operations.dev;
  // Everything this process and its children (FerretDB, its SQLite files) create is the owner's only.
  process.umask(0o077);
  const dataDir = join(process.cwd(), '.data');
  makePrivate(dataDir);
  const tokenFile = join(dataDir, 'admin-token');
  if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const adminToken = tools.adminToken ?? readFileSync(tokenFile, 'utf8').trim();

  const mongo = await provideMongo({ uri: tools.mongodbUri, dataDir: join(dataDir, 'ferretdb') });
  const mongodbUri = tools.mongodbUri ?? `${mongo.uri}yishi`;
  const config = loadConfig(undefined, { MONGODB_URI: mongodbUri, ADMIN_TOKEN: adminToken });
  const running = await runProcess(config, { startupNote: { mongodb: mongo.kind } });
  // The operator CLI (`npm run yishi`) finds this run's database here while it runs.
  const uriFile = join(dataDir, 'mongodb-uri');
  writeFileSync(uriFile, mongodbUri, { mode: 0o600 });
  // `npm run chat` in a second terminal finds this run here (with the token beside it), whatever PORT it took.
  const urlFile = join(dataDir, 'yishi-url');
  writeFileSync(urlFile, running.url, { mode: 0o600 });
  running.server.once('close', () => void mongo.stop());
  process.once('exit', () => {
    rmSync(uriFile, { force: true });
    rmSync(urlFile, { force: true });
    void mongo.stop();
  });
  console.log(
    ['', t.running(running.url), t.mongodb(mongo.kind), t.redis(config.redisUrl), t.token(adminToken), t.readiness(running.url), ''].join(
      '\n',
    ),
  );

  await seedDemo(running.url, adminToken, tools.demo, t);
  const defaultUrl = running.url === tools.yishiUrl;
  console.log(t.howToChat(running.url, defaultUrl));
  await showWorkbench(running.url, adminToken, t);
}

/** Builds the workbench once if needed, then prints its address and a one-time sign-in link for the demo's admin. */
async function showWorkbench(url: string, token: string, t: ReturnType<typeof messagesFor>['operations']['dev']): Promise<void> {
  if (!(await buildWorkbenchIfMissing(builtWorkbenchDir(), () => console.log(t.workbenchBuilding))))
    return void console.log(t.workbenchBuildFailed);
  console.log(t.workbench(`${url}/workbench/`, await adminSignInLink(url, token)));
}

/**
 * A one-time workbench link for the first active admin, asked for the way a person does: 工作台
 * in a direct console chat. Undefined when there is no admin (YISHI_DEMO=off on an empty database).
 */
async function adminSignInLink(url: string, token: string): Promise<string | undefined> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    const admins = (await (await fetch(`${url}/api/members?role=admin`, { headers })).json()) as { items?: Array<{ id: string }> };
    const admin = admins.items?.[0];
    if (!admin) return undefined;
    const chat = await fetch(`${url}/console/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ from: admin.id, text: '工作台' }),
    });
    const replies = ((await chat.json()) as { replies?: Array<{ text: string }> }).replies ?? [];
    return /https?:\/\/\S+\/workbench\/sign-in\?ticket=\S+/.exec(replies.map((r) => r.text).join('\n'))?.[0];
  } catch {
    return undefined;
  }
}

async function seedDemo(
  url: string,
  token: string,
  enabled: boolean,
  t: ReturnType<typeof messagesFor>['operations']['dev'],
): Promise<void> {
  if (!enabled) return void console.log(t.seedOff);
  const client = new DemoAdminClient(url, token);
  try {
    if (!(await hasNoMembers(client))) return void console.log(t.seedSkipped);
    console.log(t.seeding);
    const summary = await seedDemoCommittee(client, new Date());
    console.log(t.seeded(summary.members, summary.communities, summary.shifts, summary.events, summary.opinions.length));
  } catch (error) {
    // Yishi keeps running: the demo is a convenience, and the message says how to start over.
    console.error(t.seedFailed((error as Error).message));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Yishi could not start: ${(error as Error).message}`);
  process.exit(1);
});
