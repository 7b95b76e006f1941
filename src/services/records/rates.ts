import type { ActivityRecord } from './activity-records.js';
import type { OpinionFact } from './activity-records.js';
import type { MemberRecord } from '../members/member-records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A rate with its counts: `num / den` (a rate over nothing has `den` 0 and is shown as "—"). */
export interface Ratio {
  num: number;
  den: number;
}

/** The five figures the committee is judged by (domain.md). */
export interface RateSet {
  response: Ratio;
  onTime: Ratio;
  resolution: Ratio;
  satisfaction: Ratio;
  /** Undefined for a community: members do not belong to one. */
  participation?: Ratio;
}

/** One person's figures: the opinions they are responsible for, and their own 建言 (1 of 1, or 0 of 1). */
export interface MemberRates {
  id: string;
  name: string;
  sector: string;
  rates: RateSet;
}

export interface RatesReport {
  overall: RateSet;
  bySector: Array<{ name: string; rates: RateSet }>;
  byCommunity: Array<{ name: string; rates: RateSet }>;
  /**
   * Every active member (role member), and anyone else (staff, a member since deactivated) an
   * opinion of the period is credited to; in name order.
   */
  byMember: MemberRates[];
}

export interface RatesInput {
  /** `[start, end)` of the period. */
  start: Date;
  end: Date;
  /** Opinions created before `end` and created or due on/after `start` (OpinionFactsReader.touching). */
  opinions: readonly OpinionFact[];
  /** Ledger entries with `start <= at < end`. */
  activities: readonly ActivityRecord[];
  /** Every registered person; the rates count active members (role `member`). */
  members: readonly MemberRecord[];
}

/**
 * The committee's rates over one period, exactly as domain.md defines them. Period semantics (all
 * boundaries Beijing midnight, `[start, end)`):
 *
 * - 响应率 response: over the opinions SUBMITTED in the period (every numbered opinion, whatever
 *   became of it — declined and merged ones included); numerator: those accepted (受理, or
 *   当场办结 which accepts) no later than 24 h after submission.
 * - 按时办结率 on-time: over the opinions RESOLVED in the period (ledger `opinion-resolved`; an
 *   opinion resolved twice in the period — reopened in between — counts once, by its last
 *   resolution); numerator: resolved no later than the deadline in force at that moment.
 * - 解决率 resolution: over the opinions whose CURRENT time limit (deadline) falls in the period,
 *   leaving out merged and declined ones (their limit was cancelled); numerator: those resolved
 *   (state 已办结 or 已归档) at the time of asking, late or not — lateness is the on-time rate's
 *   business. Asked again later, the figure may rise as late work is finished.
 * - 满意率 satisfaction: over the opinions RATED in the period (ledger `opinion-rated`, the last
 *   rating in the period per opinion); numerator: 满意 + 基本满意.
 * - 建言率 participation: over the active members (role member) registered now; numerator: those
 *   who filed an opinion (ledger `opinion-filed`) or had a proposal submitted as its author
 *   (ledger `proposal-submitted`) in the period.
 *
 * Breakdowns: by community — the opinion's community (at resolution / rating time for the ledger
 * figures); by sector — the sector of the member responsible for the opinion: its handler, else
 * the member on duty who received it (for the ledger figures: the handler credited in the entry).
 * Opinions with no community or no responsible member appear in the overall figures only.
 * By member — the same responsible member as for the sector; a member's 建言率 is 1/1 when they
 * filed or proposed in the period, else 0/1, so the members' counts add up to their sector's.
 */
export function computeRates(input: RatesInput): RatesReport {
  const members = input.members.filter((m) => m.role === 'member' && m.active);
  const groups = new Groups(input.members, members);
  const inPeriod = (at: Date | undefined) => at !== undefined && at >= input.start && at < input.end;

  for (const opinion of input.opinions) {
    const targets = groups.targets(opinion.handlerId ?? opinion.queueMemberId, opinion.community);
    if (inPeriod(opinion.createdAt)) {
      const quick = opinion.acceptedAt !== undefined && opinion.acceptedAt.getTime() - opinion.createdAt.getTime() <= DAY_MS;
      for (const set of targets) add(set.response, quick);
    }
    if (inPeriod(opinion.deadline) && opinion.state !== 'merged' && opinion.state !== 'declined') {
      const resolved = opinion.state === 'resolved' || opinion.state === 'closed';
      for (const set of targets) add(set.resolution, resolved);
    }
  }

  for (const entry of lastPerSubject(input.activities, 'opinion-resolved')) {
    for (const set of groups.targets(entry.memberId, entry.community)) add(set.onTime, entry.onTime === true);
  }
  for (const entry of lastPerSubject(input.activities, 'opinion-rated')) {
    const pleased = entry.rating === 'satisfied' || entry.rating === 'basically';
    for (const set of groups.targets(entry.memberId, entry.community)) add(set.satisfaction, pleased);
  }

  const speakers = new Set(
    input.activities.filter((a) => a.kind === 'opinion-filed' || a.kind === 'proposal-submitted').map((a) => a.memberId),
  );
  for (const member of members) {
    const spoke = speakers.has(member.id);
    add(groups.overall.participation!, spoke);
    add(groups.sector(member.sector).participation!, spoke);
    add(groups.member(member.id)!.participation!, spoke);
  }
  return groups.report();
}

