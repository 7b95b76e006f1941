import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addMember, bj, numberIn, say, sayConfirmed } from './records-support.js';

// 统计 per member through the records API (issue 19): the five rates of each member with their
// counts, the weekly trend and one member's 履职档案, worked out by hand from opinions filed and
// handled in the console chat, and the same figures in the XLSX export.

const clock = new ManualClock(bj('2026-11-02 09:00'));
let ids: Record<string, string>;
const numbers: string[] = [];

const { yishi: app } = useScenario(import.meta.url, { clock, scheduler: 'manual', setupTimeoutMs: 120_000 }, async () => {
  ids = {
    安然: await addMember(app, { name: '安然', sector: '无党派' }),
    程远: await addMember(app, { name: '程远', sector: '文艺界' }),
    白露: await addMember(app, { name: '白露', sector: '无党派' }),
    staff: await addMember(app, { name: '刘干事', sector: '中共', role: 'staff' }),
  };
  for (const name of ['青石社区', '柳岸村']) expect((await app.api('/api/communities', { body: { name, keywords: [] } })).status).toBe(201);
  const resolve = async (who: string, number: string) => {
    expect(await say(app, who, `办结 ${number} 已协调有关部门处理完毕`)).toContain(number);
    expect(await say(app, who, '确认')).toContain(number);
  };

  // 1: filed by 安然 on Monday 11/2, accepted in 1 h, handled by 程远, resolved 11/3, rated 满意 by 安然.
  numbers.push(numberIn(await say(app, ids.安然!, '反映 青石社区北门路灯坏了一周 #青石社区')));
  clock.set(bj('2026-11-02 10:00'));
  await sayConfirmed(app, ids.staff!, `受理 ${numbers[0]}`);
  await sayConfirmed(app, ids.staff!, `分派 ${numbers[0]} 程远`);
  clock.set(bj('2026-11-03 10:00'));
  await resolve(ids.程远!, numbers[0]!);
  clock.set(bj('2026-11-04 10:00'));
  expect(await say(app, ids.安然!, `评价 ${numbers[0]} 满意`)).toContain(numbers[0]);

  // 2: filed by a resident on 11/2, accepted only on 11/4 (late), handled by 安然, resolved 11/5, rated 不满意 on 11/16.
  clock.set(bj('2026-11-02 11:00'));
  numbers.push(numberIn(await say(app, 'resident:王阿姨', '反映 柳岸村村口的垃圾没人清运，味道很大 #柳岸村')));
  clock.set(bj('2026-11-04 11:00'));
  await sayConfirmed(app, ids.staff!, `受理 ${numbers[1]}`);
  await sayConfirmed(app, ids.staff!, `分派 ${numbers[1]} 安然`);
  clock.set(bj('2026-11-05 11:00'));
  await resolve(ids.安然!, numbers[1]!);
  clock.set(bj('2026-11-16 11:00'));
  expect(await say(app, 'resident:王阿姨', `评价 ${numbers[1]} 不满意`)).toContain(numbers[1]);

  // 3: filed by a resident in the second week and left waiting (nobody is responsible for it yet).
  clock.set(bj('2026-11-10 09:00'));
  numbers.push(numberIn(await say(app, 'resident:李大爷', '反映 青石社区广场的健身器材松动了 #青石社区')));
  clock.set(bj('2026-12-02 10:00'));
});

interface Ratio {
  num: number;
  den: number;
  percent: string | null;
}
type Rates = Record<'response' | 'onTime' | 'resolution' | 'satisfaction', Ratio> & { participation?: Ratio };
const r = (num: number, den: number) => expect.objectContaining({ num, den });

