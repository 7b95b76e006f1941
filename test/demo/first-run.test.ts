import { spawn, spawnSync, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readToolEnvironment } from '../../src/config.js';
import { beijingDate } from '../../src/core/dates.js';
import { findFreePort } from '../../src/devtools/free-port.js';
import { testStores, withDatabase } from '../support/stores.js';

/*
 * The newcomer's path, driven by a script: fresh clone → `npm ci && npm run dev` → `npm run chat`.
 *
 * Real: `npm run dev` and `npm run chat` run as the npm scripts they are, in their own processes,
 * in a folder of their own (so `.data/` with the database, the generated admin token and the dev
 * database address is new); dev starts its embedded FerretDB there (or, when this test run was
 * given MONGODB_URI, a database of its own on that server), finds the database empty and seeds the
 * demo; the chat runs in a pseudo-terminal (`script`) and is typed into like a person would.
 * Shortcuts: the "clone" is a copy of the working tree's files that git would carry (tracked and
 * untracked-but-not-ignored, so uncommitted work is included), and `npm ci` is replaced by a
 * symlink to this checkout's node_modules (installing again would take minutes and the network).
 * The clock is the real one: "today" is today in Beijing; the demo's service centre opens every
 * day, so there is someone on duty whatever the day.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tools = readToolEnvironment();
const stores = testStores(import.meta.url);
let clone: string;
let port: number;
let dev: ChildProcess;
let devOutput = '';

function copyWorkingTree(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(to, file));
    } catch (error) {
      // A file deleted in the working tree but still tracked is simply not in the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

async function waitFor(read: () => string, text: string | RegExp, withinMs: number, what: string): Promise<string> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const screen = read();
    const found = typeof text === 'string' ? (screen.includes(text) ? text : null) : (text.exec(screen)?.[0] ?? null);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} never showed ${String(text)}. It showed:\n${read()}`);
}

/** `npm run chat` in a pseudo-terminal, typed into like a person. */
class Chat {
  private output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor() {
    this.child = spawn('script', ['-qfec', 'npm run chat --silent', '/dev/null'], {
      cwd: clone,
      env: { ...childEnv(), PORT: String(port) },
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  get screen(): string {
    // eslint-disable-next-line no-control-regex -- stripping ANSI escape sequences is the point
    return this.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  /** Waits for `text` after the current end of the screen is reached by earlier waits. */
  async expect(text: string | RegExp, after = 0): Promise<string> {
    return waitFor(() => this.screen.slice(after), text, 30_000, 'npm run chat');
  }

  type(line: string): number {
    const at = this.screen.length;
    this.child.stdin.write(`${line}\r`);
    return at;
  }

  kill(): void {
    this.child.kill();
  }
}

/** The environment of a newcomer's shell: no Yishi settings, Chinese messages. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCALE: 'zh-CN', LOG_LEVEL: 'warn' };
  for (const key of [
    'ADMIN_TOKEN',
    'REDIS_URL',
    'YISHI_URL',
    'YISHI_DEMO',
    'PORT',
    'MONGODB_URI',
    'VITEST',
    'VITEST_WORKER_ID',
    'VITEST_POOL_ID',
    'NODE_OPTIONS',
  ])
    delete env[key];
  if (tools.mongodbUri) env.MONGODB_URI = withDatabase(stores.mongoBaseUri, `first_run_${randomBytes(4).toString('hex')}`);
  return env;
}

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'yishi-first-run-'));
  copyWorkingTree(clone);
  port = await findFreePort();
  dev = spawn('npm', ['run', 'dev', '--silent'], {
    cwd: clone,
    env: { ...childEnv(), PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (devOutput += chunk.toString('utf8')));
  dev.stderr!.on('data', (chunk: Buffer) => (devOutput += chunk.toString('utf8')));
  await waitFor(() => devOutput, '  npm run chat', 150_000, 'npm run dev');
}, 180_000);

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    process.kill(-dev.pid, 'SIGTERM'); // the process group npm run dev started (npm, tsx, node, FerretDB)
    await exited;
  }
  if (clone) rmSync(clone, { recursive: true, force: true });
}, 30_000);

describe('a fresh clone, npm run dev, npm run chat', () => {
  it('seeds the demo committee on first run and says how to talk to it and the admin token', () => {
    expect(devOutput).toContain('演示委员会已就绪：20位成员，47个村/社区');
    const token = readFileSync(join(clone, '.data', 'admin-token'), 'utf8').trim();
    expect(devOutput).toContain(`管理令牌：${token}`);
    expect(devOutput).toContain('npm run chat');
  });

  it('lets a member ask 值班 and read today’s demo duty member, and a resident file an opinion and get its number', async () => {
    const token = readFileSync(join(clone, '.data', 'admin-token'), 'utf8').trim();
    const today = beijingDate(new Date());
    const roster = await fetch(`http://127.0.0.1:${port}/api/roster?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const onDuty = ((await roster.json()) as { shifts: Array<{ memberName: string }> }).shifts.map((shift) => shift.memberName);
    expect(onDuty.length).toBeGreaterThan(0);

    const chat = new Chat();
    try {
      await chat.expect('请选择您的身份');
      const member = await chat.expect(/(\d+)\. 沈清和（委员，无党派）/);
      let at = chat.type(/^\d+/.exec(member)![0]);
      await chat.expect('您现在是：沈清和（委员）', at);
      at = chat.type('值班');
      await chat.expect('议事> ', at);
      for (const name of onDuty) await chat.expect(name, at);

      at = chat.type('.who');
      const resident = await chat.expect(/(\d+)\. 以居民身份·命令方式/, at);
      at = chat.type(/^\d+/.exec(resident)![0]);
      await chat.expect('请输入称呼', at);
      at = chat.type('王大爷');
      await chat.expect('您现在是：王大爷（居民）', at);
      at = chat.type('反映 #白鹭村 村里的健身器材坏了好几件，老人没法锻炼');
      const number = await chat.expect(/MY-\d{4}-\d{6}/, at);
      expect(number.slice(3, 7)).toBe(today.slice(0, 4));
      at = chat.type('.quit');
      await chat.expect('再见', at);
      expect(await chat.exited).toBe(0);
    } finally {
      chat.kill();
    }
  });
});
