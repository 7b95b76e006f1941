import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import ProgrammeForm from './ProgrammeForm.vue';

const PROGRAMME = {
  id: 'p1',
  title: '2026年界别协商议事月',
  state: 'active' as const,
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  description: '围绕民生议题',
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

type Exposed = { form: Record<string, string>; save(): Promise<void> };

describe('the programme form (议事月)', () => {
  it('creates a programme from its dates and leaves an empty description out', async () => {
    const api = fakeApi({ 'POST /api/programmes': PROGRAMME });
    const form = mount(ProgrammeForm, { attachTo: document.body, props: { programme: null } });
    Object.assign((form.vm as unknown as Exposed).form, {
      title: ' 2026年界别协商议事月 ',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    });
    await (form.vm as unknown as Exposed).save();
    await flushPromises();
    expect(api.last('POST', '/api/programmes')!.body).toEqual({
      title: '2026年界别协商议事月',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    });
    expect(form.emitted('saved')?.[0]).toEqual([PROGRAMME]);
    form.unmount();
  });

  it('edits a programme, clearing its description with null, and shows the server’s sentence when refused', async () => {
    const api = fakeApi({
      'PATCH /api/programmes/p1': () =>
        new Response(JSON.stringify({ error: 'programme_dates_invalid', message: '结束日期不能早于开始日期。' }), { status: 400 }),
    });
    const form = mount(ProgrammeForm, { attachTo: document.body, props: { programme: PROGRAMME } });
    Object.assign((form.vm as unknown as Exposed).form, { description: '', endDate: '2026-02-01' });
    await (form.vm as unknown as Exposed).save();
    await flushPromises();
    expect(api.last('PATCH', '/api/programmes/p1')!.body).toEqual({
      title: '2026年界别协商议事月',
      startDate: '2026-03-01',
      endDate: '2026-02-01',
      description: null,
    });
    expect(form.emitted('saved')).toBeUndefined();
    expect(document.body.querySelector('[data-testid="programme-form-error"]')?.textContent).toContain('结束日期不能早于开始日期。');
    form.unmount();
  });
});
