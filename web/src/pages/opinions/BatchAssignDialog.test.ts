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
    expect(confirm().disabled).toBe(true);

    (dialog.vm as unknown as { handlerId: string }).handlerId = 'm7';
    await flushPromises();
    expect(document.body.textContent).toContain('确认后，李四 会收到每条民意的分派通知。');
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
