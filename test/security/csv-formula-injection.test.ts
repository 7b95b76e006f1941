import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { runCli } from '../cli/cli-support.js';
import { testStores } from '../support/stores.js';
import { startTestYishi, TEST_ADMIN_TOKEN, type TestYishi } from '../support/yishi.js';

const stores = testStores(import.meta.url);
const clock = new ManualClock('2026-11-10T02:00:00Z');
const FORMULA_START = /^[=+\-@\t\r]/;
/** What a resident typed: a spreadsheet would run it as a formula that fetches a link. */
const RESIDENT_TEXT = '=HYPERLINK("http://evil.example/x","东门路灯坏了三天，点此查看")';
let app: TestYishi;

const say = async (from: string, text: string) =>
  ((await app.api('/console/messages', { body: { from, text } })).body.replies as Array<{ text: string }>).map((r) => r.text).join('\n');

async function download(path: string): Promise<string> {
  const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Every cell of the CSV; none may start like a formula, and the hostile ones must be there, quoted. */
function expectNeutralised(csv: string, where: string, hostile: string[]): void {
  const cells = (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
  expect(
    cells.filter((cell) => FORMULA_START.test(cell)),
    where,
  ).toEqual([]);
  for (const text of hostile) expect(cells, where).toContain(`'${text}`);
}

beforeAll(async () => {
  app = await startTestYishi(import.meta.url, { stores, clock, redis: false, scheduler: 'manual' });
  expect((await app.api('/api/communities', { body: { name: '-青石社区', keywords: [] } })).status).toBe(201);
  expect((await app.api('/api/members', { body: { name: '@甲委员', sector: '+工会', role: 'member' } })).status).toBe(201);
  expect(await say('resident:王阿姨', `反映 ${RESIDENT_TEXT} #-青石社区`)).toMatch(/MY-2026-\d{6}/);
});
afterAll(async () => {
  await app?.stop();
});

describe('CSV formula injection', () => {
  it('is neutralised in /api/opinions/export.csv', async () => {
    const csv = await download('/api/opinions/export.csv');
    expect(csv).toContain('evil.example');
    expectNeutralised(csv, 'opinions/export.csv', ['-青石社区']);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('is neutralised in /api/export/opinions.csv, records.csv and rates.csv', async () => {
    const opinions = await download('/api/export/opinions.csv?period=本月');
    expect(opinions).toContain(`'=HYPERLINK`);
    expectNeutralised(opinions, 'export/opinions.csv', ['-青石社区']);
    expectNeutralised(await download('/api/export/records.csv?period=本月'), 'export/records.csv', ['@甲委员', '+工会']);
    expectNeutralised(await download('/api/export/rates.csv?period=本月'), 'export/rates.csv', ['-青石社区']);
  });

  it('is neutralised in what `yishi export` writes, and a member list still imports back as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-csv-injection-'));
    const env = { MONGODB_URI: stores.mongoUri };
    for (const what of ['opinions', 'members', 'communities']) {
      const run = await runCli(['export', what, '--out', join(dir, `${what}.csv`)], { env });
      expect(run.code, run.stderr).toBe(0);
    }
    const opinions = readFileSync(join(dir, 'opinions.csv'), 'utf8');
    expect(opinions).toContain(`'=HYPERLINK`);
    expectNeutralised(opinions, 'yishi export opinions', ['-青石社区']);
    expectNeutralised(readFileSync(join(dir, 'members.csv'), 'utf8'), 'yishi export members', ['@甲委员', '+工会']);
    expectNeutralised(readFileSync(join(dir, 'communities.csv'), 'utf8'), 'yishi export communities', ['-青石社区']);

    await app.db.collection('members').deleteMany({});
    const imported = await runCli(['import', 'members', join(dir, 'members.csv')], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(await app.db.collection('members').findOne({ name: '@甲委员' })).toMatchObject({ sector: '+工会' });
  }, 300_000);
});
