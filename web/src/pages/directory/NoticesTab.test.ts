import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/http';
import { fakeApi, settle } from '../../test-support/fake-api';
import NoticesTab from './NoticesTab.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

const NOTICE = {
  id: 'n1',
  dueAt: '2026-12-01T02:00:00.000Z',
  attempts: 5,
  recipient: '#staff',
  reason: '群机器人已失效（可能被移出了群，或 Webhook 地址已失效）',
  detail: 'wecom-group-robot wecom_robot_broken: 93000',
  text: '【新反映】MY-2026-000123 路灯坏了',
};

describe('failed notices', () => {
  it('lists each with its reason in Chinese and Beijing time, and sends one again', async () => {
    setCsrfToken('csrf-notice');
    let failed = [NOTICE];
    const api = fakeApi({
      'GET /api/outbox/failed': () => ({ items: failed, total: failed.length }),
      'POST /api/outbox/retry': () => {
        failed = [];
        return { queued: 1, notFailed: [] };
      },
    });
    const tab = mount(NoticesTab, { attachTo: document.body });
    await flushPromises();
    await settle();
    const table = document.body.querySelector('[data-testid="notice-table"]')!.textContent!;
    expect(table).toContain('群机器人已失效');
    expect(table).toContain('#staff');
    expect(table).toContain('2026-12-01 10:00');
    document.body.querySelector<HTMLButtonElement>('[aria-label="重发给#staff的通知"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/outbox/retry')).toMatchObject({ headers: { 'X-CSRF-Token': 'csrf-notice' }, body: { ids: ['n1'] } });
    expect(document.body.querySelector('[data-testid="notice-table"]')!.textContent).toContain('没有发送失败的通知。');
    tab.unmount();
  });
});
