import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestYishi, type TestYishi } from '../support/yishi.js';

// In the app project: Yishi on in-memory repositories and coordination, with no database at all.
describe('health and metrics on in-memory stores', () => {
  let t: TestYishi;
  beforeAll(async () => {
    t = await startTestYishi(import.meta.url, { scheduler: 'manual' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is alive and ready, naming the in-memory store instead of MongoDB', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ready', memory: 'ok', coordination: { kind: 'memory', status: 'ok' } });
    expect(body.mongodb).toBeUndefined();
  });

  it('serves the metrics, the outbox depth among them', async () => {
    await t.api('/api/members', { body: { name: '张三', role: 'member', sector: '工会' } });
    await t.tick();
    const metrics = await fetch(`${t.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/yishi_outbox_depth \d+/);
  });
});
