import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import { hasRole } from '../../core/roles.js';
import type { MemberRecord, MemberRepository, NewMember } from './member-records.js';

/** What deactivating a member left to do: their shifts still ahead, to be given to someone else. */
export interface Deactivation {
  member: MemberRecord;
  upcomingShifts: number;
}

export interface MemberServiceDeps {
  members: MemberRepository;
  /** Open shifts of a member from `now` on (the roster's view), to say how many need a new member. */
  upcomingShifts(memberId: string, now: Date): Promise<number>;
  clock: Clock;
  messages: Messages;
  /** Told when a member loses access they had (deactivated, or given a lower role): their workbench sessions end. */
  onAccessLost?(memberId: string, reason: 'deactivated' | 'demoted'): Promise<void>;
}

/**
 * Members as the chat (删除成员) and the admin API (DELETE /api/members/:id) change them, with one
 * rule for one act: a member who leaves is deactivated — the record stays, so opinions, shifts and
 * the 履职档案 keep their history, and the person is no longer recognised nor notified.
 */
export class MemberService {
  constructor(private readonly deps: MemberServiceDeps) {}

  /** The member, still active; a clear refusal otherwise. `byMemberId` (the asker) may not deactivate themself. */
  async assertDeactivatable(id: string, byMemberId?: string): Promise<Deactivation> {
    const t = this.deps.messages.operations.deleteMember;
    const member = await this.deps.members.findById(id);
    if (!member) throw new YishiError('member_not_found', { status: 404, userMessage: t.notFound(id) });
    if (member.id === byMemberId) throw new YishiError('member_delete_self', { status: 409, userMessage: t.notSelf });
    if (!member.active) throw new YishiError('member_already_inactive', { status: 409, userMessage: t.alreadyInactive(member.name) });
    return { member, upcomingShifts: await this.deps.upcomingShifts(member.id, this.deps.clock.now()) };
  }

  /** Deactivates the member (see the class comment); refuses as {@link assertDeactivatable} does. */
  async deactivate(id: string, byMemberId?: string): Promise<Deactivation> {
    const { member, upcomingShifts } = await this.assertDeactivatable(id, byMemberId);
    const updated = await this.deps.members.update(member.id, { active: false });
    await this.deps.onAccessLost?.(member.id, 'deactivated');
    return { member: updated ?? { ...member, active: false }, upcomingShifts };
  }

  /**
   * Changes a member's details (PATCH /api/members/:id). A lower role or `active: false` takes
   * access away, so the member's workbench sessions end at once. Null for an unknown id.
   */
  async update(id: string, changes: Partial<NewMember & { active: boolean }>): Promise<MemberRecord | null> {
    const before = await this.deps.members.findById(id);
    if (!before) return null;
    const updated = await this.deps.members.update(id, changes);
    if (!updated) return null;
    if (before.active && !updated.active) await this.deps.onAccessLost?.(id, 'deactivated');
    else if (!hasRole(updated.role, before.role) || (before.isConvenor && !updated.isConvenor))
      await this.deps.onAccessLost?.(id, 'demoted');
    return updated;
  }
}
