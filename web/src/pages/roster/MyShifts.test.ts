import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import MyShifts from './MyShifts.vue';
import { shift } from './roster-fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('a member’s own shifts', () => {
  it('lists the shifts still to come, as chat’s 我的值班 does', async () => {
    fakeApi({ 'GET /api/roster/me': { shifts: [shift('2026-10-12', '上午', 'm1'), shift('2026-10-15', '全天', 'm1', 'swapped')] } });
    const section = mount(MyShifts);
    await flushPromises();
    expect(section.text()).toContain('10月12日（周一） 上午，委员服务中心');
    expect(section.text()).toContain('10月15日（周四） 全天，委员服务中心');
    expect(section.text()).toContain('已换班');
    expect(section.text()).toContain('换班 日期 委员姓名');
  });

  it('says so when there are none', async () => {
    fakeApi({ 'GET /api/roster/me': { shifts: [] } });
    const section = mount(MyShifts);
    await flushPromises();
    expect(section.text()).toContain('您接下来没有值班安排。');
  });
});
