import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/session';
import { fakeApi, settle } from '../../test-support/fake-api';
import { AN_RAN, CHENG_YUAN, RULES } from './points-fixtures';
import PointsPage from './PointsPage.vue';
import PointsRulesForm from './PointsRulesForm.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  session.member = null;
  document.body.innerHTML = '';
});

describe('the 履职积分 page for staff', () => {
  it('lists every member in the server’s name order with the total, the unmet minimums and the items behind each point', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    // The server answers in name order; a member with more points listed second stays second.
    const api = fakeApi({ 'GET /api/points': { members: [{ ...CHENG_YUAN, name: '白雪' }, AN_RAN] } });
    const page = mount(PointsPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/points')!.url.searchParams.get('period')).toMatch(/^\d{4}$/);
    const titles = page.findAll('.row-title').map((row) => row.text());
    expect(titles[0]).toContain('白雪');
    expect(titles[1]).toContain('安然');
    expect(titles[1]).toContain('9 分');
    expect(titles[1]).toContain('基本要求未达到 1 项');
    const sheet = page.find('[data-testid="points-sheet-m1"]').text();
    expect(sheet).toContain('社情民意被采用 1 项 × 5 分 = 5 分');
    expect(sheet).toContain('反映民意 2 项 × 1 分 = 2 分');
    expect(sheet).toContain('MY-2026-000001（2026-11-10）');
    expect(sheet).toContain('参加活动 0/3');
    expect(sheet).toContain('尚未达到');
    expect(sheet).not.toContain('参加活动 0 项');
    expect(page.text()).not.toMatch(/排名第|名次/);
    page.unmount();
  });

  it('shows the rules to staff without letting them change them', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    fakeApi({ 'GET /api/settings/points-rules': RULES });
    const form = mount(PointsRulesForm, { props: { editable: false }, attachTo: document.body });
    await flushPromises();
    expect(form.find<HTMLInputElement>('input[aria-label="接待值班每项分值"]').element.disabled).toBe(true);
    expect(form.find('[data-testid="rules-save"]').exists()).toBe(false);
    expect(form.text()).toContain('只有管理员可以修改积分规则。');
  });
});

describe('the points rules for admins', () => {
  it('names each bad value in Chinese by its kind and sends nothing until they are right, then saves', async () => {
    const api = fakeApi({ 'GET /api/settings/points-rules': RULES, 'PUT /api/settings/points-rules': (call) => call.body as object });
    const form = mount(PointsRulesForm, { props: { editable: true }, attachTo: document.body });
    await flushPromises();
    expect(document.body.querySelector('[aria-label="接待值班每项分值"]')).not.toBeNull();
    expect(document.body.querySelector('[aria-label="参加活动年度基本要求"]')).not.toBeNull();
    const rows = (form.vm as unknown as { rows: Array<{ kind: string; points: string; cap: string; minimum: string }> }).rows;
    const row = (kind: string) => rows.find((r) => r.kind === kind)!;
    expect(row('shift-served')).toMatchObject({ points: '2', cap: '24', minimum: '' });
    expect(row('event-attended')).toMatchObject({ minimum: '3' });

    row('shift-served').points = '-1';
    row('opinion-filed').cap = '很多';
    row('proposal-cosigned').cap = '5';
    row('event-attended').minimum = '0';
    const save = (form.vm as unknown as { save(): Promise<void> }).save;
    await save();
    await flushPromises();
    const problems = form.find('[data-testid="rules-problems"]').text();
    expect(problems).toContain('“接待值班”的每项分值要写 0 到 100 的整数。');
    expect(problems).toContain('“反映民意”的上限要写 0 到 1000 的整数，不设上限请留空。');
    expect(problems).toContain('“联名提案”设了上限却没有每项分值');
    expect(problems).toContain('“参加活动”的年度基本要求要写 1 到 100 的整数');
    expect(api.last('PUT', '/api/settings/points-rules')).toBeUndefined();

    row('shift-served').points = '3';
    row('opinion-filed').cap = '';
    row('proposal-cosigned').cap = '';
    row('event-attended').minimum = '2';
    await save();
    await flushPromises();
    expect(form.find('[data-testid="rules-problems"]').exists()).toBe(false);
    expect(api.last('PUT', '/api/settings/points-rules')!.body).toEqual({
      rules: [
        { kind: 'shift-served', points: 3, cap: 24 },
        { kind: 'event-attended', points: 3, cap: 30 },
        { kind: 'opinion-filed', points: 1 },
        { kind: 'social-report-adopted', points: 5 },
      ],
      minimums: [{ kind: 'event-attended', count: 2 }],
    });
    expect(form.find('[data-testid="rules-saved"]').exists()).toBe(true);
  });

  it('shows the server’s sentence when it refuses the rules', async () => {
    fakeApi({
      'GET /api/settings/points-rules': RULES,
      'PUT /api/settings/points-rules': () =>
        new Response(JSON.stringify({ error: { code: 'forbidden', message: '只有管理员可以修改设置。' } }), { status: 403 }),
    });
    const form = mount(PointsRulesForm, { props: { editable: true }, attachTo: document.body });
    await flushPromises();
    await (form.vm as unknown as { save(): Promise<void> }).save();
    await flushPromises();
    expect(form.find('[data-testid="rules-error"]').text()).toContain('只有管理员可以修改设置。');
    expect(form.find('[data-testid="rules-saved"]').exists()).toBe(false);
  });
});
