import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { ManualClock } from '../../src/core/clock.js';
import { ROLES, type Role } from '../../src/core/roles.js';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { addMember, consoleChat } from '../platforms/console/console-client.js';

// The real, ordered registry: these tests follow whatever commands it holds.
const registry = buildRegistry();
const clock = new ManualClock('2026-03-04T02:00:00Z');

let app: TestYishi;
let chat: ReturnType<typeof consoleChat>;
const as: Record<Role, string> = { resident: 'resident:王阿姨', guest: 'guest:小李', member: '', staff: '', admin: '' };

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock });
  chat = consoleChat(app);
  as.member = await addMember(app, { name: '张委员', role: 'member' });
  as.staff = await addMember(app, { name: '刘干事', role: 'staff' });
  as.admin = await addMember(app, { name: '陈主任', role: 'admin' });
});
afterAll(async () => {
  await app?.stop();
});

describe('帮助 is generated from the registry for the asker’s role', () => {
  it.each(ROLES)('lists exactly the commands a %s may run', async (role) => {
    const help = await chat.say(as[role], '帮助');
    for (const command of registry.commands) {
      const line = `· ${command.name} — `;
      if (registry.visibleTo(role).includes(command)) expect(help).toContain(line);
      else expect(help).not.toContain(line);
    }
  });

  it('gives usage, other words and examples for one command', async () => {
    const detail = await chat.say(as.resident, '帮助 帮助');
    expect(detail).toContain('【帮助】');
    expect(detail).toContain('用法：帮助 [命令]');
    expect(detail).toContain('也可以说：help、菜单');
    expect(detail).toContain('帮助 反映');
  });

  it('also answers ／帮助, ？ and help', async () => {
    for (const line of ['／帮助', '？', 'help', '@议事助手 帮助']) expect(await chat.say(as.member, line)).toContain('议事助手可以帮您');
  });

  it('does not show the usage of a command beyond the asker’s role, and says who may run it', async () => {
    const staffOnly = registry.commands.find((command) => command.minRole === 'staff');
    expect(staffOnly, 'the registry has a staff command').toBeDefined();
    const answer = await chat.say(as.member, `帮助 ${staffOnly!.name}`);
    expect(answer).toBe(`“${staffOnly!.name}”只有工作人员和管理员可以使用，所以没有列出它的用法。`);
  });

  it('says so when the topic is not a command', async () => {
    expect(await chat.say(as.member, '帮助 天气')).toBe('没有找到“天气”这个命令。发送“帮助”可查看全部命令。');
  });
});

describe('role refusals say who may run the command', () => {
  const WHO: Record<Role, string> = {
    resident: '居民、访客、委员、工作人员和管理员',
    guest: '访客、委员、工作人员和管理员',
    member: '委员、工作人员和管理员',
    staff: '工作人员和管理员',
    admin: '管理员',
  };
  // For each boundary (resident|guest, guest|member, member|staff, staff|admin): the lowest
  // command above it is refused below and not refused at or above its own role.
  const boundaries = ROLES.slice(0, -1)
    .map((below, i) => {
      const above = ROLES.slice(i + 1);
      const command = registry.commands.find((c) => above.includes(c.minRole));
      return { below, command };
    })
    .filter((boundary) => boundary.below !== 'staff'); // staff|admin: see the next test

  it.each(boundaries)('refuses a $below a command that needs more', async ({ below, command }) => {
    if (!command) throw new Error(`the registry has no command above ${below}`);
    const answer = await chat.say(as[below], command.name);
    expect(answer).toContain(`“${command.name}”只有${WHO[command.minRole]}可以使用。`);
    if (below === 'guest') expect(answer).toContain('如果您是政协委员，请联系工作人员为您登记。');
    const allowed = await chat.say(as[command.minRole], command.name);
    expect(allowed).not.toContain('可以使用。如需办理');
  });

  it('refuses a staff member the admin-only 删除成员, and lets an admin reach its confirmation', async () => {
    expect(registry.find('删除成员')?.minRole).toBe('admin');
    expect(await chat.say(as.staff, '删除成员 张委员')).toBe(`“删除成员”只有${WHO.admin}可以使用。如需办理，请联系政协办公室工作人员。`);
    expect(await chat.say(as.admin, '删除成员 张委员')).toContain('将停用成员“张委员”');
    expect(await chat.say(as.admin, '取消')).not.toContain('已停用');
    expect(await chat.say(as.member, '帮助')).toContain('议事助手可以帮您'); // still active
  });
});

