import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setCsrfToken } from '../../api/http';
import { fakeApi, settle } from '../../test-support/fake-api';
import RosterPage from './RosterPage.vue';
import { MAKE_UP_DAY, MEMBERS, NATIONAL_DAY, SWAP, shift } from './roster-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

const OCTOBER = [shift('2026-10-09', '上午', 'm3'), shift('2026-10-09', '下午', 'm1'), shift('2026-10-08', '上午', 'm1', 'served')];

function rosterApi(extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/roster/today': { date: '2026-10-09', shifts: OCTOBER.slice(0, 2) },
    'GET /api/members': { items: MEMBERS },
    'GET /api/roster': { from: '2026-10-01', to: '2026-10-31', shifts: OCTOBER, specialDays: [NATIONAL_DAY, MAKE_UP_DAY] },
    'GET /api/roster/swaps': { swaps: [SWAP, { ...SWAP, id: 'w2', state: 'agreed', answeredAt: '2026-10-09T02:00:00.000Z' }] },
    ...extra,
  });
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('the 值班 page', () => {
  it('shows today’s duty on top, the month of today with its holidays and 调休 day, and the swap requests with their state', async () => {
    const api = rosterApi();
    const page = mount(RosterPage, { attachTo: document.body });
    await flushPromises();
    await settle();

    expect(byTestId('today-duty')!.textContent).toContain('10月9日（周五）');
    expect(byTestId('today-duty')!.textContent).toContain('上午 王五（委员服务中心）');
    expect(byTestId('today-duty')!.textContent).toContain('下午 张三（委员服务中心）');
    expect(api.last('GET', '/api/roster')!.url.search).toBe('?from=2026-10-01&to=2026-10-31');
    expect(api.last('GET', '/api/roster/swaps')!.url.search).toBe('?from=2026-10-01&to=2026-10-31');

    const calendar = byTestId('month-calendar')!;
    expect(calendar.querySelector('[data-date="2026-10-01"]')!.textContent).toContain('不排班 · 国庆节·法定节假日');
    expect(calendar.querySelector('[data-date="2026-10-10"]')!.textContent).toContain('上班 · 国庆节·调休上班');
    expect(calendar.querySelector('[data-date="2026-10-09"]')!.classList).toContain('today');
    // A shift still to serve is a labelled button; a served one is only shown, marked 已签到.
    const open = calendar.querySelector<HTMLButtonElement>('button[data-testid="shift-2026-10-09-上午"]')!;
    expect(open.getAttribute('aria-label')).toBe('10月9日（周五）上午 王五（委员服务中心），调整值班');
    const served = byTestId('shift-2026-10-08-上午')!;
    expect(served.tagName).toBe('SPAN');
    expect(served.textContent).toContain('已签到');

    const swaps = byTestId('swap-list')!.textContent!;
    expect(swaps).toContain('10月13日（周二）上午：张三 → 李四');
    expect(swaps).toContain('待答复');
    expect(swaps).toContain('已同意');
    expect(swaps).toContain('申请于 2026-10-09 09:00');
    page.unmount();
  });

  it('changes a shift’s member: the server’s preview first, then the change with the CSRF token, then the month again', async () => {
    setCsrfToken('csrf-9');
    const api = rosterApi({
      'POST /api/roster/shifts/s-2026-10-09-am/preview': {
        changes: ['10月9日（周五）上午（委员服务中心）的值班将由王五改为李四。'],
        notified: ['李四', '王五', '政协办公室工作群'],
      },
      'PATCH /api/roster/shifts/s-2026-10-09-am': { shift: { ...shift('2026-10-09', '上午', 'm2'), state: 'planned' } },
    });
    const page = mount(RosterPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    const monthLoads = api.calls.filter((c) => c.url.pathname === '/api/roster').length;

    byTestId('shift-2026-10-09-上午')!.click();
    await flushPromises();
    const dialog = page.findComponent({ name: 'ChangeShiftDialog' });
    (dialog.vm as unknown as { memberId: string }).memberId = 'm2';
    await flushPromises();
    byTestId('change-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/roster/shifts/s-2026-10-09-am/preview')!.body).toEqual({ memberId: 'm2' });
    const preview = byTestId('change-preview')!.textContent!;
    expect(preview).toContain('的值班将由王五改为李四');
    expect(preview).toContain('政协办公室工作群');
    expect(api.last('PATCH', '/api/roster/shifts/s-2026-10-09-am')).toBeUndefined();

    byTestId('change-confirm')!.click();
    await flushPromises();
    await settle();
    expect(api.last('PATCH', '/api/roster/shifts/s-2026-10-09-am')).toMatchObject({
      headers: { 'X-CSRF-Token': 'csrf-9' },
      body: { memberId: 'm2' },
    });
    expect(byTestId('roster-notice')!.textContent).toContain('已改由李四值班');
    expect(api.calls.filter((c) => c.url.pathname === '/api/roster').length).toBe(monthLoads + 1);
    page.unmount();
  });

  it('shows the server’s sentence when a change is refused, and changes nothing', async () => {
    rosterApi({
      'POST /api/roster/shifts/s-2026-10-09-am/preview': () =>
        new Response(
          JSON.stringify({ error: { code: 'shift_closed', message: '这个班次已经结束（已签到或已记为未到岗），不能再调整。' } }),
          {
            status: 409,
          },
        ),
    });
    const page = mount(RosterPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    byTestId('shift-2026-10-09-上午')!.click();
    await flushPromises();
    (page.findComponent({ name: 'ChangeShiftDialog' }).vm as unknown as { memberId: string }).memberId = 'm2';
    await flushPromises();
    byTestId('change-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(byTestId('change-error')!.textContent).toContain('这个班次已经结束');
    expect(byTestId('change-confirm')).toBeNull();
    page.unmount();
  });

  it('opens the month named in the address, and keeps the month shown there when it changes', async () => {
    const api = rosterApi();
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/roster', component: RosterPage }] });
    await router.push('/roster?month=2026-11');
    const page = mount(RosterPage, { attachTo: document.body, global: { plugins: [router] } });
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/roster')!.url.search).toBe('?from=2026-11-01&to=2026-11-30');
    byTestId('month-next')!.click();
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/roster')!.url.search).toBe('?from=2026-12-01&to=2026-12-31');
    expect(router.currentRoute.value.query.month).toBe('2026-12');
    page.unmount();
  });
});
