import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import { EVENT, EVENT_STATES_META } from './event-fixtures';
import EventDetail from './EventDetail.vue';
import OutcomeDialog from './OutcomeDialog.vue';

const PERSON = { memberId: 'm1', name: '陈委员', sector: '无党派', signedUpAt: '2026-03-02T02:00:00.000Z' };
const mountDetail = () =>
  mount(EventDetail, {
    attachTo: document.body,
    props: { initial: EVENT, states: EVENT_STATES_META.states, members: [{ id: 'm2', name: '赵委员' }] },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('an event’s detail', () => {
  it('shows the sign-up list and checks a member in as staff, then shows the time', async () => {
    let checkedIn = false;
    const api = fakeApi({
      'GET /api/events/7/people': () => ({ people: [checkedIn ? { ...PERSON, checkedInAt: '2026-03-10T06:10:00.000Z' } : PERSON] }),
      'POST /api/events/7/check-ins': () => {
        checkedIn = true;
        return { event: { ...EVENT, attendanceCount: 1 }, at: '2026-03-10T06:10:00.000Z' };
      },
    });
    const detail = mountDetail();
    await flushPromises();
    await settle();
    expect(document.body.textContent).toContain('陈委员');
    expect(document.body.textContent).toContain('报名 2026-03-02 10:00');
    const button = document.body.querySelector<HTMLButtonElement>('[aria-label="为陈委员签到"]')!;
    button.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/events/7/check-ins')!.body).toEqual({ memberId: 'm1' });
    expect(document.body.textContent).toContain('签到 2026-03-10 14:10');
    expect(document.body.querySelector('[aria-label="为陈委员签到"]')).toBeNull();
    detail.unmount();
  });

  it('shows the server’s sentence when check-in is not open yet', async () => {
    fakeApi({
      'GET /api/events/7/people': { people: [PERSON] },
      'POST /api/events/7/check-ins': () =>
        new Response(JSON.stringify({ error: 'event_check_in_not_open', message: '“助推养老服务提质专题协商”的签到还没有开始。' }), {
          status: 409,
        }),
    });
    const detail = mountDetail();
    await flushPromises();
    await (detail.vm as unknown as { checkIn(id: string): Promise<void> }).checkIn('m1');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="people-error"]')?.textContent).toContain('签到还没有开始');
    detail.unmount();
  });
});

describe('cancelling an event', () => {
  it('says who will be told before it cancels, then shows the event as cancelled', async () => {
    const api = fakeApi({
      'GET /api/events/7/people': { people: [PERSON] },
      'DELETE /api/events/7': { ...EVENT, state: 'cancelled' },
    });
    const detail = mountDetail();
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="event-cancel"]')!.click();
    await flushPromises();
    await settle();
    const dialog = document.body.querySelector('[data-testid="cancel-dialog"]')!;
    expect(dialog.textContent).toContain('无党派、文艺界');
    expect(dialog.textContent).toContain('已报名的 1 位委员');
    expect(api.last('DELETE', '/api/events/7')).toBeUndefined();
    document.body.querySelector<HTMLButtonElement>('[data-testid="cancel-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('DELETE', '/api/events/7')).toBeDefined();
    expect(document.body.querySelector('[data-testid="event-state-tag"]')?.textContent).toContain('已取消');
    expect(document.body.querySelector('[data-testid="event-cancel"]')).toBeNull();
    expect(detail.emitted('changed')).toHaveLength(1);
    detail.unmount();
  });
});

describe('recording the outcome', () => {
  it('previews what will change and who will be told, then records it with the opinions picked', async () => {
    const api = fakeApi({
      'GET /api/opinions': { items: [{ number: 'MY-2026-000001', content: '青石社区老人多，附近没有助餐点' }] },
      'POST /api/events/7/outcome/preview': {
        changes: ['将记录“助推养老服务提质专题协商”（编号 7）的活动结果。'],
        notified: ['MY-2026-000001 的反映人'],
      },
      'POST /api/events/7/outcome': {
        event: EVENT,
        replaced: false,
        linked: ['MY-2026-000001'],
        resolved: ['MY-2026-000001'],
        notEscalated: [],
        notFound: [],
      },
    });
    const dialog = mount(OutcomeDialog, { attachTo: document.body, props: { event: EVENT } });
    await flushPromises();
    expect(api.last('GET', '/api/opinions')!.url.searchParams.get('state')).toBe('escalated');
    const exposed = dialog.vm as unknown as { text: string; picked: string[]; loadPreview(): Promise<void>; confirm(): Promise<void> };
    exposed.text = '增设老年助餐点';
    exposed.picked = ['MY-2026-000001'];
    await exposed.loadPreview();
    await flushPromises();
    expect(api.last('POST', '/api/events/7/outcome/preview')!.body).toEqual({
      outcome: '增设老年助餐点',
      opinionNumbers: ['MY-2026-000001'],
    });
    expect(document.body.querySelector('[data-testid="outcome-preview"]')?.textContent).toContain('MY-2026-000001 的反映人');
    expect(api.last('POST', '/api/events/7/outcome')).toBeUndefined();

    await exposed.confirm();
    await flushPromises();
    expect(api.last('POST', '/api/events/7/outcome')!.body).toEqual({ outcome: '增设老年助餐点', opinionNumbers: ['MY-2026-000001'] });
    expect(document.body.querySelector('[data-testid="outcome-report"]')?.textContent).toContain('已按本次结果办结：MY-2026-000001');
    dialog.unmount();
  });
});
