import { describe, expect, it } from 'vitest';
import { accessFor, roleAllows } from '../../../src/http/route-access.js';

/** The one table of who may reach which admin-area route with a workbench session. */
describe('route access with a session', () => {
  it('opens the board and the session to every member, keeps office routes for staff and changes to members for admins', () => {
    expect(accessFor('GET', '/api/opinions')).toBe('member');
    expect(accessFor('GET', '/api/opinions/MY-2026-000001')).toBe('member');
    expect(accessFor('POST', '/api/opinions/MY-2026-000001/actions')).toBe('member');
    expect(accessFor('GET', '/api/session')).toBe('member');
    expect(accessFor('POST', '/api/opinions/assign')).toBe('staff');
    expect(accessFor('GET', '/api/opinions/export.csv')).toBe('staff');
    expect(accessFor('GET', '/api/opinions/MY-2026-000001/photos/1')).toBe('staff');
    expect(accessFor('GET', '/api/members')).toBe('staff');
    expect(accessFor('GET', '/api/anything-new')).toBe('staff');
    expect(accessFor('PATCH', '/api/members/abc')).toBe('admin');
    expect(accessFor('PUT', '/api/settings/time-limits')).toBe('admin');
    expect(accessFor('GET', '/console/inbox')).toBe('token');
  });

  it('takes the strictest reading of a path, whatever its spelling', () => {
    expect(accessFor('GET', '/API/Members')).toBe('staff');
    expect(accessFor('GET', '/api/opinions/x/../../members')).toBe('staff');
    expect(accessFor('GET', '/api/opinions/%2e%2e/%2e%2e/console/inbox')).toBe('token');
    expect(accessFor('DELETE', '/api/opinions/..%2fmembers/x')).toBe('admin');
    expect(accessFor('HEAD', '/api/opinions')).toBe('member');
  });

  it('lets each role through only as far as its rank', () => {
    expect(roleAllows('member', 'member')).toBe(true);
    expect(roleAllows('member', 'staff')).toBe(false);
    expect(roleAllows('staff', 'admin')).toBe(false);
    expect(roleAllows('admin', 'admin')).toBe(true);
    expect(roleAllows('admin', 'token')).toBe(false);
  });
});
