import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestYishi, type TestYishi } from '../support/yishi.js';
import { testStores } from '../support/stores.js';
import { addMember, consoleChat } from '../platforms/console/console-client.js';

/**
 * Members (and the keyword dictionaries) are read from each instance's memory (issue 20); a write
 * through any instance empties every instance's cache within the documented bound (1 s; see
 * src/storage/cache/shared-version-cache.ts). Two instances on one database and one Redis.
 */
const stores = testStores(import.meta.url);
let a: TestYishi;
let b: TestYishi;

beforeAll(async () => {
  a = await startTestYishi(import.meta.url, { stores });
  b = await startTestYishi(import.meta.url, { stores });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

describe('hot reads from memory, emptied everywhere by a write', () => {
  it('a demoted staff member loses a staff command on the other instance within the bound', async () => {
    const staff = await addMember(a, { name: '缓存干事', role: 'staff' });
    // Instance A has read (and keeps) who this is, as staff.
    expect(await consoleChat(a).say(staff, '统计')).not.toContain('只有');
    expect((await b.api(`/api/members/${staff}`, { method: 'PATCH', body: { role: 'member' } })).status).toBe(200);
    await expect.poll(() => consoleChat(a).say(staff, '统计'), { timeout: 60_000, interval: 200 }).toContain('“统计”只有');
  });

  it('a deactivated member loses every member command on the other instance within the bound', async () => {
    const member = await addMember(b, { name: '缓存委员', role: 'member' });
    expect(await consoleChat(a).say(member, '我的反映')).not.toContain('只有');
    expect((await b.api(`/api/members/${member}`, { method: 'DELETE' })).status).toBeLessThan(300);
    // The console itself refuses an inactive member (it looks them up through the same cache).
    await expect
      .poll(async () => (await a.api('/console/messages', { body: { from: member, text: '我的反映' } })).status, {
        timeout: 60_000,
        interval: 200,
      })
      .toBe(400);
  });

  it('a community added on one instance classifies the next 反映 on the other', async () => {
    const member = await addMember(a, { name: '分类委员', role: 'member' });
    expect((await a.api('/api/communities', { body: { name: '甲乙社区', keywords: ['甲乙'] } })).status).toBe(201);
    // A: reads the (now cached) dictionary; B adds another community; A must see it within the bound.
    await consoleChat(a).say(member, '反映 甲乙小区门口的井盖松了');
    expect((await b.api('/api/communities', { body: { name: '丙丁社区', keywords: ['丙丁'] } })).status).toBe(201);
    await expect
      .poll(async () => consoleChat(a).say(member, `反映 丙丁路口的红绿灯坏了 ${Math.random()}`), { timeout: 60_000, interval: 500 })
      .toContain('丙丁社区');
  });
});
