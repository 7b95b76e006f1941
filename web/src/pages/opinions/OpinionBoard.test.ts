import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/session';
import { lang, toggleLang } from '../../i18n';
import { ITEM, META, fakeApi, settle } from '../../test-support/fake-api';
import OpinionBoard from './OpinionBoard.vue';

function boardApi() {
  return fakeApi({
    'GET /api/opinions/meta': META,
    'GET /api/opinions': { items: [ITEM], total: 1, page: 1, pageSize: 20, countsByState: { submitted: 1, accepted: 4 } },
    'GET /api/opinions/changes': { cursor: 'c1', changed: false },
    'GET /api/members': { items: [{ id: 'm7', name: '李四', role: 'staff' }] },
    'GET /api/communities': { items: [{ id: 'c1', name: '东城社区' }] },
    'GET /api/categories': { items: [{ id: 'k1', name: '市政设施' }] },
  });
}

afterEach(() => {
  if (lang.value === 'en') toggleLang();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the opinion board', () => {
  it('asks for the first page, shows the counts per state and sends the words typed as q', async () => {
    session.member = { id: 's1', name: '王五', role: 'staff' };
    const api = boardApi();
    const board = mount(OpinionBoard, { attachTo: document.body });
    await flushPromises();
    await settle();

    expect(api.last('GET', '/api/opinions')!.url.search).toBe('?page=1&pageSize=20&sort=-createdAt');
    expect(board.text()).toContain('MY-2026-000123');
    expect(board.find('[data-testid="tab-accepted"]').text()).toContain('4');
    expect(board.text()).toContain('全部 5');

    await board.find('input[aria-label="搜索内容中的词"]').setValue(' 路灯 ');
    await board.find('[data-testid="filter-overdue"] input').setValue(true);
    await board.find('[data-testid="filter-search"]').trigger('submit');
    await flushPromises();
    const params = api.last('GET', '/api/opinions')!.url.searchParams;
    expect(params.get('q')).toBe('路灯');
    expect(params.get('overdue')).toBe('true');
    expect(params.get('page')).toBe('1');
    board.unmount();
  });

  it('labels the board in English when the language is switched, and in Chinese again after', async () => {
    session.member = { id: 's1', name: '王五', role: 'staff' };
    boardApi();
    const board = mount(OpinionBoard, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(board.find('[data-testid="tab-submitted"]').text()).toContain('待受理');
    toggleLang();
    await flushPromises();
    const text = board.text();
    expect(text).toContain('All 5');
    expect(board.find('[data-testid="tab-submitted"]').text()).toContain('Submitted');
    expect(text).toContain('Number');
    expect(text).toContain('Filed');
    expect(text).toContain('1 in all');
    expect(board.find('input[aria-label="Words in the text"]').exists()).toBe(true);
    expect(board.find('[data-testid="filter-search"]').text()).toBe('Search');
    expect(text).not.toMatch(/全部|编号|提交时间|查询|重置|只看超期/);
    toggleLang();
    await flushPromises();
    expect(board.text()).toContain('全部 5');
    board.unmount();
  });

  it('filters by state when a tab is chosen, keeping the other filters', async () => {
    session.member = { id: 's1', name: '王五', role: 'staff' };
    const api = boardApi();
    const board = mount(OpinionBoard, { attachTo: document.body });
    await flushPromises();
    const exposed = board.vm as unknown as { filters: { q?: string }; stateTab: string; load(): Promise<void> };
    exposed.filters.q = '井盖';
    exposed.stateTab = 'accepted';
    await exposed.load();
    const params = api.last('GET', '/api/opinions')!.url.searchParams;
    expect(params.get('state')).toBe('accepted');
    expect(params.get('q')).toBe('井盖');
    board.unmount();
  });
});
