import { randomUUID } from 'node:crypto';
import { confirmed } from '../../support/confirm.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';
import { FakeChatServer } from './fake-chat-server.js';
import { fakeChatPlatform, signFakeChat } from './platform.js';

const SECRET = 'fake-chat-secret';

describe('a platform added from its own folder (Fake Chat) takes the same path as the built-in ones', () => {
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  let server: FakeChatServer;
  let t: TestYishi;
  let wang: string;
  let zhang: string;
  let li: string;

  beforeAll(async () => {
    server = await FakeChatServer.start(SECRET);
    t = await startTestYishi(import.meta.url, {
      clock,
      scheduler: 'manual',
      platforms: [fakeChatPlatform({ serverUrl: server.url, secret: SECRET })],
    });
    const add = async (name: string, role: string) => {
      const created = await t.api('/api/members', { body: { name, role, sector: '无党派' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    wang = await add('王主任', 'staff');
    zhang = await add('张委员', 'member');
    li = await add('李委员', 'member');
  });

  afterAll(async () => {
    await t?.stop();
    await server?.close();
  });

  /** Posts one signed Fake Chat event to Yishi and returns its replies. */
  async function say(from: string, text: string, extra: { room?: string; mentions?: string[] } = {}): Promise<string> {
    const body = JSON.stringify({ id: randomUUID(), from, text, ...extra });
    const response = await fetch(`${t.url}/fake-chat/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fake-signature': signFakeChat(SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { replies: string[] }).replies.join('\n');
  }

  /** A change others will see asks for 确认 first (issue 21): the command, then 确认 in the same room. */
  async function sayConfirmed(from: string, text: string, extra: { room?: string; mentions?: string[] } = {}): Promise<string> {
    return confirmed((line) => say(from, line, line === text ? extra : { ...(extra.room ? { room: extra.room } : {}) }), text);
  }

  it('refuses an unsigned event before reading it', async () => {
    const response = await fetch(`${t.url}/fake-chat/events`, {
      method: 'POST',
      body: JSON.stringify({ id: '1', from: zhang, text: '帮助' }),
    });
    expect(response.status).toBe(401);
  });

  it('registers a room, answers a member, and sends the notices to the room, the filer and a mentioned member', async () => {
    expect(await say(wang, '登记本群 staff 政协办公室', { room: 'room-office' })).toContain('并把本群登记为它的通知通道');

    const filed = await say(zhang, '反映 青石社区3号楼门口的路灯坏了一周了');
    expect(filed).toContain('MY-2026-000001');
    expect(await sayConfirmed(wang, '受理 MY-2026-000001')).toContain('已受理 MY-2026-000001');
    expect(await sayConfirmed(wang, '分级 MY-2026-000001 简易')).toContain('简易');
    expect(await sayConfirmed(wang, '分派 MY-2026-000001', { mentions: [li] })).toContain('李委员');

    await t.tick();
    const to = (kind: 'user' | 'room', id: string) =>
      server.delivered.filter((d) => (d.to.kind === 'user' ? d.to.userId : d.to.roomId) === id && d.to.kind === kind).map((d) => d.text);
    expect(to('room', 'room-office').join('\n')).toContain('MY-2026-000001');
    expect(to('user', zhang).join('\n')).toContain('已受理');
    expect(to('user', li).join('\n')).toContain('MY-2026-000001');
  });
});
