import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { fakeApi, settle } from '../../test-support/fake-api';
import { RATES, WEEKLY } from '../../test-support/statistics-fixtures';
import StatisticsPage from './StatisticsPage.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory('/workbench/'),
    routes: [
      { path: '/statistics', name: 'statistics', component: StatisticsPage },
      { path: '/statistics/members/:id?', name: 'member-record', component: { template: '<p>档案</p>' } },
    ],
  });
  await router.push(path);
  const page = mount(StatisticsPage, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  await settle();
  return { page, router };
}

const cell = (page: ReturnType<typeof mount>, scope: string, row: string, rate: string) =>
  page.find(`[data-testid="${scope}"] [data-row="${row}"][data-rate="${rate}"]`).text();

describe('the statistics page', () => {
  it('shows the five rates with their counts overall and per sector, as the API gives them, for the period in the address', async () => {
    const api = fakeApi({ 'GET /api/records/rates': RATES, 'GET /api/records/rates/weekly': WEEKLY });
    const { page } = await mountAt('/statistics?period=2026-11');

    expect(api.last('GET', '/api/records/rates')!.url.searchParams.get('period')).toBe('2026-11');
    expect(api.last('GET', '/api/records/rates/weekly')!.url.searchParams.get('period')).toBe('2026-11');
    expect(page.find('[data-testid="period-range"]').text()).toBe('2026-11-01 至 2026-11-30');
    expect(page.find('[data-testid="annual-summary"]').attributes('href')).toBe('/api/records/annual-summary.docx?year=2026');
    expect(cell(page, 'rates-overall', 'overall', 'response')).toBe('33.3%（1/3）');
    expect(cell(page, 'rates-overall', 'overall', 'resolution')).toBe('—（0/0）');
    expect(cell(page, 'rates-sector', '文艺界', 'response')).toBe('66.7%（2/3）');
    expect(cell(page, 'rates-sector', '无党派', 'participation')).toBe('33.3%（1/3）');
    expect(page.text()).toContain('响应率');
    expect(page.text()).toContain('建言率');
    page.unmount();
  });

  it('links each view to its XLSX export for the same period', async () => {
    fakeApi({ 'GET /api/records/rates': RATES, 'GET /api/records/rates/weekly': WEEKLY });
    const { page } = await mountAt('/statistics?from=2026-11-02&to=2026-11-15');
    expect(page.find('[data-testid="export-sector"]').attributes('href')).toBe(
      '/api/export/rates.xlsx?from=2026-11-02&to=2026-11-15&view=sector',
    );
    expect(page.find('[data-testid="export-sector"]').text()).toBe('导出 Excel');
    page.unmount();
  });

  it('shows members with a link to their 履职档案, communities without 建言率, and the weeks', async () => {
    fakeApi({ 'GET /api/records/rates': RATES, 'GET /api/records/rates/weekly': WEEKLY });
    const { page } = await mountAt('/statistics?period=本月');
    const exposed = page.vm as unknown as { tab: string };

    exposed.tab = 'member';
    await flushPromises();
    await settle();
    expect(cell(page, 'rates-member', 'm2', 'response')).toBe('66.7%（2/3）');
    const link = page.find('[data-testid="rates-member"] a[aria-label="查看履职档案：程远"]');
    expect(link.attributes('href')).toContain('/statistics/members/m2');
    expect(page.find('[data-testid="export-member"]').attributes('href')).toBe(
      `/api/export/rates.xlsx?period=${encodeURIComponent('本月')}&view=member`,
    );

    exposed.tab = 'community';
    await flushPromises();
    await settle();
    expect(cell(page, 'rates-community', '青石社区', 'response')).toBe('33.3%（1/3）');
    expect(page.find('[data-testid="rates-community"] [data-rate="participation"]').exists()).toBe(false);

    exposed.tab = 'weekly';
    await flushPromises();
    await settle();
    expect(cell(page, 'rates-weekly', '2026-W46', 'response')).toBe('0.0%（0/3）');
    expect(page.find('[data-testid="rates-weekly"]').text()).toContain('2026-W45（11-02~11-08）');
    page.unmount();
  });

  it('asks again when another period is chosen, and shows the server’s sentence when it refuses', async () => {
    const api = fakeApi({
      'GET /api/records/rates': (call) =>
        call.url.searchParams.get('period') === '上月'
          ? new Response(JSON.stringify({ error: 'invalid_request', message: '统计期间不对。' }), { status: 400 })
          : RATES,
      'GET /api/records/rates/weekly': WEEKLY,
    });
    const { page, router } = await mountAt('/statistics');
    expect(api.last('GET', '/api/records/rates')!.url.searchParams.get('period')).toBe('本月');
    (page.vm as unknown as { choice: { period: string } }).choice = { period: '上月' };
    await flushPromises();
    await settle();
    expect(router.currentRoute.value.query.period).toBe('上月');
    expect(page.text()).toContain('统计期间不对。');
    page.unmount();
  });
});
