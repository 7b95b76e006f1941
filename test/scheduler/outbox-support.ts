import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '../fakes/wecom-server.js';
import type { Recipient } from '../../src/services/notifier.js';
import { onMemoryStores, storedOutbox, type TestYishi } from '../support/yishi.js';

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
  if (onMemoryStores()) {
    // In memory there is no collection to write around the queue: the notice is enqueued.
    const message = { text: notice.text, format: 'text' as const };
    const { key: idempotencyKey, dueAt, expiresAt } = notice;
    await t.repositories.outbox.enqueue({
      idempotencyKey,
      recipient: recipient as Recipient,
      message,
      dueAt,
      ...(expiresAt ? { expiresAt } : {}),
      now: notice.createdAt ?? dueAt,
    });
    return;
  }
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
  for (const doc of await storedOutbox(t)) {
    if (String(doc.idempotencyKey).startsWith(keyPrefix)) states[doc.state as string] = (states[doc.state as string] ?? 0) + 1;
  }
  return states;
}

export interface HoldingProxy {
  url: string;
  /** Requests for the held robot, waiting without an answer. */
  held: ServerResponse[];
  /** Answers every held request (and lets later ones through) as the WeCom server would. */
  release(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stands between an instance and the fake WeCom server: passes requests on, but holds every
 * request for the robot `heldKey` without an answer (a robot that hangs, or an instance that died
 * while waiting) until `release()`.
 */
export async function startHoldingProxy(target: string, heldKey: string): Promise<HoldingProxy> {
  const held: ServerResponse[] = [];
  const heldBodies: Array<{ url: string; body: Buffer }> = [];
  let releasing = false;
  const forward = async (url: string, body: Buffer, res: ServerResponse) => {
    const answer = await fetch(`${target}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    res.setHeader('content-type', 'application/json');
    res.end(await answer.text());
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (!releasing && new URL(req.url ?? '/', 'http://proxy').searchParams.get('key') === heldKey) {
      held.push(res);
      heldBodies.push({ url: req.url ?? '/', body });
      return;
    }
    await forward(req.url ?? '/', body, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    release: async () => {
      releasing = true;
      for (const [index, res] of held.splice(0).entries()) await forward(heldBodies[index]!.url, heldBodies[index]!.body, res);
      heldBodies.splice(0);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
