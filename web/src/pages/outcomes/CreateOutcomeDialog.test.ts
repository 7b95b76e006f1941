import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import CreateOutcomeDialog from './CreateOutcomeDialog.vue';
import { ON_TIME } from './outcome-fixtures';
import { beijingToday } from './outcomes-api';

const MEMBERS = [
  { id: 'm1', name: '安然' },
  { id: 'm2', name: '李明' },
];
const EVENTS = [
  { number: 11, title: '社区议事会', state: 'done' },
  {
    number: 12,
    title: '加装电梯协商会',
    state: 'done',
    outcome: { text: '议定三件事', opinionNumbers: ['MY-2026-000123', 'MY-2026-000200'] },
  },
];
const PREVIEW = {
  changes: [
    '将为活动“加装电梯协商会”（编号 12）登记一项协商成果：每月一次老旧小区加装电梯协调会\n责任：安然\n完成时限：2027-03-31',
    '涉及民意：MY-2026-000200',
  ],
  notified: ['安然'],
};

type Form = {
  sourceKind: string;
  eventNumber: number | undefined;
  pickedOpinions: string[];
  opinion: string;
  text: string;
  responsibleKind: string;
  unit: string;
  memberId: string;
  dueDate: string;
  ready: boolean;
  loadPreview(): Promise<void>;
  confirm(): Promise<void>;
};

const body = () => document.body;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the dialog that enters a 协商成果 item', () => {
  it('offers only events with a recorded outcome, names every control, and sends a member-owned item after its preview', async () => {
    const api = fakeApi({
      'GET /api/events': { events: EVENTS },
      'GET /api/opinions': { items: [{ number: 'MY-2026-000300', content: '菜市场周边停车难' }] },
      'POST /api/outcomes/preview': PREVIEW,
      'POST /api/outcomes': ON_TIME,
    });
    const dialog = mount(CreateOutcomeDialog, { props: { members: MEMBERS }, attachTo: document.body });
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/opinions')!.url.searchParams.get('state')).toBe('escalated');
    for (const label of ['成果来源', '活动（已记录活动结果）', '成果内容', '责任方', '责任单位名称', '完成时限（北京时间）'])
      expect(body().querySelector(`[aria-label="${label}"]`), label).not.toBeNull();

    const form = dialog.vm as unknown as Form & { events: unknown[] };
    expect(form.events).toEqual([{ number: 12, title: '加装电梯协商会', opinionNumbers: ['MY-2026-000123', 'MY-2026-000200'] }]);
    expect(form.ready).toBe(false);
    form.eventNumber = 12;
    await flushPromises();
    // The event's outcome settles two opinions: this item may name some of them.
    expect(body().querySelector('[aria-label="这项成果落实的民意"]')).not.toBeNull();
    form.pickedOpinions = ['MY-2026-000200'];
    form.text = ' 每月一次老旧小区加装电梯协调会 ';
    form.responsibleKind = 'member';
    await flushPromises();
    expect(body().querySelector('[aria-label="责任委员"]')).not.toBeNull();
    expect(body().querySelector('[aria-label="责任单位名称"]')).toBeNull();
    form.memberId = 'm1';
    form.dueDate = '2027-03-31';
    await flushPromises();
    expect(form.ready).toBe(true);

    await form.loadPreview();
    await settle();
    const sent = {
      event: 12,
      text: '每月一次老旧小区加装电梯协调会',
      responsibleMemberId: 'm1',
      dueDate: '2027-03-31',
      opinionNumbers: ['MY-2026-000200'],
    };
    expect(api.last('POST', '/api/outcomes/preview')!.body).toEqual(sent);
    expect(api.last('POST', '/api/outcomes')).toBeUndefined();
    const preview = body().querySelector('[data-testid="create-preview"]')!.textContent!;
    expect(preview).toContain('责任：安然\n完成时限：2027-03-31');
    expect(preview).toContain('涉及民意：MY-2026-000200');
    expect(preview).toContain('安然（责任委员）');

    body().querySelector<HTMLButtonElement>('[data-testid="create-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/outcomes')!.body).toEqual(sent);
    expect(dialog.emitted('done')?.[0]).toEqual([ON_TIME]);
    dialog.unmount();
  });

  it('enters an item for an escalated opinion typed by number, with a unit, and shows the server’s refusal', async () => {
    const refusal = '民意 MY-2026-000999 还没有转为协商议题，不能登记协商成果。';
    const api = fakeApi({
      'GET /api/events': { events: [] },
      'GET /api/opinions': { items: [] },
      'POST /api/outcomes/preview': () =>
        new Response(JSON.stringify({ error: { code: 'outcome_opinion_not_escalated', message: refusal } }), { status: 409 }),
    });
    const dialog = mount(CreateOutcomeDialog, { props: { members: MEMBERS }, attachTo: document.body });
    await flushPromises();
    const form = dialog.vm as unknown as Form;
    form.sourceKind = 'opinion';
    await flushPromises();
    expect(body().querySelector('[aria-label="民意编号"]')).not.toBeNull();
    expect(body().querySelector('[aria-label="活动（已记录活动结果）"]')).toBeNull();
    form.opinion = 'MY-2026-999';
    form.text = '修复路灯';
    form.unit = '区城管局';
    form.dueDate = beijingToday();
    await flushPromises();
    expect(form.ready).toBe(false);
    expect(body().querySelector('[data-testid="create-dialog"]')!.textContent).toContain('民意编号的格式是');
    form.opinion = ' my-2026-000999';
    await flushPromises();
    expect(form.ready).toBe(true);
    form.text = '修复路灯';
    form.unit = '区城管局';
    form.dueDate = beijingToday();
    await form.loadPreview();
    await settle();
    expect(api.last('POST', '/api/outcomes/preview')!.body).toEqual({
      opinion: 'MY-2026-000999',
      text: '修复路灯',
      responsibleUnit: '区城管局',
      dueDate: beijingToday(),
    });
    expect(body().querySelector('[data-testid="create-error"]')?.textContent).toContain(refusal);
    expect(body().querySelector('[data-testid="create-confirm"]')).toBeNull();
    dialog.unmount();
  });

  it('takes Beijing’s today, not the browser’s, as the earliest due date', () => {
    // 2026-12-02 17:30 UTC is already 12-03 in Beijing.
    expect(beijingToday(new Date('2026-12-02T17:30:00Z'))).toBe('2026-12-03');
    expect(beijingToday(new Date('2026-12-02T15:59:00Z'))).toBe('2026-12-02');
  });
});
