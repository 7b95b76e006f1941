import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../api/session';
import { fakeApi, settle } from '../test-support/fake-api';
import MyRecordsPage from './MyRecordsPage.vue';

afterEach(() => {
  vi.useRealTimers();
  session.member = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('我的履职', () => {
  it('offers the member their own 述职表 of this year and last year (Beijing years) as Word files', async () => {
    // 2026-12-31 17:00 UTC is already 2027 in Beijing.
    vi.useFakeTimers({ now: new Date('2026-12-31T17:00:00Z'), toFake: ['Date'] });
    session.member = { id: 'm1', name: '安然', role: 'member' };
    fakeApi({ 'GET /api/records/me': { text: '安然（无党派）2027年履职' }, 'GET /api/roster/me': { shifts: [] } });
    const page = mount(MyRecordsPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(page.text()).toContain('年度履职报告（述职表）');
    expect(page.find('[data-testid="annual-report-2027"]').attributes('href')).toBe('/api/records/members/m1/annual-report.docx?year=2027');
    expect(page.find('[data-testid="annual-report-2026"]').text()).toBe('下载2026年度述职表');
    page.unmount();
  });
});
