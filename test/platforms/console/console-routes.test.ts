import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { ConsoleSender } from '../../../src/platforms/console/console-sender.js';
import { MongoConsoleMessageRepository } from '../../../src/storage/mongo/console-message-repository.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { addMember } from './console-client.js';

const clock = new ManualClock('2026-03-04T02:00:00Z');
let app: TestYishi;
let memberId: string;

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock });
  memberId = await addMember(app, { name: '张委员', role: 'member' });
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /console/messages', () => {
  it('needs the admin token', async () => {
    const response = await fetch(`${app.url}/console/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'resident:王阿姨', text: '帮助' }),
    });
    expect(response.status).toBe(401);
  });

  it('answers through the bot pipeline as JSON', async () => {
    const response = await app.api('/console/messages', { body: { from: memberId, text: '帮助' } });
    expect(response.status).toBe(200);
    expect(response.body.duplicate).toBe(false);
    expect(response.body.replies).toHaveLength(1);
    expect(response.body.replies[0]).toMatchObject({ format: 'text' });
    expect(response.body.replies[0].text).toContain('议事助手可以帮您');
  });

  it('gives a retry of the same message id the first answer, marked duplicate', async () => {
    const first = await app.api('/console/messages', { body: { from: 'resident:王阿姨', text: '帮助', messageId: 'console-retry-1' } });
    const again = await app.api('/console/messages', { body: { from: 'resident:王阿姨', text: '帮助', messageId: 'console-retry-1' } });
    expect(again.body).toEqual({ duplicate: true, replies: first.body.replies });
  });

  it('refuses someone who is neither a member nor a named resident or guest, and bad bodies', async () => {
    const unknown = await app.api('/console/messages', { body: { from: '0123456789abcdef01234567', text: '帮助' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('console_unknown_person');
    const noText = await app.api('/console/messages', { body: { from: 'resident:王阿姨' } });
    expect(noText.status).toBe(400);
    const notJson = await app.api('/console/messages', { method: 'POST', body: '{not json' });
    expect(notJson.status).toBe(400);
  });
});

describe('GET /console/people and /console/inbox', () => {
  it('lists the members one may speak as', async () => {
    const response = await app.api('/console/people');
    expect(response.body.people).toContainEqual({ id: memberId, name: '张委员', role: 'member', sector: '无党派' });
  });

  it('shows notices the console sender delivered, once per idempotency key, after a cursor', async () => {
    const sender = new ConsoleSender(new MongoConsoleMessageRepository(app.db), clock);
    const to = { platform: 'console', kind: 'user', id: 'resident:李大爷' } as const;
    await sender.send(to, { text: '您反映的问题已受理', format: 'text' }, { idempotencyKey: 'accepted:1' });
    await sender.send(to, { text: '您反映的问题已受理', format: 'text' }, { idempotencyKey: 'accepted:1' });
    const first = await app.api(`/console/inbox?to=${encodeURIComponent(to.id)}`);
    expect(first.body.messages.map((m: { text: string }) => m.text)).toEqual(['您反映的问题已受理']);

    await sender.send(to, { text: '您反映的问题已办结', format: 'text' }, { idempotencyKey: 'resolved:1' });
    const next = await app.api(`/console/inbox?to=${encodeURIComponent(to.id)}&after=${first.body.cursor}`);
    expect(next.body.messages.map((m: { text: string }) => m.text)).toEqual(['您反映的问题已办结']);
    const nothing = await app.api(`/console/inbox?to=${encodeURIComponent(to.id)}&after=${next.body.cursor}`);
    expect(nothing.body).toEqual({ messages: [], cursor: next.body.cursor });
  });

  it('refuses a malformed cursor', async () => {
    expect((await app.api('/console/inbox?to=resident:x&after=zzz')).status).toBe(400);
  });

  it('refuses a notice for another platform', async () => {
    const sender = new ConsoleSender(new MongoConsoleMessageRepository(app.db), clock);
    await expect(
      sender.send({ platform: 'wecom-app', kind: 'user', userId: 'zhangsan' }, { text: 'x', format: 'text' }),
    ).rejects.toMatchObject({ code: 'wrong_platform', retryable: false });
  });
});
