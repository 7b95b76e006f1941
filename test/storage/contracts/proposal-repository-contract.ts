import { describe, expect, it } from 'vitest';
import type { NewProposal, ProposalRepository } from '../../../src/services/proposals/proposal-records.js';

const at = (minutes: number) => new Date(Date.parse('2026-03-05T02:00:00Z') + minutes * 60_000);
const proposal = (title: string, extra: Partial<NewProposal> = {}): NewProposal => ({
  title,
  reasons: '理由',
  suggestions: '建议',
  authorId: 'm1',
  coSignerIds: [],
  ...extra,
});

/** What every ProposalRepository does; `make` gives an empty one each time. */
export function proposalRepositoryContract(make: () => Promise<ProposalRepository>): void {
  describe('a proposal repository', () => {
    it('drafts proposals with the next number of their year, and finds them by number', async () => {
      const proposals = await make();
      const first = await proposals.create(proposal('加装电梯', { coSignerIds: ['m2', 'm3'], fromOpinion: 'MY-2026-000001' }), at(0), 2026);
      const second = await proposals.create(proposal('停车难'), at(1), 2026);
      const nextYear = await proposals.create(proposal('新年提案'), at(2), 2027);
      expect([first.number, second.number, nextYear.number]).toEqual(['TA-2026-0001', 'TA-2026-0002', 'TA-2027-0001']);
      expect(first).toMatchObject({
        title: '加装电梯',
        authorId: 'm1',
        coSignerIds: ['m2', 'm3'],
        fromOpinion: 'MY-2026-000001',
        state: 'draft',
        createdAt: at(0),
        updatedAt: at(0),
      });
      expect(first.id).toMatch(/^[0-9a-f]{24}$/);
      for (const field of ['year', 'seq', 'submittedAt', 'submittedBy']) expect(first).not.toHaveProperty(field);
      expect(second).not.toHaveProperty('fromOpinion');
      expect(await proposals.findByNumber('TA-2026-0002')).toEqual(second);
      expect(await proposals.findByNumber('TA-2026-0099')).toBeNull();
    });

    it('numbers drafts made at once without a gap or a double', async () => {
      const proposals = await make();
      const drafted = await Promise.all([1, 2, 3, 4].map((n) => proposals.create(proposal(`提案${n}`), at(n), 2026)));
      expect(drafted.map((p) => p.number).sort()).toEqual(['TA-2026-0001', 'TA-2026-0002', 'TA-2026-0003', 'TA-2026-0004']);
    });

    it('refuses a title over 200 characters or reasons over 5000', async () => {
      const proposals = await make();
      await expect(proposals.create(proposal('长'.repeat(201)), at(0), 2026)).rejects.toThrow();
      await expect(proposals.create(proposal('理由太长', { reasons: '长'.repeat(5001) }), at(0), 2026)).rejects.toThrow();
      expect(await proposals.list({}, 10)).toEqual([]);
    });

    it('marks a draft submitted once: the second staff member gets null', async () => {
      const proposals = await make();
      const draft = await proposals.create(proposal('加装电梯'), at(0), 2026);
      const submitted = await proposals.markSubmitted(draft.number, 's1', at(5));
      expect(submitted).toMatchObject({
        number: draft.number,
        state: 'submitted',
        submittedAt: at(5),
        submittedBy: 's1',
        updatedAt: at(5),
      });
      expect(await proposals.markSubmitted(draft.number, 's2', at(6))).toBeNull();
      expect(await proposals.findByNumber(draft.number)).toEqual(submitted);
      expect(await proposals.markSubmitted('TA-2026-0099', 's1', at(6))).toBeNull();
    });

    it('lists oldest first, by state and author, up to a limit', async () => {
      const proposals = await make();
      const later = await proposals.create(proposal('三', { authorId: 'm2' }), at(30), 2026);
      await proposals.create(proposal('一'), at(10), 2026);
      await proposals.create(proposal('二'), at(20), 2026);
      await proposals.markSubmitted(later.number, 's1', at(40));
      const titles = async (filter: Parameters<ProposalRepository['list']>[0], limit = 10) =>
        (await proposals.list(filter, limit)).map((p) => p.title);
      expect(await titles({})).toEqual(['一', '二', '三']);
      expect(await titles({}, 2)).toEqual(['一', '二']);
      expect(await titles({ state: 'draft' })).toEqual(['一', '二']);
      expect(await titles({ state: 'submitted' })).toEqual(['三']);
      expect(await titles({ authorId: 'm1' })).toEqual(['一', '二']);
      expect(await titles({ authorId: 'm2', state: 'draft' })).toEqual([]);
    });
  });
}
