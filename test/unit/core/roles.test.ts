import { describe, expect, it } from 'vitest';
import { ROLES, hasRole, type Role } from '../../../src/core/roles.js';

describe('roles', () => {
  it('rank from resident to admin', () => {
    expect(ROLES).toEqual(['resident', 'guest', 'member', 'staff', 'admin']);
  });

  // Every pair: a role may do what it or any lower role may do, and nothing higher.
  const pairs = ROLES.flatMap((role, i) => ROLES.map((required, j) => [role, required, i >= j] as [Role, Role, boolean]));
  it.each(pairs)('%s may run a command for %s: %s', (role, required, allowed) => {
    expect(hasRole(role, required)).toBe(allowed);
  });
});
