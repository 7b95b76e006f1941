import type { OpinionNotices } from './notifications.js';
import { timeLimits } from './support.js';
import { DAY_MS, type AuditEntry, type OpinionDeps } from './types.js';

export const ARCHIVE_UNRATED_ACTION = 'archive-unrated';

/**
 * 自动归档: a resolved opinion nobody rated within `archiveUnratedAfterDays` (7 by default) is
 * archived (已归档) without a rating — 未评价, which no rate counts as satisfied or dissatisfied
 * (the 满意率 reads only ratings) — and its filer is told once, politely.
 */
export class AutoArchive {
  constructor(
    private readonly deps: OpinionDeps,
    private readonly notices: OpinionNotices,
  ) {}

  /** Archives what is due at `now`; returns how many. Running it twice, or on two instances, archives each once. */
  async run(now: Date): Promise<number> {
    const days = (await timeLimits(this.deps)).archiveUnratedAfterDays;
    const cutoff = now.getTime() - days * DAY_MS;
    const { items } = await this.deps.opinions.list({ state: 'resolved' }, { skip: 0, limit: 10_000 });
    let archived = 0;
    for (const opinion of items) {
      if (!opinion.resolvedAt || opinion.resolvedAt.getTime() > cutoff) continue;
      const entry: AuditEntry = {
        who: 'system',
        whoRole: 'system',
        at: now,
        from: 'resolved',
        to: 'closed',
        action: ARCHIVE_UNRATED_ACTION,
        note: this.deps.messages.opinions.auditActions[ARCHIVE_UNRATED_ACTION],
      };
      const updated = await this.deps.opinions.transition(opinion.id, ['resolved'], 'closed', { closedAt: now }, entry, now);
      if (!updated) continue; // rated (or archived by another instance) meanwhile
      await this.notices.tellFilerArchived(updated, days);
      archived += 1;
    }
    return archived;
  }
}