describe('unknown words and plain chat', () => {
  it('suggests 帮助 for 帮主 and 值班 for 值斑, with a pointer to 帮助', async () => {
    expect(await chat.say(as.member, '帮主')).toBe('没有“帮主”这个命令。您是不是想用“帮助”？发送“帮助”可查看全部命令。');
    if (registry.find('值班')) expect(await chat.say(as.member, '值斑 明天')).toContain('您是不是想用“值班”？');
  });

  it('suggests the split form when a command word runs into a word it cannot take', async () => {
    expect(await chat.say(as.member, '帮助反映')).toContain('您是不是想用“帮助 反映”？');
  });

  it('answers a plain sentence in a direct chat kindly, pointing to 反映 when the asker may use it', async () => {
    const answer = await chat.say(as.resident, '小区门口的路灯坏了好几天了');
    if (registry.find('反映')) expect(answer).toContain('反映 小区门口的路灯坏了好几天了');
    expect(answer).toContain('发送“帮助”');
  });

  it('greets back with a pointer to 帮助 when someone just says hello', async () => {
    expect(await chat.say(as.resident, '你好')).toBe('您好，我是议事助手，没有看懂这句话。发送“帮助”可查看我能做的全部事情。');
  });

  it('resolves member names and says so when a name matches nobody or several people', async () => {
    if (!registry.find('换班')) return;
    expect(await chat.sayConfirmed(as.member, '换班 明天 赵六')).toBe('没有找到名叫“赵六”的委员，请核对姓名，或直接@对方。');
    await addMember(app, { name: '王芳', role: 'member' });
    await addMember(app, { name: '王芳', role: 'member', sector: '文艺界' });
    expect(await chat.sayConfirmed(as.member, '换班 明天 @王芳')).toBe('有2位名叫“王芳”的委员，请@对方，或联系工作人员办理。');
  });

  it('stays silent in a group unless it is @-mentioned', async () => {
    expect(await chat.say(as.member, '帮助', { chat: 'group-1' })).toBe('');
    expect(await chat.say(as.member, '今天天气不错', { chat: 'group-1' })).toBe('');
    expect(await chat.say(as.member, '@议事助手 帮助', { chat: 'group-1' })).toContain('议事助手可以帮您');
  });

  it('says nothing waits for confirmation when someone says 确认 out of the blue', async () => {
    expect(await chat.say(as.staff, '确认')).toBe('现在没有需要您确认的操作。');
    expect(await chat.say(as.staff, '取消')).toBe('现在没有进行中的操作，不需要取消。');
  });
});

describe('the per-person rate limit', () => {
  it('answers kindly once someone sends more than the limit in a minute, and lets them go on later', async () => {
    const limited = await startTestYishi(import.meta.url, { clock, env: { COMMAND_RATE_PER_MINUTE: '3' } });
    try {
      const c = consoleChat(limited);
      for (let i = 0; i < 3; i++) expect(await c.say('resident:急性子', '帮助')).toContain('议事助手可以帮您');
      expect(await c.say('resident:急性子', '帮助')).toMatch(/^您发送得有点快，请\d+秒后再试。刚才的内容没有丢失，重新发送即可。$/);
      // Someone else is not slowed down by it.
      expect(await c.say('resident:慢性子', '帮助')).toContain('议事助手可以帮您');
      clock.advance(60_000);
      expect(await c.say('resident:急性子', '帮助')).toContain('议事助手可以帮您');
    } finally {
      await limited.stop();
    }
  });
});
