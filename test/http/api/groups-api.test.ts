import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestYishi, type TestYishi } from '../../support/yishi.js';

const robot = (webhookKey: string) => ({ platform: 'wecom-group-robot', kind: 'group', webhookKey });

describe('the committee groups admin API', () => {
  let t: TestYishi;

  beforeAll(async () => {
    t = await startTestYishi(import.meta.url, { scheduler: 'manual' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates a group with a WeCom group robot and reads it back', async () => {
    const created = await t.api('/api/groups', { body: { key: 'staff', name: '政协办公室', channels: [robot('key-staff-1')] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'staff', name: '政协办公室', channels: [robot('key-staff-1')] });

    const read = await t.api('/api/groups/staff');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ key: 'staff', name: '政协办公室', channels: [robot('key-staff-1')] });
  });

  it('accepts a sector name as the key and every channel shape of the Address union', async () => {
    const channels = [
      robot('key-wudangpai'),
      { platform: 'dingtalk', kind: 'group', openConversationId: 'cidAbc==' },
      { platform: 'dingtalk-custom-robot', kind: 'group', accessToken: 'tok123', secret: 'SECabc' },
      { platform: 'console', kind: 'group', id: '无党派群' },
    ];
    const created = await t.api('/api/groups', { body: { key: '无党派', channels } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: '无党派', name: '无党派', channels });
    const read = await t.api(`/api/groups/${encodeURIComponent('无党派')}`);
    expect(read.body.channels).toEqual(channels);
  });

  it('lists the groups', async () => {
    const list = await t.api('/api/groups');
    expect(list.status).toBe(200);
    expect(list.body.items.map((g: { key: string }) => g.key).sort()).toEqual(['staff', '无党派'].sort());
    expect(list.body.total).toBe(2);
  });

  it('renames a group and replaces its channels', async () => {
    const patched = await t.api('/api/groups/staff', { method: 'PATCH', body: { name: '办公室工作群', channels: [robot('key-staff-2')] } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ key: 'staff', name: '办公室工作群', channels: [robot('key-staff-2')] });
    expect((await t.api('/api/groups/staff')).body.channels).toEqual([robot('key-staff-2')]);
  });

  it('deletes a group, after which it is not found', async () => {
    await t.api('/api/groups', { body: { key: 'temp-group', channels: [] } });
    expect((await t.api('/api/groups/temp-group', { method: 'DELETE' })).status).toBe(204);
    const gone = await t.api('/api/groups/temp-group');
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('group_not_found');
    expect((await t.api('/api/groups/temp-group', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a channel with a missing webhook key with 400 and stores nothing', async () => {
    const bad = await t.api('/api/groups', { body: { key: 'broken-input', channels: [{ platform: 'wecom-group-robot', kind: 'group' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.message).toMatch(/channels\.0\.webhookKey/);
    expect((await t.api('/api/groups/broken-input')).status).toBe(404);
  });

  it('refuses an unknown platform, a misspelt field and a wrong kind with 400', async () => {
    for (const channel of [
      { platform: 'wechat', kind: 'group', webhookKey: 'k' },
      { platform: 'wecom-group-robot', kind: 'group', webhookkey: 'k' },
      { platform: 'dingtalk', kind: 'room', openConversationId: 'c' },
    ]) {
      const bad = await t.api('/api/groups', { body: { key: 'bad-channel', channels: [channel] } });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
    }
    const patch = await t.api('/api/groups/staff', {
      method: 'PATCH',
      body: { channels: [{ platform: 'wecom-group-robot', kind: 'user', webhookKey: 'k' }] },
    });
    expect(patch.status).toBe(400);
    expect((await t.api('/api/groups/staff')).body.channels).toEqual([robot('key-staff-2')]);
  });

  it('refuses a second group with the same key with 409', async () => {
    const again = await t.api('/api/groups', { body: { key: 'staff', channels: [] } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('group_exists');
  });

  it('refuses a key with spaces, and a body that is not JSON', async () => {
    expect((await t.api('/api/groups', { body: { key: 'two words' } })).status).toBe(400);
    const notJson = await t.api('/api/groups', { body: '{not json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toEqual(expect.any(String));
  });

  it('answers 401 without the admin token, for every method', async () => {
    for (const [method, path] of [
      ['GET', '/api/groups'],
      ['POST', '/api/groups'],
      ['GET', '/api/groups/staff'],
      ['PATCH', '/api/groups/staff'],
      ['DELETE', '/api/groups/staff'],
    ] as const) {
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' || method === 'PATCH' ? '{}' : undefined,
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await t.api('/api/groups/staff')).status).toBe(200);
  });
});
