/** Roles from lowest to highest. Every command declares the lowest role that may run it. */
export const ROLES = ['resident', 'guest', 'member', 'staff', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** The roles a registered person (委员, 工作人员, 管理员) can hold; residents and guests are never registered. */
export const MEMBER_ROLES = ['member', 'staff', 'admin'] as const satisfies readonly Role[];

export type MemberRole = (typeof MEMBER_ROLES)[number];

/** True when `role` is at least `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/**
 * Who is speaking, resolved from the platform identity.
 *
 * @example
 * const actor: Actor = { role: 'member', memberId: '65f…', name: '张三', sector: '无党派' };
 */
export interface Actor {
  role: Role;
  /** Set for registered members, staff and admins. */
  memberId?: string;
  name: string;
  sector?: string;
  isConvenor?: boolean;
  /** Platform identity, kept so replies and notices can find the person again. */
  platform: string;
  platformUserId: string;
}
