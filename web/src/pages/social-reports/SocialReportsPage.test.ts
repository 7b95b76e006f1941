import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../api/session';
import { fakeApi, settle } from '../../test-support/fake-api';
import { ADOPTED, REPORT } from './report-fixtures';
import SocialReportsPage from './SocialReportsPage.vue';
import StepDialog from './StepDialog.vue';

const PREVIEW = {
  changes: ['将把社情民意信息 SQ-2026-0001《关于老旧小区加装电梯难的情况反映》（安然）改为：已被市政协采用（批示：请住建局研究落实）。'],
  notified: ['安然'],
};

function pageApi(extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/social-reports': { items: [REPORT] },
    'GET /api/members': { items: [{ id: 'm1', name: '安然' }] },
    ...extra,
  });
}

const body = () => document.body;

afterEach(() => {
  vi.unstubAllGlobals();
  session.member = null;
  document.body.innerHTML = '';
});

describe('the 社情民意 page for staff', () => {
  it('lists the year’s reports with the reporter, Beijing time and the state in words, and filters by state', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const api = pageApi();
    const page = mount(SocialReportsPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    const year = String(new Date().getUTCFullYear());
    expect(api.last('GET', '/api/social-reports')!.url.searchParams.get('period')).toMatch(new RegExp(`^(${year}|${Number(year) + 1})$`));
    expect(page.text()).toContain('关于老旧小区加装电梯难的情况反映');
    expect(page.text()).toContain('安然');
    expect(page.text()).toContain('2026-11-10 10:00');
    expect(page.text()).toContain('已上报市政协');
    expect(page.find('[data-testid="export-xlsx"]').attributes('href')).toMatch(/^\/api\/social-reports\/export\.xlsx\?period=\d{4}$/);

    const exposed = page.vm as unknown as { stateFilter: string; load(): Promise<void> };
    exposed.stateFilter = 'adopted';
    await exposed.load();
    expect(api.last('GET', '/api/social-reports')!.url.searchParams.get('state')).toBe('adopted');
    page.unmount();
  });

  it('moves a report to 已采用 by the city committee only after showing what will change and who is told', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const api = pageApi({
      'POST /api/social-reports/SQ-2026-0001/steps/preview': PREVIEW,
      'POST /api/social-reports/SQ-2026-0001/steps': ADOPTED,
    });
    const page = mount(SocialReportsPage, { attachTo: document.body });
    await flushPromises();
    (page.vm as unknown as { open(r: typeof REPORT): void }).open(REPORT);
    await flushPromises();
    await settle();
    expect(body().querySelector('[data-testid="report-drawer"]')?.textContent).toContain('已上报市政协');
    expect(body().querySelector('[data-testid="report-edit"]')).toBeNull();
    body().querySelector<HTMLButtonElement>('[data-testid="step-adopted"]')!.click();
    await flushPromises();
    await settle();

    const dialog = page.findComponent(StepDialog);
    expect(body().querySelector('[aria-label="采用单位"]')).not.toBeNull();
    expect(body().querySelector('[aria-label="批示（可不填）"]')).not.toBeNull();
    expect(body().querySelector<HTMLButtonElement>('[data-testid="step-preview-button"]')!.disabled).toBe(true);
    const form = dialog.vm as unknown as { level: string; note: string; loadPreview(): Promise<void>; confirm(): Promise<void> };
    form.level = 'city';
    form.note = '请住建局研究落实';
    await form.loadPreview();
    await settle();
    expect(api.last('POST', '/api/social-reports/SQ-2026-0001/steps/preview')!.body).toEqual({
      to: 'adopted',
      level: 'city',
      note: '请住建局研究落实',
    });
    expect(api.last('POST', '/api/social-reports/SQ-2026-0001/steps')).toBeUndefined();
    const preview = body().querySelector('[data-testid="step-preview"]')!.textContent!;
    expect(preview).toContain('改为：已被市政协采用（批示：请住建局研究落实）');
    expect(preview).toContain('安然（报送人）');

    body().querySelector<HTMLButtonElement>('[data-testid="step-confirm"]')!.click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/social-reports/SQ-2026-0001/steps')!.body).toEqual({
      to: 'adopted',
      level: 'city',
      note: '请住建局研究落实',
    });
    expect(page.findComponent(StepDialog).exists()).toBe(false);
    const drawer = body().querySelector('[data-testid="report-drawer"]')!.textContent!;
    expect(drawer).toContain('已被市政协采用');
    expect(drawer).toContain('批示：请住建局研究落实');
    expect(body().querySelector('[data-testid="step-adopted"]')).toBeNull();
    page.unmount();
  });

  it('keeps the dialog open with the server’s sentence when the step is refused', async () => {
    session.member = { id: 's1', name: '刘干事', role: 'staff' };
    const refusal = '这篇信息只上报到市政协，还不能写由更高一级采用；请先上报。';
    pageApi({
      'POST /api/social-reports/SQ-2026-0001/steps/preview': () =>
        new Response(JSON.stringify({ error: { code: 'social_report_level_above_forwarded', message: refusal } }), { status: 400 }),
    });
    const page = mount(SocialReportsPage, { attachTo: document.body });
    await flushPromises();
    (page.vm as unknown as { open(r: typeof REPORT): void }).open(REPORT);
    await flushPromises();
    body().querySelector<HTMLButtonElement>('[data-testid="step-adopted"]')!.click();
    await flushPromises();
    const form = page.findComponent(StepDialog).vm as unknown as { level: string; loadPreview(): Promise<void> };
    form.level = 'province';
    await form.loadPreview();
    await settle();
    expect(body().querySelector('[data-testid="step-error"]')?.textContent).toContain(refusal);
    expect(body().querySelector('[data-testid="step-confirm"]')).toBeNull();
    page.unmount();
  });
});

describe('the 社情民意 page for a member', () => {
  it('shows the member’s own reports without the office’s filters, export, figures or steps', async () => {
    session.member = { id: 'm1', name: '安然', role: 'member' };
    const api = pageApi();
    const page = mount(SocialReportsPage, { attachTo: document.body });
    await flushPromises();
    await settle();
    expect(api.last('GET', '/api/members')).toBeUndefined();
    expect(page.text()).toContain('安然');
    expect(page.text()).toContain('发送“社情民意”');
    expect(page.find('[data-testid="member-filter"]').exists()).toBe(false);
    expect(page.find('[data-testid="export-xlsx"]').exists()).toBe(false);
    expect(page.text()).not.toContain('采用统计');
    (page.vm as unknown as { open(r: typeof REPORT): void }).open(REPORT);
    await flushPromises();
    expect(body().querySelector('[data-testid="report-drawer"]')?.textContent).toContain('办理经过');
    expect(body().querySelector('[data-testid="step-adopted"]')).toBeNull();
    page.unmount();
  });
});
