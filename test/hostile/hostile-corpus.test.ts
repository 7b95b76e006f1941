import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { ADMIN_TOKEN_PLACEHOLDER, MEMBER, memberText, wecomApp, type HostileRequest } from '../fixtures/hostile/requests.js';
import { HOSTILE_CASES } from '../fixtures/hostile/cases.js';
import { HOSTILE_METRICS_TOKEN } from '../fixtures/hostile/cases-auth.js';
import { eventually } from '../platforms/dingtalk/dingtalk-support.js';
import { openAppReply } from '../platforms/wecom/wecom-client.js';
import { TEST_ADMIN_TOKEN } from '../support/yishi.js';

/** Collections a polite chat answer may touch: the dedup record that keeps the answer for retries. */
const BOOKKEEPING = new Set(['inbound_messages']);

describe('the hostile-input corpus', () => {
  const { yishi, dingtalk: ding } = useScenario(
    import.meta.url,
    { wecom: true, dingtalk: true, env: { WECOM_REPLY_WITHIN_MS: '4000', METRICS_TOKEN: HOSTILE_METRICS_TOKEN } },
    async () => {
      const member = await yishi.api('/api/members', {
        body: {
          name: MEMBER.name,
          sector: '无党派',
          role: 'member',
          wecomUserId: MEMBER.wecomUserId,
          dingtalkStaffId: MEMBER.dingtalkStaffId,
        },
      });
      expect(member.status).toBe(201);
    },
  );

  async function counts(): Promise<Record<string, number>> {
    const names = (await yishi.db.listCollections()).map((c) => c.name).sort();
    // All at once: ~40 collections before and after each of 150+ cases were ~12,000 counts one after another.
    const counted = await Promise.all(names.map(async (name) => [name, await yishi.db.collection(name).countDocuments()] as const));
    return Object.fromEntries(counted);
  }

  async function send(request: HostileRequest): Promise<{ status: number; text: string }> {
    const headers = Object.fromEntries(
      Object.entries(request.headers ?? {}).map(([k, v]) => [k, v.replace(ADMIN_TOKEN_PLACEHOLDER, TEST_ADMIN_TOKEN)]),
    );
    const response = await fetch(`${yishi.url}${request.path}`, { method: request.method, headers, body: request.body ?? null });
    return { status: response.status, text: await response.text() };
  }

  it('holds at least 150 hostile inputs across both platforms, the admin API and the console', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(HOSTILE_CASES.map((c) => c.route))).toEqual(new Set(['wecom-app', 'wecom-bot', 'dingtalk', 'api', 'console']));
  });

  it.each(HOSTILE_CASES.map((c) => [`${c.route}: ${c.name}`, c] as const))(
    '%s → a 4xx or a polite answer, nothing stored, still serving',
    async (_title, hostile) => {
      const before = await counts();
      const request = hostile.build({ dingtalkWebhook: ding.sessionWebhook(Date.now() + 60 * 60_000) });
      const delivered = ding.delivered.length;
      const { status, text } = await send(request);

      expect(status, text.slice(0, 300)).toBeLessThan(500);
      if (hostile.expect === 'refused') expect(status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      if (hostile.expect === 'polite') expect(status, text.slice(0, 300)).toBeLessThan(300);
      const polite = status < 300;
      if (polite && hostile.route === 'wecom-app' && text !== '') expect(openAppReply(text).Content).toMatch(/\S/);
      if (polite && hostile.route === 'dingtalk') await eventually(() => ding.delivered.length > delivered, 'the polite DingTalk answer');

      const after = await counts();
      for (const [name, count] of Object.entries(after)) {
        if (polite && BOOKKEEPING.has(name)) continue;
        expect(count, `documents in ${name}`).toBe(before[name] ?? 0);
      }
      expect((await fetch(`${yishi.url}/healthz`)).status).toBe(200);
    },
  );

  it('still files an opinion from a valid 反映 after the whole corpus', async () => {
    const before = await yishi.db.collection('opinions').countDocuments();
    const request = wecomApp(memberText('反映 西门小区的健身器材坏了，请派人修理'));
    const { status, text } = await send(request);
    expect(status).toBe(200);
    expect(openAppReply(text).Content).toMatch(/\S/);
    expect(await yishi.db.collection('opinions').countDocuments()).toBe(before + 1);
  });
});
