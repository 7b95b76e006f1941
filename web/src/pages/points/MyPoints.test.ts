import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import MyPoints from './MyPoints.vue';
import { AN_RAN, CHENG_YUAN } from './points-fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('a member’s own points on 我的履职', () => {
  it('shows the year’s total and the items behind every point, from /api/points/me', async () => {
    const api = fakeApi({ 'GET /api/points/me': AN_RAN });
    const section = mount(MyPoints);
    await flushPromises();
    expect(api.last('GET', '/api/points/me')!.url.searchParams.get('period')).toMatch(/^\d{4}$/);
    expect(section.find('[data-testid="my-points-total"]').text()).toMatch(/^\d{4}年共 9 分$/);
    expect(section.text()).toContain('社情民意被采用 1 项 × 5 分 = 5 分');
    expect(section.text()).toContain('SQ-2026-0001（2026-11-20）');
    expect(section.text()).toContain('不排名');
  });

  it('says so when there are none yet', async () => {
    fakeApi({ 'GET /api/points/me': CHENG_YUAN });
    const section = mount(MyPoints);
    await flushPromises();
    expect(section.text()).toContain('这段时间还没有积分');
  });
});
