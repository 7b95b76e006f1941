import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import PeriodPicker from './PeriodPicker.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the period picker', () => {
  it('offers the chat’s period words and custom dates, each control labelled, and hands on only a whole range', async () => {
    const picker = mount(PeriodPicker, { props: { modelValue: { period: '本月' } }, attachTo: document.body });
    expect(picker.find('[aria-label="统计期间"]').exists()).toBe(true);
    const exposed = picker.vm as unknown as { word: string; from: string; to: string; emitChoice(): void };

    exposed.word = '上季度';
    exposed.emitChoice();
    expect(picker.emitted('update:modelValue')!.at(-1)).toEqual([{ period: '上季度' }]);

    exposed.word = 'custom';
    await flushPromises();
    expect(picker.text()).toContain('开始日期');
    expect(picker.text()).toContain('结束日期');
    exposed.from = '2026-11-02';
    exposed.emitChoice();
    expect(picker.emitted('update:modelValue')).toHaveLength(1);
    exposed.to = '2026-11-15';
    await picker.find('form').trigger('submit');
    expect(picker.emitted('update:modelValue')!.at(-1)).toEqual([{ from: '2026-11-02', to: '2026-11-15' }]);
    picker.unmount();
  });

  it('starts on the dates in the address', () => {
    const picker = mount(PeriodPicker, { props: { modelValue: { from: '2026-11-02', to: '2026-11-15' } } });
    expect((picker.vm as unknown as { word: string }).word).toBe('custom');
    picker.unmount();
  });
});
