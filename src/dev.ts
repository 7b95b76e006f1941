import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, readToolEnvironment } from './config.js';
import { provideMongo } from './devtools/embedded-stores.js';
import { runProcess } from './main.js';

/**
 * `npm run dev`: Yishi on embedded defaults for a newcomer with nothing configured. MongoDB comes
 * from MONGODB_URI or a local FerretDB keeping its data in ./.data/; Redis is used only when
 * REDIS_URL is set (otherwise single-instance mode). The admin token is generated once and kept.
 */
async function main(): Promise<void> {
  const tools = readToolEnvironment();
  const dataDir = join(process.cwd(), '.data');
  mkdirSync(dataDir, { recursive: true });
  const tokenFile = join(dataDir, 'admin-token');
  if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const adminToken = readFileSync(tokenFile, 'utf8').trim();

  const mongo = await provideMongo({ uri: tools.mongodbUri, dataDir: join(dataDir, 'ferretdb') });
  const config = loadConfig(process.env, {
    MONGODB_URI: tools.mongodbUri ?? `${mongo.uri}yishi`,
    ADMIN_TOKEN: tools.adminToken ?? adminToken,
  });
  const running = await runProcess(config, { startupNote: { mongodb: mongo.kind } });
  running.server.once('close', () => void mongo.stop());
  process.once('exit', () => void mongo.stop());
  console.log(
    [
      '',
      `议事 Yishi 已启动 / is running: ${running.url}`,
      `  MongoDB: ${mongo.kind}`,
      `  Redis:   ${config.redisUrl ?? '未设置，单实例模式 / not set, single-instance mode'}`,
      `  管理令牌 / admin token: ${config.adminToken}`,
      `  健康检查 / readiness: curl ${running.url}/readyz`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Yishi could not start: ${(error as Error).message}`);
  process.exit(1);
});
