import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import type { Period } from '../records/periods.js';
import type { RecordsService } from '../records/records-service.js';
import type { SettingsRepository } from '../settings-records.js';
import type { Clock } from '../../core/clock.js';
import { DEFAULT_POINTS_RULES, scorePoints, type PointsRules, type PointsSheet } from './points-rules.js';

export const POINTS_RULES_KEY = 'points-rules';

export interface PointsDeps {
  records: Pick<RecordsService, 'entries'>;
  members: MemberRepository;
  settings: SettingsRepository;
  clock: Clock;
}

/**
 * 履职积分 from the record, by the rules the office sets. A member sees only their own; staff see
 * every member's for assessment, in name order (no ranking).
 */
export class PointsService {
  constructor(private readonly deps: PointsDeps) {}

  async rules(): Promise<PointsRules> {
    return (await this.deps.settings.get<PointsRules>(POINTS_RULES_KEY)) ?? DEFAULT_POINTS_RULES;
  }

  async setRules(rules: PointsRules): Promise<PointsRules> {
    await this.deps.settings.set(POINTS_RULES_KEY, rules, this.deps.clock.now());
    return rules;
  }

  async forMember(memberId: string, period: Period): Promise<PointsSheet> {
    return scorePoints(await this.deps.records.entries(period, memberId), await this.rules());
  }

  /** Every active member's sheet (role member), in name order. */
  async forAll(period: Period): Promise<Array<{ member: MemberRecord; sheet: PointsSheet }>> {
    const [entries, rules, members] = await Promise.all([
      this.deps.records.entries(period),
      this.rules(),
      this.deps.members.list({ role: 'member', activeOnly: true }),
    ]);
    return members
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((member) => ({
        member,
        sheet: scorePoints(
          entries.filter((e) => e.memberId === member.id),
          rules,
        ),
      }));
  }
}