function add(ratio: Ratio, counts: boolean): void {
  ratio.den += 1;
  if (counts) ratio.num += 1;
}

/** One entry per subject (opinion): the latest of the given kind. */
function lastPerSubject(activities: readonly ActivityRecord[], kind: ActivityRecord['kind']): ActivityRecord[] {
  const last = new Map<string, ActivityRecord>();
  for (const entry of activities) {
    if (entry.kind !== kind) continue;
    const seen = last.get(entry.subjectId);
    if (!seen || seen.at <= entry.at) last.set(entry.subjectId, entry);
  }
  return [...last.values()];
}

/** A person's rates over nothing (participation 0 of 0: not a member who is counted). */
export const emptyRates = (): RateSet => emptySet(true);

const emptySet = (withParticipation: boolean): RateSet => ({
  response: { num: 0, den: 0 },
  onTime: { num: 0, den: 0 },
  resolution: { num: 0, den: 0 },
  satisfaction: { num: 0, den: 0 },
  ...(withParticipation ? { participation: { num: 0, den: 0 } } : {}),
});

class Groups {
  readonly overall = emptySet(true);
  private readonly sectors = new Map<string, RateSet>();
  private readonly communities = new Map<string, RateSet>();
  private readonly members = new Map<string, RateSet>();
  private readonly people: Map<string, MemberRecord>;

  /** `people`: everyone registered (to find a responsible member's sector); `listed`: the members always shown. */
  constructor(people: readonly MemberRecord[], listed: readonly MemberRecord[]) {
    this.people = new Map(people.map((m) => [m.id, m]));
    for (const member of listed) {
      this.sector(member.sector);
      this.members.set(member.id, emptySet(true));
    }
  }

  sector(name: string): RateSet {
    let set = this.sectors.get(name);
    if (!set) this.sectors.set(name, (set = emptySet(true)));
    return set;
  }

  /** The set of a registered person (created the first time an opinion is credited to them). */
  member(id: string): RateSet | undefined {
    if (!this.people.has(id)) return undefined;
    let set = this.members.get(id);
    if (!set) this.members.set(id, (set = emptySet(true)));
    return set;
  }

  /** The sets a figure counts in: overall, the responsible member's own and sector's, the community's. */
  targets(responsibleId: string | undefined, community: string | undefined): RateSet[] {
    const sets = [this.overall];
    const person = responsibleId === undefined ? undefined : this.people.get(responsibleId);
    if (person) sets.push(this.member(person.id)!);
    if (person?.sector) sets.push(this.sector(person.sector));
    if (community) {
      let set = this.communities.get(community);
      if (!set) this.communities.set(community, (set = emptySet(false)));
      sets.push(set);
    }
    return sets;
  }

  report(): RatesReport {
    const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
    const sorted = (map: Map<string, RateSet>) =>
      [...map.entries()].sort(([a], [b]) => byName(a, b)).map(([name, rates]) => ({ name, rates }));
    const byMember = [...this.members.entries()]
      .map(([id, rates]) => {
        const person = this.people.get(id)!;
        return { id, name: person.name, sector: person.sector, rates };
      })
      .sort((a, b) => byName(a.name, b.name) || byName(a.id, b.id));
    return { overall: this.overall, bySector: sorted(this.sectors), byCommunity: sorted(this.communities), byMember };
  }
}

/** `83.3%`, or null for a rate over nothing. Rounded half up to one decimal. */
export function percent(ratio: Ratio): string | null {
  if (ratio.den === 0) return null;
  return `${(Math.round((ratio.num * 1000) / ratio.den) / 10).toFixed(1)}%`;
}
