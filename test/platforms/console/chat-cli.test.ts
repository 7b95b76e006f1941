import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { ConsoleSender } from '../../../src/platforms/console/console-sender.js';
import { MongoConsoleMessageRepository } from '../../../src/storage/mongo/console-message-repository.js';
import { startTestYishi, TEST_ADMIN_TOKEN, type TestYishi } from '../../support/yishi.js';
import { addMember } from './console-client.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const clock = new ManualClock('2026-03-04T02:00:00Z');

let app: TestYishi;

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock });
  await addMember(app, { name: '张委员', role: 'member' });
});
afterAll(async () => {
  await app?.stop();
});

/** `npm run chat`'s program in a pseudo-terminal (`script`), fed keystrokes like a person. */
class Terminal {
  private output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(env: Record<string, string>, cwd = ROOT) {
    const command = `${ROOT}node_modules/.bin/tsx ${ROOT}src/platforms/console/chat-cli.ts`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, ...env } });
    this.child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  /** What the screen showed, without terminal control sequences. */
  get screen(): string {
    // eslint-disable-next-line no-control-regex -- stripping ANSI escape sequences is the point
    return this.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  async waitFor(text: string, afterIndex = 0): Promise<number> {
    for (let i = 0; i < 600; i++) {
      const at = this.screen.indexOf(text, afterIndex);
      if (at >= 0) return at + text.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the terminal never showed “${text}”. It showed:\n${this.screen}`);
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\r`);
  }

  kill(): void {
    this.child.kill();
  }
}

describe('npm run chat', () => {
  it('lets a person choose who they are, type 帮助, read the answer and a notice, and leave', async () => {
    const terminal = new Terminal({ YISHI_URL: app.url, ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOCALE: 'zh-CN' });
    try {
      let at = await terminal.waitFor('请选择您的身份');
      at = await terminal.waitFor('1. 张委员（委员，无党派）', at);
      at = await terminal.waitFor('以居民身份', at);
      terminal.type('1');
      at = await terminal.waitFor('您现在是：张委员（委员）', at);
      terminal.type('帮助');
      at = await terminal.waitFor('议事> 议事助手可以帮您：', at);
      await terminal.waitFor('发送“帮助 命令名”查看用法和示例', at);

      // A notice the outbox delivers to this member's console address shows up too.
      const members = (await app.api('/console/people')).body.people as Array<{ id: string }>;
      const sender = new ConsoleSender(new MongoConsoleMessageRepository(app.db), clock);
      await sender.send(
        { platform: 'console', kind: 'user', id: members[0]!.id },
        { text: '您有一条新的待办：MY-2026-000001', format: 'text' },
        { idempotencyKey: 'cli-test-notice' },
      );
      at = await terminal.waitFor('【通知】您有一条新的待办：MY-2026-000001', at);

      terminal.type('.who');
      at = await terminal.waitFor('请选择您的身份', at);
      at = await terminal.waitFor('3. 以居民身份·命令方式', at);
      terminal.type('3');
      at = await terminal.waitFor('请输入称呼', at);
      terminal.type('王阿姨');
      at = await terminal.waitFor('您现在是：王阿姨（居民）', at);
      terminal.type('帮主');
      at = await terminal.waitFor('您是不是想用“帮助”？', at);
      terminal.type('.quit');
      await terminal.waitFor('再见！', at);
      expect(await terminal.exited).toBe(0);
    } finally {
      terminal.kill();
    }
  });

  it('says how to get a token when none is configured, and what went wrong with a bad one', async () => {
    // Run outside the repository, so no .data/admin-token from npm run dev is found.
    const withoutToken = new Terminal({ YISHI_URL: app.url, ADMIN_TOKEN: '' }, tmpdir());
    await withoutToken.waitFor('找不到管理令牌：请设置 ADMIN_TOKEN，或先运行 npm run dev');
    expect(await withoutToken.exited).toBe(1);

    const badToken = new Terminal({ YISHI_URL: app.url, ADMIN_TOKEN: 'not-the-right-token-at-all' }, tmpdir());
    await badToken.waitFor(`连接不上议事助手（${app.url}）：需要有效的管理令牌`);
    expect(await badToken.exited).toBe(1);
  });
});
