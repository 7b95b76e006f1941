import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { fakeApi, settle } from '../../test-support/fake-api';
import { MEMBER_RECORD } from '../../test-support/statistics-fixtures';
import MemberRecordPage from './MemberRecordPage.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory('/workbench/'),
    routes: [
      { path: '/statistics', name: 'statistics', component: { template: '<p>统计</p>' } },
      { path: '/statistics/members/:id?', name: 'member-record', component: MemberRecordPage },
    ],
  });
  await router.push(path);
  const page = mount(MemberRecordPage, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  await settle();
  return { page, router };
}

const MEMBERS = {
  items: [
    { id: 'm2', name: '程远', sector: '文艺界' },
    { id: 'm1', name: '安然', sector: '无党派' },
  ],
};

describe('a member’s 履职档案 for staff', () => {
  it('asks to pick a member first, then shows their counts, five rates, card and export for the period', async () => {
    const api = fakeApi({ 'GET /api/members': MEMBERS, 'GET /api/records/members/m1': MEMBER_RECORD });
    const { page, router } = await mountAt('/statistics/members?period=2026-11');
    expect(page.text()).toContain('请先选择一位委员。');
    expect(api.last('GET', '/api/records/members/m1')).toBeUndefined();

    (page.vm as unknown as { pick(id: string): void }).pick('m1');
    await flushPromises();
    await settle();
    expect(router.currentRoute.value.params.id).toBe('m1');
    expect(api.last('GET', '/api/records/members/m1')!.url.searchParams.get('period')).toBe('2026-11');
    expect(page.find('[data-testid="count-shifts"]').text()).toBe('2');
    expect(page.find('[data-testid="count-satisfaction"]').text()).toBe('0/1');
    expect(page.find('[data-testid="member-rates"] [data-rate="response"]').text()).toBe('0.0%（0/3）');
    expect(page.find('[data-testid="member-card"]').text()).toContain('安然（无党派）');
    expect(page.find('[data-testid="export-member-record"]').attributes('href')).toBe('/api/export/records.xlsx?period=2026-11&member=m1');
    const report = page.find('[data-testid="annual-report"]');
    expect(report.attributes('href')).toBe('/api/records/members/m1/annual-report.docx?year=2026');
    expect(report.text()).toBe('下载2026年度述职表（Word）');
    expect(page.text()).toContain('接待值班');
    page.unmount();
  });

  it('opens straight on the member in the address, and says what the server says when they are unknown', async () => {
    fakeApi({
      'GET /api/members': MEMBERS,
      'GET /api/records/members/m1': MEMBER_RECORD,
      'GET /api/records/members/gone': () =>
        new Response(JSON.stringify({ error: 'member_not_found', message: '没有这位成员，请核对成员编号。' }), { status: 404 }),
    });
    const shown = await mountAt('/statistics/members/m1');
    expect(shown.page.find('[data-testid="period-range"]').text()).toContain('安然 · 无党派 · 2026-11-01 至 2026-11-30');
    shown.page.unmount();
    const missing = await mountAt('/statistics/members/gone');
    expect(missing.page.text()).toContain('没有这位成员，请核对成员编号。');
    missing.page.unmount();
  });
});
