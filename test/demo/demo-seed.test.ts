import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { DemoAdminClient } from '../../src/demo/admin-client.js';
import { demoCalendar } from '../../src/demo/demo-calendar.js';
import { hasNoMembers, seedDemoCommittee, type DemoSummary } from '../../src/demo/seed-demo.js';
import { startTestYishi, TEST_ADMIN_TOKEN, type TestYishi } from '../support/yishi.js';

// A Sunday morning in March: outside the real consultation month, and a weekend.
const clock = new ManualClock('2026-03-08T02:00:00Z');

let app: TestYishi;
let client: DemoAdminClient;
let summary: DemoSummary;

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { clock, redis: false, scheduler: 'manual' });
  client = new DemoAdminClient(app.url, TEST_ADMIN_TOKEN);
  expect(await hasNoMembers(client)).toBe(true);
  summary = await seedDemoCommittee(client, clock.now());
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('the demo committee', () => {
  it('has 20 people in eight sectors with an admin, staff and one convenor per sector', async () => {
    const { items } = (await app.api('/api/members')).body as { items: Array<{ role: string; sector: string; isConvenor: boolean }> };
    expect(items).toHaveLength(20);
    expect(items.filter((m) => m.role === 'admin')).toHaveLength(1);
    expect(items.filter((m) => m.role === 'staff')).toHaveLength(2);
    const sectors = new Set(items.map((m) => m.sector));
    expect([...sectors].sort()).toEqual(['中共', '共青团', '医卫界', '工会', '文艺界', '教育界', '无党派', '经济界'].sort());
    for (const sector of sectors) expect(items.filter((m) => m.sector === sector && m.isConvenor)).toHaveLength(1);
    expect(await hasNoMembers(client)).toBe(false);
  });

  it('has 47 villages and communities, each with keywords and a QR code, and categories with keywords', async () => {
    const communities = (await app.api('/api/communities')).body.items as Array<{ name: string; keywords: string[]; code?: string }>;
    expect(communities).toHaveLength(47);
    expect(communities.every((c) => /(村|社区)$/.test(c.name) && c.keywords.length > 0 && c.code)).toBe(true);
    const categories = (await app.api('/api/categories')).body.items as Array<{ keywords: string[] }>;
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(categories.every((c) => c.keywords.length > 0)).toBe(true);
  });

  it('has someone on duty today, a Sunday, and a roster to the end of the month', async () => {
    const today = (await app.api('/api/roster?from=2026-03-08&to=2026-03-08')).body.shifts as Array<{ slot: string; memberName: string }>;
    expect(today.map((s) => s.slot)).toEqual(['上午', '下午']);
    const month = (await app.api('/api/roster?from=2026-03-01&to=2026-03-31')).body.shifts as Array<{ date: string }>;
    expect(month[0]!.date).toBe('2026-03-08');
    expect(month.at(-1)!.date).toBe('2026-03-31');
    expect(summary.shifts).toBe(month.length);
  });

  it('answers 值班 on the console with today’s duty member', async () => {
    const today = (await app.api('/api/roster?from=2026-03-08&to=2026-03-08')).body.shifts as Array<{ memberName: string }>;
    const answer = await client.say('resident:路人甲', '值班');
    for (const shift of today) expect(answer).toContain(shift.memberName);
  });

  it('has a consultation month with the three themed events of the source, shifted to begin four days from now', async () => {
    const list = (await app.api('/api/programmes')).body.programmes as Array<{ id: string; title: string }>;
    expect(list).toHaveLength(1);
    const items = (await app.api(`/api/events?programmeId=${list[0]!.id}`)).body.events as Array<{
      title: string;
      sectors: string[];
      startAt: string;
    }>;
    expect(items.map((e) => e.sectors.join('、'))).toEqual(['工会、共青团', '中共', '无党派、文艺界']);
    expect(items.map((e) => e.startAt)).toEqual(['2026-03-12T06:30:00.000Z', '2026-03-13T01:30:00.000Z', '2026-03-16T06:30:00.000Z']);
  });

  it('has opinions in different states of the closed loop', async () => {
    const { items } = (await app.api('/api/opinions?pageSize=50')).body as { items: Array<{ number: string; state: string }> };
    expect(items.map((o) => o.number).sort()).toEqual([...summary.opinions].sort());
    expect(new Set(items.map((o) => o.state))).toEqual(
      new Set(['submitted', 'accepted', 'in_progress', 'closed', 'escalated', 'declined', 'assigned']),
    );
  });
});

describe('the demo calendar', () => {
  it('keeps the source’s real dates (24, 25, 28 September) when they are at most 60 days ahead', () => {
    const calendar = demoCalendar(new Date('2026-08-20T02:00:00Z'));
    expect(calendar.programme).toMatchObject({
      startDate: '2026-09-01',
      endDate: '2026-09-30',
      firstEventDate: '2026-09-24',
      shifted: false,
    });
  });

  it('shifts the month to begin today when September is past or far away, and covers at least two weeks of duty', () => {
    const late = demoCalendar(new Date('2026-09-27T02:00:00Z'));
    expect(late.programme).toMatchObject({ startDate: '2026-09-27', firstEventDate: '2026-10-01', shifted: true });
    expect(late.roster).toMatchObject({ from: '2026-09-27', to: '2026-10-10' });
  });
});
