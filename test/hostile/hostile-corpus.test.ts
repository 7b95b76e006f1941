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
/**
 * A DingTalk answer over the robot's 20 messages a minute waits in the outbox under this key
 * (src/platforms/dingtalk/replier.ts): the corpus sends its DingTalk cases faster than that on an
 * idle machine, so such an item is the polite answer on its way, not something the input stored.
 */
const DEFERRED_ANSWER_KEY = /^dingtalk-reply:/;

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
    const deferred = new Set(await deferredAnswerIds());
    // Everything but a deferred answer's item, live-queue entry and claims (`<outbox id>:<generation>`).
    const deferredOf: Record<string, (doc: Record<string, unknown>) => boolean> = {
      outbox: (doc) => deferred.has(String(doc._id)),
      outbox_live: (doc) => deferred.has(String(doc._id)),
      outbox_claims: (doc) => deferred.has(String(doc._id).split(':')[0]!),
    };
    // All at once: ~40 collections before and after each of 150+ cases were ~12,000 counts one after another.
    const counted = await Promise.all(
      names.map(async (name) => {
        const collection = yishi.db.collection(name);
        const isDeferred = deferredOf[name];
        if (!isDeferred) return [name, await collection.countDocuments()] as const;
        const ids = await collection.find({}, { projection: { _id: 1 } }).toArray();
        return [name, ids.filter((doc) => !isDeferred(doc)).length] as const;
      }),
    );
    return Object.fromEntries(counted);
  }

  /** The outbox items that are DingTalk answers waiting for the robot's next minute. */
  async function deferredAnswerIds(): Promise<string[]> {
    const keys = await yishi.db
      .collection('outbox')
      .find({}, { projection: { idempotencyKey: 1 } })
      .toArray();
    return keys.filter((item) => DEFERRED_ANSWER_KEY.test(String(item.idempotencyKey))).map((item) => String(item._id));
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
      const deferredBefore = (await deferredAnswerIds()).length;
      const { status, text } = await send(request);

      expect(status, text.slice(0, 300)).toBeLessThan(500);
      if (hostile.expect === 'refused') expect(status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      if (hostile.expect === 'polite') expect(status, text.slice(0, 300)).toBeLessThan(300);
      const polite = status < 300;
      if (polite && hostile.route === 'wecom-app' && text !== '') expect(openAppReply(text).Content).toMatch(/\S/);
      // Sent, or waiting in the outbox for the robot's next minute (see DEFERRED_ANSWER_KEY).
      if (polite && hostile.route === 'dingtalk')
        await eventually(
          async () => ding.delivered.length > delivered || (await deferredAnswerIds()).length > deferredBefore,
          'the polite DingTalk answer',
        );

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
