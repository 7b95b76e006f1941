import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { CommandSpec } from '../../../src/core/command.js';
import { DIALOGUE_TIMEOUT_MS } from '../../../src/core/conversation.js';
import type { MemberDirectory } from '../../../src/core/member-directory.js';
import { CommandRegistry } from '../../../src/core/registry.js';
import { CommandRunner, type Turn } from '../../../src/core/runner.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { createLogger } from '../../../src/logger.js';
import type { IncomingMessage, PlatformDirectory } from '../../../src/platforms/types.js';
import { MemoryCoordination } from '../../../src/storage/memory/memory-coordination.js';

/**
 * The dialogue's named options (CommandSpec.dialogue, ArgPrompt.read / onlyWhenAsked, AskNext),
 * which the residents' filing uses, on a small command of their own: a lifetime of its own, plain
 * hints, an argument's own reader (photos collected until 好了), leave words, the confirmation in
 * plain words, and a step the handler asks for after the confirmation.
 */
const HOURS_2 = 2 * 60 * 60_000;

const petCommand: CommandSpec = {
  id: 'pet',
  name: '登记宠物',
  aliases: [],
  minRole: 'resident',
  args: [
    { name: 'pet', kind: 'text', required: true },
    { name: 'photos', kind: 'word', required: true },
    { name: 'size', kind: 'word', required: false },
  ],
  dialogue: {
    lifetimeMs: HOURS_2,
    hints: 'plain',
    leave: { is: (_t, answer, asking) => answer === '算了' && asking !== 'photos', reply: () => '好的，不登记了。' },
    confirmation: {
      read: (_t, answer) => (answer === '对的' ? 'yes' : answer === '不对' ? 'restart' : undefined),
      restarted: () => '我们重新来。',
      remind: () => '请回复“对的”或“不对”。',
    },
  },
  prompts: {
    pet: { ask: () => '是什么宠物？' },
    photos: {
      ask: () => '请发照片，发完回复“好了”。',
      read: async (_answer, ctx) => {
        const mediaId = ctx.message.image?.mediaId;
        if (!mediaId) return { ok: true, values: { photos: 'done' } };
        const ids = [...(ctx.args.ids ? ctx.args.ids.split(',') : []), mediaId];
        return { ok: false, values: { ids: ids.join(',') }, reply: `收到第 ${ids.length} 张。`, askAgain: false };
      },
    },
    size: { onlyWhenAsked: true, ask: (_t, args) => `${args.pet ?? ''}是大的还是小的？` },
  },
  confirmDialogue: async (ctx) => `请核对：${ctx.args.pet ?? ''}，照片 ${ctx.args.ids?.split(',').length ?? 0} 张。回复“对的”或“不对”。`,
  texts: () => ({ usage: '', description: '', examples: [] }),
  handler: async (ctx) =>
    ctx.args.size ? `登记好了：${ctx.args.size}${ctx.args.pet ?? ''}。` : { askNext: { arg: 'size', text: '还差一点。' } },
};

const start = new Date('2026-03-04T02:00:00Z');

function setUp() {
  const clock = new ManualClock(start);
  const members: MemberDirectory = { findById: async () => null, findByPlatformId: async () => null, findByName: async () => [] };
  const platforms = {} as PlatformDirectory; // no member arguments: never asked
  const runner = new CommandRunner({
    registry: new CommandRegistry([petCommand]),
    platforms,
    services: {},
    members,
    coordination: new MemoryCoordination(),
    clock,
    messages: zhCN,
  });
  let n = 0;
  const turn = (text: string, image?: string): Turn => {
    const message: IncomingMessage = {
      platform: 'console',
      messageId: `m${(n += 1)}`,
      chat: { id: 'c', kind: 'direct' },
      sender: { platformUserId: 'u', identityKey: 'console:u' },
      source: 'member-chat',
      text,
      mentionedBot: true,
      mentions: [],
      receivedAt: clock.now(),
      ...(image ? { image: { mediaId: image } } : {}),
    };
    return { actor: { role: 'resident', name: 'u', platform: 'console', platformUserId: 'u' }, message, log: createLogger('silent') };
  };
  /** The next answer, as the bot hands it on: the replies' texts. */
  const say = async (text: string, image?: string): Promise<string[]> => {
    const t = turn(text, image);
    const found = await runner.conversations.load(t.message);
    if (!found || found.expired) return ['(nothing in progress)'];
    return (await runner.carryOn(found.state, t, text, text)).map((m) => m.text);
  };
  const begin = async (args = {}) => (await runner.begin(petCommand, turn(''), args)).map((m) => m.text);
  return { clock, runner, say, begin };
}

describe('a dialogue with its own options (the residents’ kind)', () => {
  it('asks without command hints, collects photos with its own reader, waits two hours, and reads the confirmation in plain words', async () => {
    const { clock, say, begin } = setUp();
    expect(await begin()).toEqual(['是什么宠物？']);
    expect(await say('猫')).toEqual(['请发照片，发完回复“好了”。']);
    expect(await say('', 'media-1')).toEqual(['收到第 1 张。']);
    clock.advance(DIALOGUE_TIMEOUT_MS + 60_000); // past a member's ten minutes
    expect(await say('', 'media-2')).toEqual(['收到第 2 张。']);
    expect(await say('算了')).toEqual(['请核对：猫，照片 2 张。回复“对的”或“不对”。']); // not a leave word while photos are asked
    clock.advance(HOURS_2 - 60_000);
    expect(await say('嗯')).toEqual(['请回复“对的”或“不对”。']);
    expect(await say('不对')).toEqual(['我们重新来。', '是什么宠物？']);
    clock.advance(HOURS_2);
    expect(await say('狗')).toEqual(['(nothing in progress)']);
  });

  it('goes on with a step the handler asks for, then runs without a second confirmation', async () => {
    const { say, begin } = setUp();
    await begin({ pet: '狗' });
    await say('好了');
    expect(await say('对的')).toEqual(['还差一点。', '狗是大的还是小的？']);
    expect(await say('小的')).toEqual(['登记好了：小的狗。']);
    expect(await say('对的')).toEqual(['(nothing in progress)']);
  });

  it('ends on its own leave words, with its own reply', async () => {
    const { say, begin } = setUp();
    await begin();
    expect(await say('算了')).toEqual(['好的，不登记了。']);
    expect(await say('猫')).toEqual(['(nothing in progress)']);
  });
});
