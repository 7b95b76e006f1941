import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import MembersTab from './MembersTab.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const MEMBERS = [
  { id: 'm1', name: '孙委员', sector: '文艺界', role: 'member', isConvenor: true, active: true },
  { id: 'm2', name: '钱委员', sector: '教育界', role: 'staff', active: false },
];

describe('the members tab', () => {
  it('lists active members with Chinese roles, shows deactivated ones on request, and offers changes only to admins', async () => {
    const api = fakeApi({ 'GET /api/members': { items: MEMBERS, total: 2 } });
    const tab = mount(MembersTab, { props: { canChange: false }, attachTo: document.body });
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/members')?.url.searchParams.get('includeInactive')).toBe('true');
    const table = () => document.body.querySelector('[data-testid="member-table"]')!.textContent!;
    expect(table()).toContain('孙委员');
    expect(table()).toContain('委员（召集人）');
    expect(table()).not.toContain('钱委员');
    expect(document.body.querySelector('[data-testid="member-add"]')).toBeNull();
    expect(document.body.querySelector('[aria-label="停用孙委员"]')).toBeNull();
    expect(document.body.textContent).toContain('添加、修改、停用和导入成员需要管理员');
    expect(document.body.querySelector('a[href="/api/members/export.xlsx"]')?.textContent).toContain('导出 Excel');

    document.body.querySelector<HTMLInputElement>('.el-checkbox input')!.click();
    await flushPromises();
    await settle();
    expect(table()).toContain('钱委员');
    expect(table()).toContain('已停用');
    tab.unmount();
  });
});
