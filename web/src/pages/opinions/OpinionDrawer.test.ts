import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/http';
import { DETAIL, META, fakeApi, settle } from '../../test-support/fake-api';
import OpinionDrawer from './OpinionDrawer.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

describe('the opinion drawer', () => {
  it('shows the contact masked, and the full contact only after 查看联系方式 (a POST with the CSRF token)', async () => {
    setCsrfToken('csrf-789');
    const api = fakeApi({
      'GET /api/opinions/op1': DETAIL,
      'POST /api/opinions/op1/contact': { contact: { name: '周先生', phone: '13812345678' } },
    });
    const drawer = mount(OpinionDrawer, {
      props: {
        opinionId: 'op1',
        states: META.states,
        grades: META.grades,
        actionLabels: META.actions,
        members: [],
        communities: [],
        categories: [],
      },
      attachTo: document.body,
    });
    await flushPromises();
    await settle();

    const contact = () => document.body.querySelector('[data-testid="contact-value"]')?.textContent;
    expect(document.body.querySelector('[data-testid="drawer-content"]')?.textContent).toContain('路灯');
    expect(contact()).toBe('138****5678');
    expect(api.last('POST', '/api/opinions/op1/contact')).toBeUndefined();
    // The +1 count, the timeline in Beijing time (16:30 UTC is 00:30 the next day) and the allowed actions.
    expect(document.body.textContent).toContain('2 人');
    expect(document.body.textContent).toContain('2026-12-02 00:30');
    expect(document.body.querySelector('[data-testid="action-grade"]')?.textContent).toContain('分级');

    document.body.querySelector<HTMLButtonElement>('[data-testid="reveal-contact"]')!.click();
    await flushPromises();
    await settle();
    expect(contact()).toBe('周先生 13812345678');
    expect(api.last('POST', '/api/opinions/op1/contact')).toMatchObject({ headers: { 'X-CSRF-Token': 'csrf-789' } });
    expect(document.body.querySelector('[data-testid="reveal-contact"]')).toBeNull();
    drawer.unmount();
  });
});
