import mongoose, { type Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../support/scenario.js';
import { register } from '../services/opinions/opinion-chat.js';
import { testStores } from '../support/stores.js';
import { openAppReply, postToApp, textMessageXml } from '../platforms/wecom/wecom-client.js';

/**
 * How many store commands one message costs, counted by the MongoDB driver's command monitoring
 * on the app's own connection while a signed WeCom callback is answered (issue 20). Counts, not
 * times: the budgets hold on any machine. `scheduler: 'manual'` keeps the outbox's sending out of
 * the request path, where it belongs (it runs after the answer).
 */
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);
const READS = new Set(['find', 'aggregate', 'count', 'distinct', 'getMore']);

const stores = testStores(import.meta.url);
const { yishi, wecom } = useScenario(import.meta.url, {
  wecom: true,
  scheduler: 'manual',
  stores,
  env: {
    // The driver emits 'commandStarted' only on a client made with monitorCommands.
    MONGODB_URI: `${stores.mongoUri}${stores.mongoUri.includes('?') ? '&' : '?'}monitorCommands=true`,
    // The longest WeCom allows: the whole handling stays inside the callback (passive reply), on the request path.
    WECOM_REPLY_WITHIN_MS: '4000',
  },
});

/** The app's own connection (not the test's `db`): the one mongoose made for this file's database. */
function appConnection(): Connection {
  const found = mongoose.connections.filter((c) => c.name === yishi.stores.dbName && c !== yishi.db);
  expect(found).toHaveLength(1);
  return found[0]!;
}

let sent = 0;

/**
 * A member writes to the WeCom app (signed, encrypted); resolves with the answer once it is given,
 * in the callback's response (short answers) or through WeCom's send API (long ones, like 帮助).
 */
async function wecomSays(from: string, content: string): Promise<string> {
  sent += 1;
  const before = wecom.appMessages.length;
  const response = await postToApp(yishi.url, textMessageXml({ from, content, msgId: `92000000${String(sent).padStart(8, '0')}` }));
  expect(response.status).toBe(200);
  const body = await response.text();
  if (body && body !== 'success') return openAppReply(body).Content ?? '';
  await expect.poll(() => wecom.appMessages.length, { timeout: 60_000 }).toBeGreaterThan(before);
  return wecom.appMessages
    .slice(before)
    .filter((m) => m.touser === from)
    .map((m) => m.content)
    .join('\n');
}

/** The store commands started while `act` runs, by name. */
async function commandsDuring(act: () => Promise<unknown>): Promise<{ reads: string[]; writes: string[]; all: string[] }> {
  const client = appConnection().getClient();
  const seen: string[] = [];
  const listener = (event: CommandStartedEvent) => seen.push(event.commandName);
  client.on('commandStarted', listener);
  try {
    await act();
  } finally {
    client.off('commandStarted', listener);
  }
  const all = seen.filter((name) => READS.has(name) || WRITES.has(name));
  return { all, reads: all.filter((name) => READS.has(name)), writes: all.filter((name) => WRITES.has(name)) };
}

describe('store commands per message (driver command monitoring, through the signed WeCom callback)', () => {
  it('the connection reports its commands (the counting below could not pass by seeing nothing)', async () => {
    await register(yishi, { name: '预算委员', sector: '文艺界', role: 'member', wecomUserId: 'budget1' });
    const counted = await commandsDuring(() => wecomSays('budget1', '反映 北门的垃圾桶满了两天没人清'));
    expect(counted.writes.length).toBeGreaterThan(0);
  });

  it('帮助 writes nothing and reads at most once', async () => {
    await wecomSays('budget1', '帮助'); // the member has spoken before: a steady state, not a cold start
    let reply = '';
    const counted = await commandsDuring(async () => (reply = await wecomSays('budget1', '帮助')));
    expect(reply).toContain('反映');
    expect(counted.writes, JSON.stringify(counted.all)).toEqual([]);
    expect(counted.reads.length, JSON.stringify(counted.all)).toBeLessThanOrEqual(1);
  });

  /**
   * Issue 20's budget is 5 round trips. Today's path takes 7 (who is speaking and the keyword
   * dictionaries come from memory): the inbox claim, the year's counter, the opinion, its ledger
   * fact, the staff notice (outbox and its live queue), and the stored answer. The ceiling below is
   * the measured count, so any added store call fails here; lower it as calls leave the request path.
   */
  const FILING_ROUND_TRIPS_NOW = 7;

  it(`反映 files an opinion in at most ${FILING_ROUND_TRIPS_NOW} store round trips on the request path (issue 20 aims at 5)`, async () => {
    let reply = '';
    const counted = await commandsDuring(async () => (reply = await wecomSays('budget1', '反映 南门的路灯不亮了，晚上出行不便')));
    expect(reply).toMatch(/MY-\d{4}-\d{6}/);
    expect(counted.all.length, JSON.stringify(counted.all)).toBeLessThanOrEqual(FILING_ROUND_TRIPS_NOW);
  });
});
