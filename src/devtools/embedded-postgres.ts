import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './child-process.js';
import { findFreePort, waitForPort } from './free-port.js';

/**
 * A throw-away PostgreSQL cluster on loopback, for FerretDB's `postgresql` handler. The cluster
 * lives in a temp folder, runs without fsync (test data only) and is removed on stop.
 *
 * PostgreSQL refuses to run as root; as root the cluster is owned by and run as the `postgres`
 * user that Debian's package creates.
 */
export interface EmbeddedPostgres {
  url: string;
  version: string;
  stop(): Promise<void>;
}

/** The folder holding initdb, pg_ctl and postgres, or undefined when PostgreSQL is not installed. */
export function findPostgresBinDir(): string | undefined {
  const fromPgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = fromPgConfig.status === 0 ? [fromPgConfig.stdout.trim()] : [];
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, 'bin')));
  }
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres', 'psql', 'pg_isready'].every((tool) => existsSync(join(dir, tool))));
}

/** How to run PostgreSQL's tools: as ourselves, or (as root) through `runuser -u postgres`. */
function runnerFor(): ((command: string, args: string[]) => [string, string[]]) | undefined {
  if (userInfo().uid !== 0) return (command, args) => [command, args];
  const hasPostgresUser = spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status === 0;
  if (!hasPostgresUser) return undefined;
  return (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function run(runner: (command: string, args: string[]) => [string, string[]], command: string, args: string[]): void {
  const [program, programArgs] = runner(command, args);
  const result = spawnSync(program, programArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) throw new Error(`${command} failed: ${(result.stderr || result.stdout).trim()}`);
}

/**
 * FerretDB's PostgreSQL handler looks documents up with `_jsonb->'field' @> value`, which its own
 * btree `_id` index cannot serve, so every read by `_id` (and the read behind every update) scans
 * the whole table. This event trigger gives each table FerretDB creates a GIN index on
 * `_jsonb->'_id'`, which that operator can use (with custom plans for FerretDB's prepared
 * statements) — what a DBA would add; production runs on MongoDB, where `_id` is always indexed.
 */
const INDEX_FERRET_IDS = `
CREATE FUNCTION yishi_index_ferret_ids() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE created record;
BEGIN
  FOR created IN SELECT objid, object_identity FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = created.objid AND attname = '_jsonb') THEN
      EXECUTE format('CREATE INDEX ON %s USING gin ((_jsonb -> ''_id''))', created.object_identity);
    END IF;
  END LOOP;
END $$;
CREATE EVENT TRIGGER yishi_index_ferret_ids ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION yishi_index_ferret_ids();
`;

/** Resolves once the server accepts connections (pg_isready exits 0), or rejects after `timeoutMs`. */
async function waitUntilReady(
  runner: (command: string, args: string[]) => [string, string[]],
  binDir: string,
  port: number,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const [program, args] = runner(join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q']);
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('PostgreSQL exited while starting');
    if (spawnSync(program, args, { cwd: tmpdir() }).status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections on port ${port} within ${timeoutMs} ms`);
}

/** Starts a fresh cluster with one database, `ferretdb`; undefined when PostgreSQL cannot be run here. */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres | undefined> {
  const binDir = findPostgresBinDir();
  const runner = runnerFor();
  if (!binDir || !runner) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'yishi-postgres-'));
  const dataDir = join(root, 'data');
  let child: ChildProcess | undefined;
  let port: number;
  try {
    if (userInfo().uid === 0) {
      const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      chownSync(root, Number(uid), Number(gid));
    }
    run(runner, join(binDir, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    port = await findFreePort();
    const settings = [
      'listen_addresses=127.0.0.1',
      `port=${port}`,
      `unix_socket_directories=${root}`,
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'max_connections=200',
      'plan_cache_mode=force_custom_plan',
    ];
    const [program, args] = runner(join(binDir, 'postgres'), ['-D', dataDir, ...settings.flatMap((setting) => ['-c', setting])]);
    const started = spawn(program, args, { stdio: ['ignore', 'ignore', 'ignore'], cwd: tmpdir() });
    child = started;
    await waitForPort(port, 20_000, () => started.exitCode === null);
    // An open port is not a ready server: until recovery ends PostgreSQL answers "the database system is starting up".
    await waitUntilReady(runner, binDir, port, 60_000, () => started.exitCode === null);
    const psql = (database: string, sql: string) =>
      run(runner, join(binDir, 'psql'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        sql,
      ]);
    psql('postgres', 'CREATE DATABASE ferretdb');
    psql('ferretdb', INDEX_FERRET_IDS);
  } catch (error) {
    child?.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const postgres = child;
  const version = spawnSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/ferretdb`,
    version,
    stop: async () => {
      // pg_ctl rather than a signal: as root the child is runuser, which need not pass signals on.
      try {
        run(runner, join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        postgres.kill('SIGKILL');
      }
      await stopChild(postgres, null, 10_000);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
