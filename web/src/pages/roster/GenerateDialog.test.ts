import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import GenerateDialog from './GenerateDialog.vue';
import { MAKE_UP_DAY, MEMBERS, NATIONAL_DAY } from './roster-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const DRAFT = {
  from: '2026-10-01',
  to: '2026-10-31',
  workingDays: 17,
  kept: 0,
  specialDays: [NATIONAL_DAY, MAKE_UP_DAY],
  shifts: [
    { date: '2026-10-08', slot: '上午', memberId: 'm2', memberName: '李四', place: '老年活动中心' },
    { date: '2026-10-08', slot: '下午', memberId: 'm1', memberName: '张三', place: '老年活动中心' },
  ],
};
const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function filled() {
  const dialog = mount(GenerateDialog, { props: { month: '2026-10', members: MEMBERS }, attachTo: document.body });
  await flushPromises();
  expect((byTestId('generate-preview-button') as HTMLButtonElement).disabled).toBe(true);
  const form = (dialog.vm as unknown as { form: { memberIds: string[]; slots: string; place: string } }).form;
  form.memberIds = ['m2', 'm1'];
  form.slots = 'halfDays';
  form.place = ' 老年活动中心 ';
  await flushPromises();
  return dialog;
}

describe('generating a month', () => {
  it('shows the month the server planned, with its holidays and 调休 day, before anything is generated', async () => {
    const api = fakeApi({ 'POST /api/roster/plan': DRAFT, 'POST /api/roster/generate': { ...DRAFT, created: 34 } });
    const dialog = await filled();
    expect(byTestId('generate-order')!.textContent).toContain('李四 → 张三');

    byTestId('generate-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/roster/plan')!.body).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      memberIds: ['m2', 'm1'],
      slots: ['上午', '下午'],
      place: '老年活动中心',
    });
    expect(api.last('POST', '/api/roster/generate')).toBeUndefined();
    expect(byTestId('generate-summary')!.textContent).toContain('共17个工作日，将排2个班次');
    const special = byTestId('generate-special-days')!.textContent!;
    expect(special).toContain('10月1日（周四） 不排班（国庆节·法定节假日）');
    expect(special).toContain('10月10日（周六） 上班（国庆节·调休上班）');
    expect(byTestId('generate-preview')!.querySelector('[data-date="2026-10-08"]')!.textContent).toContain('上午 李四');

    byTestId('generate-confirm')!.click();
    await flushPromises();
    expect(api.last('POST', '/api/roster/generate')!.body).toEqual(api.last('POST', '/api/roster/plan')!.body);
    expect(dialog.emitted('done')?.[0]).toEqual([34, '2026-10']);
    dialog.unmount();
  });

  it('shows the sentence chat gives for a bad request, and asks for a new preview after any change', async () => {
    fakeApi({
      'POST /api/roster/plan': () =>
        new Response(JSON.stringify({ error: { code: 'roster_member_not_found', message: '没有找到委员“m9”（或已停用），请核对。' } }), {
          status: 400,
        }),
    });
    const dialog = await filled();
    byTestId('generate-preview-button')!.click();
    await flushPromises();
    await settle();
    expect(byTestId('generate-error')!.textContent).toContain('没有找到委员“m9”（或已停用），请核对。');
    expect(byTestId('generate-confirm')).toBeNull();
    dialog.unmount();
  });
});