describe('the records API: rates per member', () => {
  it('gives every member their five rates with counts, and the members add up to their sector', async () => {
    const response = await app.api('/api/records/rates?period=2026-11');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body as {
      period: { key: string; from: string; to: string };
      overall: Rates;
      bySector: Array<{ name: string; rates: Rates }>;
      byMember: Array<{ id: string; name: string; sector: string; rates: Rates }>;
    };
    expect(body.period).toMatchObject({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(body.overall).toMatchObject({
      response: { num: 1, den: 3, percent: '33.3%' },
      satisfaction: { num: 1, den: 2, percent: '50.0%' },
      participation: { num: 1, den: 3, percent: '33.3%' },
    });
    const member = (name: string) => body.byMember.find((m) => m.name === name)!;
    // The active members always, staff only when something is credited to them (nothing here).
    expect(body.byMember.map((m) => m.name)).toEqual(['安然', '白露', '程远']);
    expect(member('程远')).toMatchObject({ id: ids.程远, sector: '文艺界' });
    expect(member('程远').rates).toMatchObject({
      response: r(1, 1),
      onTime: { num: 1, den: 1, percent: '100.0%' },
      satisfaction: r(1, 1),
      participation: { num: 0, den: 1, percent: '0.0%' },
    });
    expect(member('安然').rates).toMatchObject({ response: r(0, 1), onTime: r(1, 1), satisfaction: r(0, 1), participation: r(1, 1) });
    expect(member('白露').rates).toMatchObject({
      response: { num: 0, den: 0, percent: null },
      onTime: r(0, 0),
      satisfaction: r(0, 0),
      participation: r(0, 1),
    });

    for (const sector of body.bySector) {
      const members = body.byMember.filter((m) => m.sector === sector.name);
      for (const key of ['response', 'onTime', 'resolution', 'satisfaction', 'participation'] as const) {
        const sum = members.reduce((total, m) => ({ num: total.num + m.rates[key]!.num, den: total.den + m.rates[key]!.den }), {
          num: 0,
          den: 0,
        });
        expect(sum, `${sector.name} ${key}`).toEqual({ num: sector.rates[key]!.num, den: sector.rates[key]!.den });
      }
    }
  });

  it('gives each week of the period the rates that the same days give alone', async () => {
    const weekly = await app.api('/api/records/rates/weekly?period=2026-11');
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(200);
    const weeks = weekly.body.weeks as Array<{ key: string; from: string; to: string; rates: Rates }>;
    expect(weeks.map((w) => `${w.key} ${w.from}~${w.to}`)).toEqual([
      '2026-W44 2026-11-01~2026-11-01',
      '2026-W45 2026-11-02~2026-11-08',
      '2026-W46 2026-11-09~2026-11-15',
      '2026-W47 2026-11-16~2026-11-22',
      '2026-W48 2026-11-23~2026-11-29',
      '2026-W49 2026-11-30~2026-11-30',
    ]);
    expect(weeks[1]!.rates.response).toEqual({ num: 1, den: 2, percent: '50.0%' });
    expect(weeks[3]!.rates.satisfaction).toEqual({ num: 0, den: 1, percent: '0.0%' });
    for (const week of weeks) {
      const alone = await app.api(`/api/records/rates?from=${week.from}&to=${week.to}`);
      expect(week.rates, week.key).toEqual(alone.body.overall);
    }
  });

  it("gives one member's 履职档案 with their counts and rates, and 404 for nobody", async () => {
    const record = await app.api(`/api/records/members/${ids.安然}?period=2026-11`);
    expect(record.status, JSON.stringify(record.body)).toBe(200);
    expect(record.body.member).toMatchObject({ id: ids.安然, name: '安然', sector: '无党派', role: 'member' });
    expect(record.body.summary).toMatchObject({ filed: 1, resolved: 1, satisfaction: { num: 0, den: 1 } });
    expect(record.body.rates).toMatchObject({ onTime: r(1, 1), participation: r(1, 1) });
    expect(record.body.text).toContain('安然');
    const missing = await app.api('/api/records/members/nobody-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('没有这位成员，请核对成员编号。');
  });

  it('refuses a period it cannot read with a Chinese sentence', async () => {
    for (const path of ['/api/records/rates?period=2026-13', '/api/records/rates/weekly?from=2026-11-30&to=2026-11-01']) {
      const bad = await app.api(path);
      expect(bad.status, path).toBe(400);
      expect(bad.body.error.message).toContain('统计期间不对');
    }
    const view = await app.api('/api/export/rates.xlsx?view=everything');
    expect(view.status).toBe(400);
  });

  it('exports the members view and the weekly view to XLSX with the API’s figures and Chinese headers', async () => {
    const api = (await app.api('/api/records/rates?period=2026-11')).body as {
      byMember: Array<{ name: string; sector: string; rates: Rates }>;
    };
    const download = await fetch(`${app.url}/api/export/rates.xlsx?period=2026-11&view=member`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="rates-member-2026-11.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const sheet = workbook.getWorksheet('比率')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('响应率');
    const cheng = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(2).value === '程远（文艺界）')!;
    const rates = api.byMember.find((m) => m.name === '程远')!.rates;
    expect([cheng.getCell(1).value, cheng.getCell(3).value, cheng.getCell(4).value, cheng.getCell(5).value]).toEqual([
      '委员',
      rates.response.percent,
      rates.response.num,
      rates.response.den,
    ]);

    const weekly = await fetch(`${app.url}/api/export/rates.csv?period=2026-11&view=weekly`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    const text = (await weekly.text()).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[2]).toMatch(/^周,2026-W45 2026-11-02~2026-11-08,50\.0%,1,2,/);

    const one = await fetch(`${app.url}/api/export/records.csv?period=2026-11&member=${ids.安然}`, {
      headers: { authorization: `Bearer ${app.config.adminToken}` },
    });
    const rows = (await one.text()).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^安然,无党派,/);
  });

  it('describes the records routes and the exports’ views in the OpenAPI document', async () => {
    const doc = (await app.api('/api/openapi.json')).body as { paths: Record<string, { get: { parameters?: Array<{ name: string }> } }> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/records/rates', '/api/records/rates/weekly', '/api/records/members/{id}']),
    );
    expect(doc.paths['/api/export/rates.xlsx']!.get.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['period', 'view', 'member']),
    );
  });
});
