import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import { REPORT } from './report-fixtures';
import ReportEditDialog from './ReportEditDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const EDITABLE = {
  ...REPORT,
  state: 'submitted' as const,
  stateLabel: '已报送',
  editable: true,
  nextSteps: ['edited' as const, 'not-adopted' as const],
};

describe('editing a report’s text', () => {
  it('counts the characters as the server does, refuses to save over 1,500, and sends only what changed', async () => {
    const api = fakeApi({ 'PATCH /api/social-reports/SQ-2026-0001': { ...EDITABLE, title: '关于加装电梯的情况反映' } });
    const dialog = mount(ReportEditDialog, { props: { report: EDITABLE }, attachTo: document.body });
    await settle();
    const count = () => document.body.querySelector('[data-testid="edit-count"]')!.textContent!;
    const save = () => document.body.querySelector<HTMLButtonElement>('[data-testid="edit-save"]')!;
    expect(count()).toContain('全文共 61 字（上限 1500 字');
    for (const field of ['标题', '基本情况', '原因分析', '意见建议', '反映人单位'])
      expect(document.body.querySelector(`[aria-label="${field}"]`), field).not.toBeNull();

    const form = (dialog.vm as unknown as { form: Record<string, string> }).form;
    form.situation = '情 况'.repeat(800);
    await flushPromises();
    expect(count()).toMatch(/全文共 1\d{3} 字（上限 1500 字，不计空格和换行），请精简/);
    expect(save().disabled).toBe(true);

    form.situation = EDITABLE.situation;
    form.title = ' 关于加装电梯的情况反映 ';
    await flushPromises();
    expect(save().disabled).toBe(false);
    await (dialog.vm as unknown as { save(): Promise<void> }).save();
    expect(api.last('PATCH', '/api/social-reports/SQ-2026-0001')!.body).toEqual({ title: '关于加装电梯的情况反映' });
    expect(dialog.emitted('saved')).toHaveLength(1);
  });
});
