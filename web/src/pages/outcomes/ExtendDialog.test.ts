import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/session';
import { fakeApi, settle } from '../../test-support/fake-api';
import ExtendDialog from './ExtendDialog.vue';
import { EXTENDED, NOT_DELIVERED, ON_TIME } from './outcome-fixtures';
import OutcomesPage from './OutcomesPage.vue';
import ReopenDialog from './ReopenDialog.vue';

const PREVIEW = {
  changes: [
    '将把协商成果 CG-2026-0002（每月一次老旧小区加装电梯协调会）的完成时限由 2027-03-31 延至 2027-04-30。\n延期原因：等待年度预算下达\n新时限到期前 3 天再提醒；逾期仍未落实，再督办一次。',
  ],
  notified: ['安然'],
};

type Form = {
  dueDate: string;
  reason: string;
  ready: boolean;
  tooEarly(day: Date): boolean;
  loadPreview(): Promise<void>;
  confirm(): Promise<void>;
};
const body = () => document.body;
const button = (testid: string) => body().querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);

afterEach(() => {
  vi.unstubAllGlobals();
  session.member = null;
  document.body.innerHTML = '';
});

describe('the 延期 dialog', () => {
  it('asks for a later date and a reason, shows the server’s preview before 确认, then puts the date back', async () => {
    const api = fakeApi({
      'POST /api/outcomes/CG-2026-0002/extension/preview': PREVIEW,
      'POST /api/outcomes/CG-2026-0002/extension': EXTENDED,
    });
    const dialog = mount(ExtendDialog, { props: { item: ON_TIME }, attachTo: document.body });
    await flushPromises();
    await settle();
    expect(body().querySelector('[data-testid="extend-current"]')!.textContent).toContain('现在的完成时限：2027-03-31');
    for (const label of ['新的完成时限（北京时间）', '延期原因'])
      expect(body().querySelector(`[aria-label="${label}"]`), label).not.toBeNull();
    const form = dialog.vm as unknown as Form;
    // The calendar offers only days after the current due date.
    expect(form.tooEarly(new Date(2027, 2, 31))).toBe(true);
    expect(form.tooEarly(new Date(2027, 3, 1))).toBe(false);

    expect(button('extend-preview-button')!.disabled).toBe(true);
    form.dueDate = '2027-04-30';
    await flushPromises();
    expect(button('extend-preview-button')!.disabled).toBe(true);
    form.reason = '  等待年度预算下达 ';
    await flushPromises();
    expect(button('extend-preview-button')!.disabled).toBe(false);
    button('extend-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/outcomes/CG-2026-0002/extension/preview')!.body).toEqual({
      dueDate: '2027-04-30',
      reason: '等待年度预算下达',
    });
    expect(api.last('POST', '/api/outcomes/CG-2026-0002/extension')).toBeUndefined();
    const preview = body().querySelector('[data-testid="extend-preview"]')!.textContent!;
    expect(preview).toContain('由 2027-03-31 延至 2027-04-30');
    expect(preview).toContain('安然');

    button('extend-confirm')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/outcomes/CG-2026-0002/extension')!.body).toEqual({ dueDate: '2027-04-30', reason: '等待年度预算下达' });
    expect(dialog.emitted('done')).toEqual([[EXTENDED]]);
    dialog.unmount();
  });

  it('drops the preview when the reason changes, and keeps the dialog open with the server’s refusal', async () => {
    const refusal = '协商成果 CG-2026-0002 已是“已落实”，只有落实中的成果才能延期。';
    fakeApi({
      'POST /api/outcomes/CG-2026-0002/extension/preview': PREVIEW,
      'POST /api/outcomes/CG-2026-0002/extension': () =>
        new Response(JSON.stringify({ error: { code: 'outcome_extension_not_open', message: refusal } }), { status: 409 }),
    });
    const dialog = mount(ExtendDialog, { props: { item: ON_TIME }, attachTo: document.body });
    const form = dialog.vm as unknown as Form;
    form.dueDate = '2027-04-30';
    form.reason = '等待年度预算下达';
    await form.loadPreview();
    await settle();
    expect(body().querySelector('[data-testid="extend-preview"]')).not.toBeNull();
    const reason = body().querySelector<HTMLTextAreaElement>('textarea[aria-label="延期原因"]')!;
    reason.value = '等待年度预算下达和用地审批';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(body().querySelector('[data-testid="extend-preview"]')).toBeNull();
    await form.loadPreview();
    await settle();
    await form.confirm();
    await settle();
    expect(body().querySelector('[data-testid="extend-error"]')?.textContent).toContain(refusal);
    expect(dialog.emitted('done')).toBeUndefined();
    dialog.unmount();
  });
});

describe('延期 and 重新落实 on the 协商成果 page', () => {
  it('shows the count of extensions and the 办理经过 of one, opens 延期 for an item 落实中 and reloads the list after it', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(max-width: 768px)' }));
    const api = fakeApi({
      'GET /api/outcomes': { items: [EXTENDED, NOT_DELIVERED] },
      'GET /api/members': { items: [] },
      'POST /api/outcomes/CG-2026-0002/extension/preview': PREVIEW,
      'POST /api/outcomes/CG-2026-0002/extension': EXTENDED,
      'POST /api/outcomes/CG-2026-0001/preview': {
        changes: ['将把协商成果 CG-2026-0001（年底前完成青石社区路灯维修）由“未落实”改回落实中，重新落实。\n原因：产权已移交'],
        notified: [],
      },
      'PATCH /api/outcomes/CG-2026-0001': { ...NOT_DELIVERED, state: 'in-progress', stateLabel: '落实中' },
    });
    const page = mount(OutcomesPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    const cards = page.find('[data-testid="outcome-cards"]');
    expect(cards.find('[data-testid="extensions"]').text()).toBe('已延期 1 次');
    expect(cards.find('[data-testid="outcome-trail"]').text()).toContain(
      '2027-03-20 14:30 刘干事 将完成时限由 2027-03-31 延至 2027-04-30（等待年度预算下达）',
    );

    await page.find('[data-testid="extend-CG-2026-0002"]').trigger('click');
    await flushPromises();
    const form = page.findComponent(ExtendDialog).vm as unknown as Form;
    form.dueDate = '2027-05-31';
    form.reason = '等待年度预算下达';
    await form.loadPreview();
    await settle();
    const lists = () => api.calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/outcomes').length;
    const before = lists();
    await form.confirm();
    await settle();
    expect(page.findComponent(ExtendDialog).exists()).toBe(false);
    expect(lists()).toBe(before + 1);

    // 重新落实 of the item marked 未落实: a reason, the preview, then PATCH to in-progress.
    await page.find('[data-testid="reopen-CG-2026-0001"]').trigger('click');
    await flushPromises();
    expect(button('reopen-preview-button')!.disabled).toBe(true);
    const reopen = page.findComponent(ReopenDialog).vm as unknown as {
      reason: string;
      loadPreview(): Promise<void>;
      confirm(): Promise<void>;
    };
    reopen.reason = '产权已移交';
    await reopen.loadPreview();
    await settle();
    expect(body().querySelector('[data-testid="reopen-preview"]')!.textContent).toContain('由“未落实”改回落实中');
    expect(api.last('PATCH', '/api/outcomes/CG-2026-0001')).toBeUndefined();
    await reopen.confirm();
    await settle();
    expect(api.last('PATCH', '/api/outcomes/CG-2026-0001')!.body).toEqual({ state: 'in-progress', note: '产权已移交' });
    expect(page.findComponent(ReopenDialog).exists()).toBe(false);
    expect(lists()).toBe(before + 2);
    page.unmount();
  });
});
