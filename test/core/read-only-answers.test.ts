import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { addMember } from '../platforms/console/console-client.js';

let app: TestYishi;
let member = '';

beforeAll(async () => {
  app = await startTestYishi(import.meta.url);
  member = await addMember(app, { name: '钱委员', role: 'member' });
});
afterAll(async () => {
  await app?.stop();
});

/** One delivery of a console message with the platform's message id `messageId` (a redelivery repeats it). */
async function deliver(messageId: string, text: string): Promise<{ duplicate: boolean; text: string }> {
  const { status, body } = await app.api('/console/messages', { body: { from: member, text, messageId } });
  expect(status, JSON.stringify(body)).toBe(200);
  return { duplicate: body.duplicate, text: (body.replies as Array<{ text: string }>).map((r) => r.text).join('\n') };
}

/** What the durable inbox knows of a console message id (asking claims a new id, as a delivery would). */
const inboxStatus = async (messageId: string) => (await app.repositories.inbox.claim(`console:${messageId}`, new Date(), 60_000)).status;

describe('read-only commands are answered without the durable inbox (issue 20)', () => {
  it('answers 帮助 again on a redelivery, told apart as a copy, and stores nothing of it', async () => {
    const first = await deliver('ro-help-1', '帮助');
    const again = await deliver('ro-help-1', '帮助');
    expect(first.text).toContain('反映');
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ duplicate: true, text: first.text });
    expect(await inboxStatus('ro-help-1')).toBe('new');
  });

  it('keeps the durable inbox for a command that writes: a redelivered 反映 gets the stored answer and files once', async () => {
    const first = await deliver('ro-file-1', '反映 西门的台阶碎了，老人容易摔倒');
    const again = await deliver('ro-file-1', '反映 西门的台阶碎了，老人容易摔倒');
    const number = /MY-\d{4}-\d{6}/.exec(first.text)?.[0];
    expect(number).toBeDefined();
    expect(again).toEqual({ duplicate: true, text: first.text });
    expect(await inboxStatus('ro-file-1')).toBe('done');
    const mine = await deliver('ro-mine-1', '我的反映');
    expect(mine.text.split(number!).length - 1).toBe(1);
  });

  it('keeps the durable inbox for the answer to a question: a line that alone would only read, inside a dialogue', async () => {
    const asked = await deliver('ro-dialogue-1', '反映');
    expect(asked.text).toContain('请说说您遇到了什么事');
    const answered = await deliver('ro-dialogue-2', '北门的路灯不亮了');
    expect(answered.duplicate).toBe(false);
    expect(await inboxStatus('ro-dialogue-2')).toBe('done');
  });
});
