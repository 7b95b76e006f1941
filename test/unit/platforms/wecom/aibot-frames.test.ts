import { describe, expect, it } from 'vitest';
import { readAibotCallback } from '../../../../src/platforms/wecom/aibot/frames.js';

const at = new Date('2026-03-02T01:00:00Z');
const base = { msgid: 'm-1', aibotid: 'AIBOT', from: { userid: 'zhangwy' } };

describe('reading the long connection’s callback frames', () => {
  it('takes a group text without the leading @-mention, with the group as a notice address', () => {
    const read = readAibotCallback(
      { ...base, chatid: 'wrG1', chattype: 'group', msgtype: 'text', text: { content: '@议事助手  反映 路灯坏了' } },
      at,
    );
    expect(read).toMatchObject({
      kind: 'message',
      message: {
        platform: 'wecom-aibot',
        messageId: 'm-1',
        chat: { id: 'wrG1', kind: 'group', address: { platform: 'wecom-aibot', kind: 'group', chatId: 'wrG1' } },
        sender: { platformUserId: 'zhangwy', address: { platform: 'wecom-aibot', kind: 'user', userId: 'zhangwy' } },
        text: '反映 路灯坏了',
        mentionedBot: true,
      },
    });
  });

  it('takes a single chat as a direct chat with the person, keeping an @ inside the text', () => {
    const read = readAibotCallback({ ...base, chattype: 'single', msgtype: 'text', text: { content: ' 值班 @张三 ' } }, at);
    expect(read).toMatchObject({ kind: 'message', message: { chat: { id: 'zhangwy', kind: 'direct' }, text: '值班 @张三' } });
    expect(read.kind === 'message' && read.message.chat.address).toBeUndefined();
  });

  it('joins the text parts of a mixed message and reads a voice message’s recognised text', () => {
    const mixed = {
      ...base,
      chattype: 'single',
      msgtype: 'mixed',
      mixed: {
        msg_item: [
          { msgtype: 'text', text: { content: '反映 井盖松动' } },
          { msgtype: 'image', image: { url: 'u' } },
          { msgtype: 'text', text: { content: '在和平路' } },
        ],
      },
    };
    expect(readAibotCallback(mixed, at)).toMatchObject({ message: { text: '反映 井盖松动\n在和平路' } });
    expect(readAibotCallback({ ...base, chattype: 'single', msgtype: 'voice', voice: { content: '帮助' } }, at)).toMatchObject({
      message: { text: '帮助' },
    });
  });

  it('says what else a frame is: a welcome, media, something to skip, or unreadable', () => {
    expect(readAibotCallback({ ...base, msgtype: 'event', event: { eventtype: 'enter_chat' } }, at)).toEqual({
      kind: 'welcome',
      userId: 'zhangwy',
    });
    expect(readAibotCallback({ ...base, msgtype: 'event', event: { eventtype: 'feedback_event' } }, at)).toEqual({
      kind: 'ignore',
      what: 'event feedback_event',
    });
    expect(readAibotCallback({ ...base, chattype: 'single', msgtype: 'image', image: { url: 'u' } }, at)).toEqual({
      kind: 'unsupported',
      msgtype: 'image',
    });
    expect(readAibotCallback({ ...base, chattype: 'single', msgtype: 'location' }, at)).toEqual({
      kind: 'ignore',
      what: 'message type location',
    });
    expect(readAibotCallback({ ...base, chattype: 'group', msgtype: 'text', text: { content: 'x' } }, at)).toEqual({
      kind: 'invalid',
      problem: 'a group message without chatid',
    });
    expect(readAibotCallback({ msgtype: 'text' }, at).kind).toBe('invalid');
    expect(readAibotCallback(undefined, at).kind).toBe('invalid');
  });
});
