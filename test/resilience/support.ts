import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { envelope, seal, textMessageXml } from '../platforms/wecom/wecom-client.js';

/** A member's distinct 反映, sealed fresh for each delivery (as WeCom re-sends the same message). */
export interface Opinion {
  msgId: string;
  from: string;
  content: string;
}

export function opinions(count: number, members: string[], tag = randomBytes(3).toString('hex')): Opinion[] {
  const base = BigInt(`0x${randomBytes(6).toString('hex')}`) * 100_000n;
  return Array.from({ length: count }, (_, n) => ({
    msgId: String(base + BigInt(n)),
    from: members[n % members.length]!,
    content: `反映 ${tag}号楼第${n}户门前的下水道堵塞了，请安排疏通`,
  }));
}

/** One delivery the way WeCom makes it; resolves with the status (0: no answer within `timeoutMs`). */
export async function deliver(baseUrl: string, opinion: Opinion, timeoutMs = 15_000): Promise<number> {
  const { ciphertext, query } = seal(
    textMessageXml({ from: opinion.from, content: opinion.content, msgId: opinion.msgId }),
    undefined,
    undefined,
    randomBytes(4).toString('hex'),
  );
  try {
    const response = await fetch(`${baseUrl}/wecom/app?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: envelope(ciphertext),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Delivers again (as WeCom retries) until a 2xx; returns every status seen. */
export async function deliverUntilAccepted(baseUrl: () => string, opinion: Opinion, withinMs = 60_000): Promise<number[]> {
  const statuses: number[] = [];
  const deadline = Date.now() + withinMs;
  for (;;) {
    const status = await deliver(baseUrl(), opinion);
    statuses.push(status);
    if (status >= 200 && status < 300) return statuses;
    if (Date.now() > deadline) throw new Error(`message ${opinion.msgId} was never accepted (statuses ${statuses.join(',')})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await work(items[index]!, index);
      }
    }),
  );
}

/** How many opinions hold each of these contents (the command word is not stored). */
export async function filedTimes(db: Connection, wanted: Opinion[]): Promise<number[]> {
  const stored = await db
    .collection('opinions')
    .find({}, { projection: { content: 1 } })
    .toArray();
  const counts = new Map<string, number>();
  for (const { content } of stored) counts.set(String(content), (counts.get(String(content)) ?? 0) + 1);
  return wanted.map((opinion) => counts.get(opinion.content.replace(/^反映\s+/, '')) ?? 0);
}

/** Polls until `check` holds (not a timing assertion: it only bounds how long the test waits). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
