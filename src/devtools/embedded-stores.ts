import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from './child-process.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { findFreePort, waitForPort } from './free-port.js';
import { startWriteSerializingProxy } from './write-serializing-proxy.js';

/**
 * Local, real stores for `npm run dev` and the test harness. MongoDB resolves in this order:
 * an explicit URI → FerretDB v1.24.2 on SQLite (built once with Go) → mongodb-memory-server.
 * Redis: an explicit URL → a `redis-server` started on a free port.
 *
 * The benchmarks ask for FerretDB on PostgreSQL instead when PostgreSQL is installed: FerretDB's
 * SQLite handler evaluates every filter but a bare `{_id}` by decoding the whole collection in Go,
 * its PostgreSQL handler pushes equality filters down to PostgreSQL (docs/ferretdb-gaps.md).
 */
export type FerretBackend = 'sqlite' | 'postgresql';

export interface EmbeddedServer {
  uri: string;
  kind: string;
  stop(): Promise<void>;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ensureFerretScript = join(projectRoot.endsWith('dist') ? dirname(projectRoot) : projectRoot, 'scripts', 'ensure-ferretdb.sh');

function findFerretBinary(): string | undefined {
  if (spawnSync('bash', ['-c', 'command -v go'], { stdio: 'ignore' }).status !== 0) return undefined;
  const result = spawnSync('bash', [ensureFerretScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const path = result.stdout.trim().split('\n').pop();
  return result.status === 0 && path && existsSync(path) ? path : undefined;
}

async function startFerret(binary: string, dataDir: string | undefined, backend: FerretBackend): Promise<EmbeddedServer> {
  const stateDir = dataDir ?? mkdtempSync(join(tmpdir(), 'yishi-ferretdb-'));
  mkdirSync(stateDir, { recursive: true });
  const postgres =
    backend === 'postgresql'
      ? await startEmbeddedPostgres().catch(
          (error: unknown) => void console.warn(`PostgreSQL could not be started, so FerretDB runs on SQLite: ${(error as Error).message}`),
        )
      : undefined;
  const handler = postgres
    ? ['--handler=postgresql', `--postgresql-url=${postgres.url}`]
    : ['--handler=sqlite', `--sqlite-url=file:${stateDir}/`];
  const port = await findFreePort();
  const child = spawn(
    binary,
    [
      ...handler,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitForPort(port, 20_000, () => child.exitCode === null);
  // FerretDB v1 does not make single-document updates atomic; the proxy restores MongoDB's guarantee.
  const proxy = await startWriteSerializingProxy(port, postgres ? 'per-collection' : 'per-database');
  return {
    uri: `mongodb://127.0.0.1:${proxy.port}/`,
    kind: `FerretDB v1.24.2 (${postgres ? `on ${postgres.version}` : `SQLite in ${stateDir}`}, writes serialised per ${postgres ? 'collection' : 'database'})`,
    stop: async () => {
      await proxy.close();
      await stopChild(child);
      await postgres?.stop();
      if (!dataDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function startMemoryServer(): Promise<EmbeddedServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  const server = await MongoMemoryServer.create();
  return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: async () => void (await server.stop()) };
}

/**
 * Finds or starts a MongoDB-wire server. `dataDir` keeps FerretDB's data between runs (dev).
 * `ferretBackend: 'postgresql'` runs FerretDB on a throw-away PostgreSQL cluster when PostgreSQL
 * is installed, else on SQLite as usual.
 */
export async function provideMongo(options: { uri?: string; dataDir?: string; ferretBackend?: FerretBackend }): Promise<EmbeddedServer> {
  if (options.uri) return { uri: options.uri, kind: 'MONGODB_URI', stop: async () => undefined };
  const ferret = findFerretBinary();
  if (ferret) return startFerret(ferret, options.dataDir, options.ferretBackend ?? 'sqlite');
  try {
    return await startMemoryServer();
  } catch (error) {
    throw new Error(
      `No MongoDB-compatible server is available: set MONGODB_URI, or install Go so FerretDB can be built (scripts/ensure-ferretdb.sh), or allow mongodb-memory-server to download MongoDB. (${(error as Error).message})`,
    );
  }
}

/** Finds or starts Redis. */
export async function provideRedis(options: { url?: string }): Promise<EmbeddedServer> {
  if (options.url) return { uri: options.url, kind: 'REDIS_URL', stop: async () => undefined };
  if (spawnSync('bash', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('No Redis is available: install redis-server (apt-get install -y redis-server) or set REDIS_URL.');
  }
  const port = await findFreePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForPort(port, 10_000, () => child.exitCode === null);
  return { uri: `redis://127.0.0.1:${port}`, kind: `redis-server on port ${port}`, stop: () => stopChild(child) };
}
