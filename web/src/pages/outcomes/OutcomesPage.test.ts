import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/session';
import { fakeApi, settle } from '../../test-support/fake-api';
import { NOT_DELIVERED, ON_TIME, OVERDUE } from './outcome-fixtures';
import OutcomesPage from './OutcomesPage.vue';
import SettleDialog from './SettleDialog.vue';

const SETTLE_PREVIEW = {
  changes: ['将把协商成果 CG-2026-0001（年底前完成青石社区路灯维修）改为：未落实（路灯产权不清，需先移交）。'],
  notified: [],
};

function pageApi(extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/outcomes': { items: [OVERDUE, ON_TIME] },
    'GET /api/members': { items: [{ id: 'm1', name: '安然' }] },
    ...extra,
  });
}

const body = () => document.body;
type Exposed = { stateFilter: string; overdueFilter: string; eventFilter: string; opinionFilter: string; load(): Promise<void> };

afterEach(() => {
  vi.unstubAllGlobals();
  session.member = null;
  document.body.innerHTML = '';
});

describe('the 协商成果 page', () => {
  it('lists the items with the responsible party, the due date, the state and an overdue tag, and filters on the server', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const api = pageApi();
    const page = mount(OutcomesPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    const table = page.find('[data-testid="outcome-table"]');
    expect(table.exists()).toBe(true);
    expect(table.text()).toContain('年底前完成青石社区路灯维修');
    expect(table.text()).toContain('区城管局');
    expect(table.text()).toContain('2026-11-20');
    expect(table.text()).toContain('活动 12 · MY-2026-000123');
    expect(table.text()).toContain('安然');
    expect(page.findAll('[data-testid="overdue-tag"]')).toHaveLength(1);
    expect(table.text()).toContain('已督办');
    for (const label of ['按状态查看', '按是否逾期查看', '按活动编号查看', '按民意编号查看'])
      expect(body().querySelector(`[aria-label="${label}"]`), label).not.toBeNull();

    const exposed = page.vm as unknown as Exposed;
    exposed.stateFilter = 'in-progress';
    exposed.overdueFilter = 'true';
    exposed.eventFilter = ' 12 ';
    exposed.opinionFilter = 'my-2026-000123';
    await exposed.load();
    const query = api.last('GET', '/api/outcomes')!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({ state: 'in-progress', overdue: 'true', event: '12', opinion: 'MY-2026-000123' });

    // A malformed opinion number is named in Chinese here, without asking the server.
    const asked = api.calls.length;
    exposed.opinionFilter = 'MY-26-1';
    await exposed.load();
    await settle();
    expect(api.calls.length).toBe(asked);
    expect(body().querySelector('[data-testid="outcomes-error"]')?.textContent).toContain('民意编号的格式是');

    exposed.stateFilter = '';
    exposed.overdueFilter = '';
    exposed.eventFilter = '';
    exposed.opinionFilter = '';
    await exposed.load();
    expect([...api.last('GET', '/api/outcomes')!.url.searchParams]).toEqual([]);
    page.unmount();
  });

  it('shows cards on a phone-sized screen, with the overdue tag and the reason of an item not delivered', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(max-width: 768px)' }));
    pageApi({ 'GET /api/outcomes': { items: [OVERDUE, NOT_DELIVERED] } });
    const page = mount(OutcomesPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(page.find('[data-testid="outcome-table"]').exists()).toBe(false);
    const cards = page.find('[data-testid="outcome-cards"]');
    expect(cards.element.children).toHaveLength(2);
    expect(cards.findAll('[data-testid="overdue-tag"]')).toHaveLength(1);
    expect(cards.text()).toContain('原因：路灯产权不清，需先移交');
    const trail = cards.find('[data-testid="outcome-trail"]').text();
    expect(trail).toContain('2026-11-01 10:00 刘干事 登记');
    expect(trail).toContain('2026-11-21 09:00 逾期未落实，已向办公室群发出督办通知');
    expect(cards.findAll('[data-testid="outcome-trail"]')[1]!.text()).toContain(
      '2026-11-25 10:00 刘干事 改为未落实（路灯产权不清，需先移交）',
    );
    // Only the item still 落实中 can be settled or put back; the one settled can be taken back (重新落实).
    expect(cards.findAll('button').map((b) => b.attributes('aria-label'))).toEqual([
      '办结 CG-2026-0001',
      '延期 CG-2026-0001',
      '重新落实 CG-2026-0001',
    ]);
    page.unmount();
  });

  it('settles an item as 未落实 only with a reason, after showing the server’s preview, then reloads the list', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const api = pageApi({
      'POST /api/outcomes/CG-2026-0001/preview': SETTLE_PREVIEW,
      'PATCH /api/outcomes/CG-2026-0001': NOT_DELIVERED,
    });
    const page = mount(OutcomesPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    await page.find('[data-testid="settle-CG-2026-0001"]').trigger('click');
    await flushPromises();
    await settle();

    const dialog = page.findComponent(SettleDialog);
    const form = dialog.vm as unknown as { to: string; note: string; loadPreview(): Promise<void> };
    form.to = 'not-delivered';
    await flushPromises();
    expect(body().querySelector('[aria-label="未落实原因"]')).not.toBeNull();
    expect(body().querySelector<HTMLButtonElement>('[data-testid="settle-preview-button"]')!.disabled).toBe(true);
    form.note = '  路灯产权不清，需先移交 ';
    await flushPromises();
    expect(body().querySelector<HTMLButtonElement>('[data-testid="settle-preview-button"]')!.disabled).toBe(false);
    body().querySelector<HTMLButtonElement>('[data-testid="settle-preview-button"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/outcomes/CG-2026-0001/preview')!.body).toEqual({
      state: 'not-delivered',
      note: '路灯产权不清，需先移交',
    });
    expect(api.last('PATCH', '/api/outcomes/CG-2026-0001')).toBeUndefined();
    const preview = body().querySelector('[data-testid="settle-preview"]')!.textContent!;
    expect(preview).toContain('改为：未落实（路灯产权不清，需先移交）');
    expect(preview).toContain('不通知任何人');

    const listsBefore = api.calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/outcomes').length;
    body().querySelector<HTMLButtonElement>('[data-testid="settle-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('PATCH', '/api/outcomes/CG-2026-0001')!.body).toEqual({ state: 'not-delivered', note: '路灯产权不清，需先移交' });
    expect(page.findComponent(SettleDialog).exists()).toBe(false);
    expect(api.calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/outcomes').length).toBe(listsBefore + 1);
    page.unmount();
  });

  it('asks for a new preview when the choice changes, and keeps the dialog open with the server’s refusal', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const refusal = '协商成果 CG-2026-0001 已经已落实，不能再改。';
    const api = pageApi({
      'POST /api/outcomes/CG-2026-0001/preview': {
        changes: ['将把协商成果 CG-2026-0001（年底前完成青石社区路灯维修）改为：已落实。'],
        notified: ['提出民意 MY-2026-000123 的群众'],
      },
      'PATCH /api/outcomes/CG-2026-0001': () =>
        new Response(JSON.stringify({ error: { code: 'outcome_settled', message: refusal } }), { status: 409 }),
    });
    const page = mount(OutcomesPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    await page.find('[data-testid="settle-CG-2026-0001"]').trigger('click');
    await flushPromises();
    const form = page.findComponent(SettleDialog).vm as unknown as { loadPreview(): Promise<void>; confirm(): Promise<void> };
    await form.loadPreview();
    await settle();
    expect(api.last('POST', '/api/outcomes/CG-2026-0001/preview')!.body).toEqual({ state: 'delivered' });
    expect(body().querySelector('[data-testid="settle-preview"]')!.textContent).toContain('提出民意 MY-2026-000123 的群众');

    // Choosing 未落实 after the preview drops it: the preview was for 已落实.
    body().querySelector<HTMLInputElement>('[data-testid="settle-not-delivered"] input')!.click();
    await flushPromises();
    expect(body().querySelector('[data-testid="settle-preview"]')).toBeNull();
    expect(body().querySelector('[data-testid="settle-confirm"]')).toBeNull();
    body().querySelector<HTMLInputElement>('[data-testid="settle-delivered"] input')!.click();
    await flushPromises();
    await form.loadPreview();
    await settle();
    await form.confirm();
    await settle();
    expect(body().querySelector('[data-testid="settle-error"]')?.textContent).toContain(refusal);
    expect(page.findComponent(SettleDialog).exists()).toBe(true);
    page.unmount();
  });
});
