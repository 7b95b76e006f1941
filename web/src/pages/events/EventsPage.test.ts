import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import { EVENT, EVENT_STATES_META } from './event-fixtures';
import EventForm from './EventForm.vue';
import EventsPage from './EventsPage.vue';

const PROGRAMME = { id: 'p1', title: '2026年界别协商议事月', state: 'active', startDate: '2026-03-01', endDate: '2026-03-31' };

function pageApi(extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/events/meta': EVENT_STATES_META,
    'GET /api/programmes': { programmes: [PROGRAMME] },
    'GET /api/events': { events: [EVENT] },
    'GET /api/members': { items: [{ id: 'm1', name: '陈委员', sector: '无党派' }] },
    'GET /api/groups': { items: [{ key: 'staff', name: '机关工作群' }] },
    'GET /api/events/7/people': { people: [] },
    ...extra,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the 活动 page', () => {
  it('lists the events with their state in Chinese and Beijing time, and filters by programme', async () => {
    const api = pageApi();
    const page = mount(EventsPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(page.text()).toContain('助推养老服务提质专题协商');
    expect(page.text()).toContain('2026-03-10 14:30');
    expect(page.text()).toContain('报名中');
    expect(page.text()).toContain('1 / 30');

    const exposed = page.vm as unknown as { programmeId: string; load(): Promise<void> };
    exposed.programmeId = 'p1';
    await exposed.load();
    expect(api.last('GET', '/api/events')!.url.searchParams.get('programmeId')).toBe('p1');
    page.unmount();
  });

  it('creates an event from the form: Beijing time with +08:00, the sectors and groups chosen, and shows it', async () => {
    const api = pageApi({ 'POST /api/events': { ...EVENT, number: 8, title: '新就业群体服务保障协商' } });
    const page = mount(EventsPage, { attachTo: document.body });
    await flushPromises();
    await page.find('[data-testid="new-event"]').trigger('click');
    await flushPromises();
    const form = page.findComponent(EventForm);
    expect(form.exists()).toBe(true);
    expect(document.body.querySelector('[aria-label="开始时间（北京时间）"]')).not.toBeNull();
    const values = (form.vm as unknown as { form: Record<string, unknown> }).form;
    Object.assign(values, {
      title: '新就业群体服务保障协商',
      sectors: ['工会'],
      startAt: '2026-03-12T09:00',
      endAt: '2026-03-12T11:30',
      place: '区政协协商议事厅',
      capacity: 40,
      targetGroups: ['staff'],
    });
    await (form.vm as unknown as { save(): Promise<void> }).save();
    await flushPromises();
    const sent = api.last('POST', '/api/events')!;
    expect(sent.body).toEqual({
      title: '新就业群体服务保障协商',
      sectors: ['工会'],
      startAt: '2026-03-12T09:00:00+08:00',
      endAt: '2026-03-12T11:30:00+08:00',
      place: '区政协协商议事厅',
      capacity: 40,
      targetGroups: ['staff'],
      state: 'open',
    });
    expect(page.findComponent(EventForm).exists()).toBe(false);
    expect(document.body.textContent).toContain('活动 8 · 新就业群体服务保障协商');
    page.unmount();
  });

  it('keeps the form open and shows the server’s sentence when it refuses', async () => {
    pageApi({
      'POST /api/events': () =>
        new Response(JSON.stringify({ error: 'event_time_invalid', message: '结束时间必须晚于开始时间。' }), { status: 400 }),
    });
    const page = mount(EventsPage, { attachTo: document.body });
    await flushPromises();
    await page.find('[data-testid="new-event"]').trigger('click');
    await flushPromises();
    const form = page.findComponent(EventForm);
    Object.assign((form.vm as unknown as { form: Record<string, unknown> }).form, {
      title: '协商会',
      sectors: ['工会'],
      startAt: '2026-03-12T11:00',
      endAt: '2026-03-12T09:00',
      place: '议事厅',
    });
    await (form.vm as unknown as { save(): Promise<void> }).save();
    await flushPromises();
    expect(page.findComponent(EventForm).exists()).toBe(true);
    expect(document.body.querySelector('[data-testid="event-form-error"]')?.textContent).toContain('结束时间必须晚于开始时间。');
    page.unmount();
  });
});

describe('cancelling a programme (取消议事月)', () => {
  const LIVE = '议事月安排“2026年界别协商议事月”还有未结束的活动：“助推养老服务提质专题协商”（编号 7）。请先取消这些活动，再取消议事月。';

  it('asks first, shows the server’s refusal naming the open events, then shows the programme as cancelled', async () => {
    let refuse = true;
    const api = pageApi({
      'DELETE /api/programmes/p1': () =>
        refuse
          ? new Response(JSON.stringify({ error: { code: 'programme_has_events', message: LIVE } }), { status: 409 })
          : new Response(JSON.stringify({ ...PROGRAMME, state: 'cancelled' }), { status: 200 }),
    });
    const page = mount(EventsPage, { attachTo: document.body });
    await flushPromises();
    expect(page.find('[data-testid="cancel-programme"]').exists()).toBe(false);
    (page.vm as unknown as { programmeId: string }).programmeId = 'p1';
    await flushPromises();

    await page.find('[data-testid="cancel-programme"]').trigger('click');
    await flushPromises();
    await settle();
    const dialog = () => document.body.querySelector('[data-testid="programme-cancel-dialog"]');
    expect(dialog()?.textContent).toContain('确定取消“2026年界别协商议事月”（2026-03-01 至 2026-03-31）吗？');
    expect(api.last('DELETE', '/api/programmes/p1')).toBeUndefined();

    document.body.querySelector<HTMLButtonElement>('[data-testid="programme-cancel-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('DELETE', '/api/programmes/p1')).toBeDefined();
    expect(document.body.querySelector('[data-testid="programme-cancel-error"]')?.textContent).toContain(LIVE);
    expect(page.find('[data-testid="cancel-programme"]').exists()).toBe(true);

    refuse = false;
    document.body.querySelector<HTMLButtonElement>('[data-testid="programme-cancel-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(page.find('[data-testid="programme-cancelled-tag"]').text()).toBe('议事月已取消');
    expect(page.find('[data-testid="cancel-programme"]').exists()).toBe(false);
    expect(page.find('[data-testid="edit-programme"]').exists()).toBe(false);

    // A new event can no longer be put in it.
    await page.find('[data-testid="new-event"]').trigger('click');
    await flushPromises();
    const options = page.findComponent(EventForm).findAllComponents({ name: 'ElOption' });
    expect(options.map((option) => option.props('label'))).not.toContain('2026年界别协商议事月');
    page.unmount();
  });
});
