import { describe, expect, it } from 'vitest';
import type {
  NewSocialReport,
  SocialReportRepository,
  SocialReportStep,
} from '../../../src/services/social-reports/social-report-records.js';

const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const report = (title: string, extra: Partial<NewSocialReport> = {}): NewSocialReport => ({
  title,
  situation: '基本情况',
  analysis: '原因分析',
  suggestions: '意见建议',
  unit: '无党派',
  authorId: 'm1',
  ...extra,
});
const sent = (minutes: number): SocialReportStep => ({ at: at(minutes), by: 'm1', byName: '安然', action: 'submitted' });

/** What every SocialReportRepository does; `make` gives an empty one each time. */
export function socialReportRepositoryContract(make: () => Promise<SocialReportRepository>): void {
  describe('a 社情民意信息 repository', () => {
    it('stores reports as 已报送 with the next number of their year and their first step, and finds them by number', async () => {
      const reports = await make();
      const first = await reports.create(report('加装电梯', { fromOpinion: 'MY-2026-000001' }), sent(0), at(0), 2026);
      const second = await reports.create(report('停车难'), sent(1), at(1), 2026);
      const nextYear = await reports.create(report('新年'), sent(2), at(2), 2027);
      expect([first.number, second.number, nextYear.number]).toEqual(['SQ-2026-0001', 'SQ-2026-0002', 'SQ-2027-0001']);
      expect(first).toMatchObject({
        title: '加装电梯',
        unit: '无党派',
        authorId: 'm1',
        fromOpinion: 'MY-2026-000001',
        state: 'submitted',
        steps: [sent(0)],
        createdAt: at(0),
        updatedAt: at(0),
      });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      for (const field of ['year', 'seq', 'level', 'instruction', 'reason', 'adoptedAt']) expect(first).not.toHaveProperty(field);
      expect(second).not.toHaveProperty('fromOpinion');
      expect(await reports.findByNumber('SQ-2026-0002')).toEqual(second);
      expect(await reports.findByNumber('SQ-2026-0099')).toBeNull();
    });

    it('numbers reports sent at once without a gap or a double', async () => {
      const reports = await make();
      const made = await Promise.all([1, 2, 3, 4].map((n) => reports.create(report(`信息${n}`), sent(n), at(n), 2026)));
      expect(made.map((r) => r.number).sort()).toEqual(['SQ-2026-0001', 'SQ-2026-0002', 'SQ-2026-0003', 'SQ-2026-0004']);
    });

    it('refuses a title over 200 characters, and stores nothing', async () => {
      const reports = await make();
      await expect(reports.create(report('长'.repeat(201)), sent(0), at(0), 2026)).rejects.toThrow();
      expect(await reports.list({}, 10)).toEqual([]);
    });

    it('moves a report only from the state the caller saw, appending the step; a second mover gets null', async () => {
      const reports = await make();
      const made = await reports.create(report('加装电梯'), sent(0), at(0), 2026);
      const step: SocialReportStep = { at: at(5), by: 's1', byName: '刘干事', action: 'forwarded', level: 'city' };
      const edited = await reports.advance(made.number, 'submitted', 'edited', {}, {
        ...step,
        action: 'edited',
        level: undefined,
      } as SocialReportStep);
      expect(edited).toMatchObject({ state: 'edited', updatedAt: at(5) });
      expect(await reports.advance(made.number, 'submitted', 'not-adopted', { reason: '重复' }, step)).toBeNull();
      const forwarded = await reports.advance(made.number, 'edited', 'forwarded', { level: 'city' }, step);
      expect(forwarded).toMatchObject({ state: 'forwarded', level: 'city' });
      expect(forwarded!.steps.map((s) => s.action)).toEqual(['submitted', 'edited', 'forwarded']);
      expect(forwarded!.steps[2]).toEqual(step);
      const adopted = await reports.advance(
        made.number,
        'forwarded',
        'adopted',
        { adoptedAt: at(9), instruction: '请研究' },
        { at: at(9), by: 's1', byName: '刘干事', action: 'adopted', level: 'city', note: '请研究' },
      );
      expect(adopted).toMatchObject({ state: 'adopted', adoptedAt: at(9), instruction: '请研究', level: 'city' });
      expect(await reports.findByNumber(made.number)).toEqual(adopted);
      expect(await reports.advance('SQ-2026-0099', 'submitted', 'edited', {}, step)).toBeNull();
    });

    it('edits the text in place, keeping the state', async () => {
      const reports = await make();
      const made = await reports.create(report('加装电梯'), sent(0), at(0), 2026);
      const edited = await reports.advance(
        made.number,
        'submitted',
        'submitted',
        { title: '关于加装电梯', unit: '文艺界' },
        {
          at: at(3),
          by: 's1',
          byName: '刘干事',
          action: 'edit',
          note: '标题、反映人单位',
        },
      );
      expect(edited).toMatchObject({ title: '关于加装电梯', unit: '文艺界', state: 'submitted' });
      expect(edited!.steps).toHaveLength(2);
    });

    it('lists newest first, by state, author and the time sent, up to a limit', async () => {
      const reports = await make();
      await reports.create(report('一'), sent(10), at(10), 2026);
      await reports.create(report('二', { authorId: 'm2' }), sent(20), at(20), 2026);
      const third = await reports.create(report('三'), sent(30), at(30), 2026);
      await reports.advance(third.number, 'submitted', 'edited', {}, { at: at(40), by: 's1', byName: '刘干事', action: 'edited' });
      const titles = async (filter: Parameters<SocialReportRepository['list']>[0], limit = 10) =>
        (await reports.list(filter, limit)).map((r) => r.title);
      expect(await titles({})).toEqual(['三', '二', '一']);
      expect(await titles({}, 2)).toEqual(['三', '二']);
      expect(await titles({ state: 'submitted' })).toEqual(['二', '一']);
      expect(await titles({ authorId: 'm1' })).toEqual(['三', '一']);
      expect(await titles({ since: at(10), until: at(30) })).toEqual(['二', '一']);
      expect(await titles({ since: at(11) })).toEqual(['三', '二']);
    });
  });
}
