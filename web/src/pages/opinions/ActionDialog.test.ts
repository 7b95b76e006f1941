import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/http';
import { DETAIL, META, fakeApi, settle } from '../../test-support/fake-api';
import ActionDialog from './ActionDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

const props = (action: string, actionLabel: string) => ({
  opinionId: 'op1',
  opinionNumber: 'MY-2026-000123',
  action,
  actionLabel,
  grades: META.grades,
  members: [{ id: 'm7', name: '李四' }],
  communities: [],
  categories: [],
});

const button = (testId: string) => document.body.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);

describe('an action on an opinion', () => {
  it('shows the server preview of an action without parameters, then confirms with the CSRF token', async () => {
    setCsrfToken('csrf-123');
    const api = fakeApi({
      'POST /api/opinions/op1/preview': { changes: ['状态：待受理 → 已受理'], notified: ['提交人 张三'] },
      'POST /api/opinions/op1/actions': { ...DETAIL, state: 'accepted' },
    });
    const dialog = mount(ActionDialog, { props: props('accept', '受理'), attachTo: document.body });
    await flushPromises();
    await settle();

    const preview = document.body.querySelector('[data-testid="action-preview"]');
    expect(preview?.textContent).toContain('状态：待受理 → 已受理');
    expect(preview?.textContent).toContain('提交人 张三');
    expect(api.last('POST', '/api/opinions/op1/preview')).toMatchObject({
      headers: { 'X-CSRF-Token': 'csrf-123' },
      body: { action: 'accept' },
    });
    expect(api.last('POST', '/api/opinions/op1/actions')).toBeUndefined();

    button('action-confirm')!.click();
    await flushPromises();
    expect(api.last('POST', '/api/opinions/op1/actions')).toMatchObject({
      headers: { 'X-CSRF-Token': 'csrf-123' },
      body: { action: 'accept' },
    });
    expect(dialog.emitted('done')?.[0]?.[0]).toMatchObject({ state: 'accepted' });
    dialog.unmount();
  });

  it('asks for a reason first, sends it with the preview and the action, and shows a refusal as the server words it', async () => {
    setCsrfToken('csrf-456');
    const api = fakeApi({
      'POST /api/opinions/op1/preview': { changes: ['状态：待受理 → 不予受理'], notified: [] },
      'POST /api/opinions/op1/actions': () =>
        new Response(JSON.stringify({ error: 'forbidden', message: '只有工作人员可以不予受理。' }), { status: 403 }),
    });
    const dialog = mount(ActionDialog, { props: props('decline', '不予受理'), attachTo: document.body });
    await flushPromises();
    expect(button('action-preview-button')!.disabled).toBe(true);

    const reason = document.body.querySelector<HTMLTextAreaElement>(
      'textarea[data-testid="param-reason"], [data-testid="param-reason"] textarea',
    )!;
    reason.value = '不属于本委员会职责';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    button('action-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(document.body.querySelector('[data-testid="action-preview"]')?.textContent).toContain('不通知任何人');
    expect(api.last('POST', '/api/opinions/op1/preview')!.body).toEqual({ action: 'decline', reason: '不属于本委员会职责' });

    button('action-confirm')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/opinions/op1/actions')).toMatchObject({ headers: { 'X-CSRF-Token': 'csrf-456' } });
    expect(document.body.querySelector('[data-testid="action-error"]')?.textContent).toContain('只有工作人员可以不予受理。');
    expect(dialog.emitted('done')).toBeUndefined();
    dialog.unmount();
  });
});
