import type { WebhookRequest } from '../fakes/wecom-server.js';
import type { TestYishi } from '../support/yishi.js';

/** The most requests that arrived inside any 60-second window (by the fake's clock). */
export function busiestMinute(requests: WebhookRequest[]): number {
  let most = 0;
  for (const start of requests) most = Math.max(most, requests.filter((r) => r.at >= start.at && r.at < start.at + 60_000).length);
  return most;
}

/** The text a group robot was sent (text or markdown). */
export function contentOf(request: WebhookRequest): string {
  const msgtype = String(request.body.msgtype);
  return String((request.body[msgtype] as { content?: unknown } | undefined)?.content ?? '');
}

export const robotChannel = (webhookKey: string) => ({ platform: 'wecom-group-robot', kind: 'group', webhookKey }) as const;

/** Creates a committee group through the admin API. */
export async function createGroup(t: TestYishi, key: string, webhookKeys: string[], name = key): Promise<void> {
  const created = await t.api('/api/groups', { body: { key, name, channels: webhookKeys.map(robotChannel) } });
  if (created.status !== 201) throw new Error(`could not create group ${key}: ${JSON.stringify(created.body)}`);
}

/**
 * Puts a notice in the outbox as a service would have (the test's setup of "due work"; enqueueing
 * itself is not what these tests examine). Written straight to `outbox`, it has no entry in the
 * dispatcher's live queue yet: the outbox housekeeping job, which every tick() runs, recovers it.
 */
export async function insertNotice(
  t: TestYishi,
  notice: { key: string; groupKey?: string; memberId?: string; text: string; dueAt: Date; expiresAt?: Date; createdAt?: Date },
): Promise<void> {
  const recipient = notice.groupKey ? { kind: 'group', groupKey: notice.groupKey } : { kind: 'member', memberId: notice.memberId };
  await t.db.collection('outbox').insertOne({
    idempotencyKey: notice.key,
    recipient,
    message: { text: notice.text, format: 'text' },
    dueAt: notice.dueAt,
    ...(notice.expiresAt ? { expiresAt: notice.expiresAt } : {}),
    state: 'pending',
    attempts: 0,
    createdAt: notice.createdAt ?? notice.dueAt,
  });
}

/** How many outbox items (whose key starts with `keyPrefix`) are in each state. */
export async function outboxStates(t: TestYishi, keyPrefix = ''): Promise<Record<string, number>> {
  const states: Record<string, number> = {};
  for (const doc of await t.db.collection('outbox').find({}, { projection: { state: 1, idempotencyKey: 1 } }).toArray()) {
    if (String(doc.idempotencyKey).startsWith(keyPrefix)) states[doc.state as string] = (states[doc.state as string] ?? 0) + 1;
  }
  return states;
}
