import { randomUUID } from 'node:crypto';
import type { TestYishi } from '../../support/yishi.js';
import { storedOutbox, TEST_ADMIN_TOKEN } from '../../support/yishi.js';
import { confirmed } from '../../support/confirm.js';

/** Says a line that asks for 确认, and confirms it (see test/support/confirm.ts). */
export async function sayConfirmed(yishi: TestYishi, from: string, text: string): Promise<string> {
  return confirmed((line) => say(yishi, from, line), text);
}

/** Says one line through the console platform (POST /console/messages) and returns the replies joined. */
export async function say(yishi: TestYishi, from: string, text: string): Promise<string> {
  const response = await fetch(`${yishi.url}/console/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from, text, messageId: randomUUID() }),
  });
  const body = (await response.json()) as { replies?: Array<{ text: string }>; error?: unknown };
  if (response.status !== 200) throw new Error(`console answered ${response.status}: ${JSON.stringify(body)}`);
  return (body.replies ?? []).map((r) => r.text).join('\n');
}

/** Registers a person through the admin API and returns the member. */
export async function register(yishi: TestYishi, member: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const { status, body } = await yishi.api('/api/members', { body: member });
  if (status !== 201) throw new Error(`could not register ${JSON.stringify(member)}: ${status} ${JSON.stringify(body)}`);
  return body;
}

export interface OutboxDoc {
  idempotencyKey: string;
  recipient: { kind: string; groupKey?: string; memberId?: string; address?: { platform: string; id?: string } };
  message: { text: string; mentionUserIds?: string[] };
}

/** Every outbox document (any state), oldest first. */
export async function outbox(yishi: TestYishi): Promise<OutboxDoc[]> {
  return (await storedOutbox(yishi)) as OutboxDoc[];
}

export async function opinionCount(yishi: TestYishi): Promise<number> {
  return (await yishi.repositories.opinions.list({}, { skip: 0, limit: 1 })).total;
}
