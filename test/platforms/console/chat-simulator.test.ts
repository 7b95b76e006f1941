import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { TEST_ADMIN_TOKEN } from '../../support/yishi.js';
import { addCommunity } from '../../services/residents/kf-support.js';
import { generate, setUpCommittee } from '../../services/roster/roster-support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Wednesday 2026-03-04, 10:00 in Beijing.
const clock = new ManualClock('2026-03-04T02:00:00Z');

const { yishi } = useScenario(import.meta.url, { clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '东湖社区', 'dh01');
  await addCommunity(yishi, '青石社区', 'qs01');
  const ids = await setUpCommittee(yishi, ['王五']);
  await generate(yishi, { from: '2026-03-02', to: '2026-03-06', memberIds: [ids['王五']] });
});

/** `npm run chat`'s program with its input and output piped: the test types a line after the screen shows what it waits for. */
class Simulator {
  private output = '';
  private read = 0;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[] = []) {
    this.child = spawn(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}src/platforms/console/chat-cli.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, YISHI_URL: yishi.url, ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOCALE: 'zh-CN' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  /** Waits until the screen shows `text` after what was already read; returns what came in between. */
  async waitFor(text: string): Promise<string> {
    for (let i = 0; i < 600; i++) {
      const at = this.output.indexOf(text, this.read);
      if (at >= 0) {
        const seen = this.output.slice(this.read, at + text.length);
        this.read = at + text.length;
        return seen;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the simulator never showed “${text}”. It showed:\n${this.output}`);
  }

  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  /** Types a line, then waits for the next prompt; returns what the simulator printed in answer. */
  async say(line: string, prompt = '您> '): Promise<string> {
    this.type(line);
    return this.waitFor(prompt);
  }

  end(): void {
    this.child.stdin.end();
  }

  kill(): void {
    this.child.kill();
  }
}

describe('npm run chat plays a resident on 微信客服 and a member in a group chat', () => {
  it('a resident scans 青石社区’s code and files an opinion in plain words, reading what 微信客服 would send', async () => {
    const sim = new Simulator();
    try {
      const menu = await sim.waitFor('> ');
      const kfChoice = /(\d+)\. 以居民身份·微信客服/.exec(menu)![1]!;
      sim.type(kfChoice);
      await sim.waitFor('请输入称呼');
      const scan = await sim.say('张阿姨', '> ');
      expect(scan).toContain('请选择要扫的社区二维码');
      const qingshi = /(\d+)\. 青石社区/.exec(scan)![1]!;
      const welcome = await sim.say(qingshi);
      expect(welcome).toContain('张阿姨扫了青石社区的二维码');
      expect(welcome).toContain('议事> 您好！这里是青石社区的政协居民服务号');

      expect(await sim.say('3号楼门口的路灯坏了一个星期了，晚上很黑')).toContain('地点：青石社区');
      expect(await sim.say('没有')).toContain('需要我们打电话联系您吗');
      const summary = await sim.say('我姓张，电话13912345678');
      expect(summary).toContain('请核对');
      expect(summary).toContain('事情：3号楼门口的路灯坏了一个星期了，晚上很黑');
      expect(summary).not.toContain('13912345678');
      const filed = await sim.say('对的');
      expect(filed).toMatch(/议事> 已经为您登记好了，编号是 MY-\d{4}-\d{6}/);
      // A question is answered, not taken for a new filing.
      const duty = await sim.say('今天谁值班');
      expect(duty).toContain('王五');
      expect(duty).not.toContain('请选择');
      const mine = await sim.say('我的反映怎么样了');
      expect(mine).toContain('3号楼门口的路灯');
      expect(await sim.say('.group 办公室')).toContain('没有群聊');
      sim.end();
      await sim.waitFor('再见！');
      expect(await sim.exited).toBe(0);
    } finally {
      sim.kill();
    }

    const opinions = (await yishi.api('/api/opinions')).body.items as Array<{ source: string; community: string; content: string }>;
    expect(opinions.find((o) => o.content.startsWith('3号楼门口的路灯'))).toMatchObject({
      source: 'resident-service',
      community: '青石社区',
    });
  });

  it('a member goes into the group 办公室 and asks @议事助手 值班; the answer shows as the group sees it', async () => {
    const sim = new Simulator(['--as', '王五']);
    try {
      expect(await sim.waitFor('您> ')).toContain('您现在是：王五（委员）');
      expect(await sim.say('.help')).toContain('.group 群名：进入一个群聊');
      const entered = await sim.say('.group 办公室', '您@群·办公室> ');
      expect(entered).toContain('已进入群聊“办公室”');
      expect(await sim.say('今天谁值班', '您@群·办公室> ')).toContain('没有 @议事助手');
      const duty = await sim.say('@议事助手 值班', '您@群·办公室> ');
      expect(duty).toContain('议事（群·办公室）> ');
      expect(duty).toContain('王五');
      expect(await sim.say('.group')).toContain('已回到和议事助手的私聊');
      sim.end();
      await sim.waitFor('再见！');
      expect(await sim.exited).toBe(0);
    } finally {
      sim.kill();
    }
  });
});
