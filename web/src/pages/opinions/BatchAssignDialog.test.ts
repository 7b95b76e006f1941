import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/http';
import { ITEM, fakeApi, settle } from '../../test-support/fake-api';
import BatchAssignDialog from './BatchAssignDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

describe('assigning several opinions at once', () => {
  it('sends every id with the chosen handler and the CSRF token, and lists the ones the server refused', async () => {
    setCsrfToken('csrf-batch');
    const api = fakeApi({
      'POST /api/opinions/op1/preview': { changes: ['承办人：李四', '状态：待受理 → 已分派'], notified: ['李四：收到分派通知'] },
      'POST /api/opinions/op2/preview': () =>
        new Response(JSON.stringify({ error: 'bad_state', message: '这条民意已办结，不能分派。' }), { status: 409 }),
      'POST /api/opinions/assign': {
        results: [
          { id: 'op1', ok: true },
          { id: 'op2', ok: false, message: '这条民意已办结，不能分派。' },
        ],
      },
    });
    const items = [ITEM, { ...ITEM, id: 'op2', number: 'MY-2026-000124' }];
    const dialog = mount(BatchAssignDialog, { props: { items, members: [{ id: 'm7', name: '李四' }] }, attachTo: document.body });
    await flushPromises();
    expect(document.body.textContent).toContain('MY-2026-000123、MY-2026-000124');
    const confirm = () => document.body.querySelector<HTMLButtonElement>('[data-testid="batch-confirm"]')!;

    const previewButton = () => document.body.querySelector<HTMLButtonElement>('[data-testid="batch-preview-button"]');
    expect(confirm()).toBeNull(); // no confirming before the preview
    expect(previewButton()!.disabled).toBe(true);

    (dialog.vm as unknown as { handlerId: string }).handlerId = 'm7';
    await flushPromises();
    previewButton()!.click();
    await flushPromises();
    await settle();
    // Who gets what and who will be told, per opinion, before anything changes.
    const preview = document.body.querySelector('[data-testid="batch-preview"]')!.textContent!;
    expect(preview).toContain('MY-2026-000123');
    expect(preview).toContain('承办人：李四');
    expect(preview).toContain('将通知：李四：收到分派通知');
    expect(preview).toContain('MY-2026-000124不能分派：这条民意已办结，不能分派。');
    expect(api.last('POST', '/api/opinions/op1/preview')).toMatchObject({ body: { action: 'assign', handlerId: 'm7' } });
    expect(api.last('POST', '/api/opinions/assign')).toBeUndefined();
    confirm().click();
    await flushPromises();
    await settle();

    expect(api.last('POST', '/api/opinions/assign')).toMatchObject({
      headers: { 'X-CSRF-Token': 'csrf-batch' },
      body: { ids: ['op1', 'op2'], handlerId: 'm7' },
    });
    expect(document.body.textContent).toContain('MY-2026-000124：这条民意已办结，不能分派。');
    expect(dialog.emitted('done')).toBeUndefined();
    dialog.unmount();
  });
});
