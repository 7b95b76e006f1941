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
    // 协商成果: an office page, like 社情民意.
    expect(accessFor('GET', '/api/outcomes')).toBe('staff');
    expect(accessFor('PATCH', '/api/outcomes/CG-2026-0001')).toBe('staff');
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

  /** Each rule of the table, with the method and spelling next to it that it must not cover. */
  const RULES: Array<[string, string, string]> = [
    ['POST', '/console', 'token'],
    ['GET', '/console/', 'token'],
    ['GET', '/api/session', 'member'],
    ['POST', '/api/session', 'staff'],
    ['GET', '/api/session/x', 'staff'],
    ['POST', '/api/session/sign-out', 'member'],
    ['GET', '/api/session/sign-out', 'staff'],
    ['POST', '/api/session/sign-out/x', 'staff'],
    ['GET', '/api/records/me', 'member'],
    ['head', '/api/records/me', 'member'],
    ['POST', '/api/records/me', 'staff'],
    ['GET', '/api/records/me/x', 'staff'],
    ['GET', '/api/records/mine', 'staff'],
    ['GET', '/api/x/records/me', 'staff'],
    ['GET', '/api/roster/me', 'member'],
    ['POST', '/api/roster/me', 'staff'],
    ['GET', '/api/roster/me/x', 'staff'],
    ['GET', '/api/roster', 'staff'],
    ['POST', '/api/roster/plan', 'staff'],
    ['GET', '/api/x/api/roster/me', 'staff'],
    // 述职表: a member may ask for one (the route gives only their own); the summary is the office's.
    ['GET', '/api/records/members/m1/annual-report.docx', 'member'],
    ['POST', '/api/records/members/m1/annual-report.docx', 'staff'],
    ['GET', '/api/records/members/m1/annual-report.docx/x', 'staff'],
    ['GET', '/api/records/members/m1/x/annual-report.docx', 'staff'],
    ['GET', '/api/records/members/m1/annual-report.docx/../../../rates', 'staff'],
    ['GET', '/api/records/annual-summary.docx', 'staff'],
    ['GET', '/api/opinions/exportxcsv', 'member'],
    ['GET', '/api/opinions/export.csv/x', 'staff'],
    ['GET', '/api/opinions/photos', 'member'],
    ['GET', '/api/opinions/x/photos', 'staff'],
    ['GET', '/api/opinions/x/photos/1/2', 'staff'],
    ['POST', '/api/opinions/assign', 'staff'],
    ['GET', '/api/opinions/assign', 'member'],
    ['GET', '/api/opinions/x/y', 'staff'],
    ['POST', '/api/opinions', 'staff'],
    ['GET', '/api/x/opinions', 'staff'],
    ['POST', '/api/opinions/x/contact', 'member'],
    ['POST', '/api/opinions/x/preview', 'member'],
    ['POST', '/api/opinions/x/actions/y', 'staff'],
    ['POST', '/api/opinions/x/notes', 'staff'],
    ['GET', '/api/opinions/x/contact', 'staff'],
    ['POST', '/api/x/opinions/y/contact', 'staff'],
    ['POST', '/api/members', 'admin'],
    ['POST', '/api/members/import/preview', 'staff'],
    ['POST', '/api/members/import', 'admin'],
    ['PUT', '/api/members/import/preview', 'admin'],
    ['POST', '/api/members/import/preview/x', 'admin'],
    ['GET', '/api/members/export.xlsx', 'staff'],
    ['POST', '/api/outbox/retry', 'staff'],
    ['GET', '/api/qr-codes/sheet', 'staff'],
    ['DELETE', '/api/settings', 'admin'],
    ['delete', '/api/members/x', 'admin'],
    ['GET', '/api/settings/time-limits', 'staff'],
    ['POST', '/api/membersx', 'staff'],
    ['POST', '/api/x/members', 'staff'],
    ['GET', '/api', 'staff'],
    // 活动 is office work: programmes, events, the sign-up list, check-in by staff, outcomes and their preview.
    ['POST', '/api/programmes', 'staff'],
    ['DELETE', '/api/programmes/p1', 'staff'],
    ['PATCH', '/api/events/7', 'staff'],
    ['GET', '/api/events/7/people', 'staff'],
    ['POST', '/api/events/7/check-ins', 'staff'],
    ['POST', '/api/events/7/outcome/preview', 'staff'],
    // 社情民意 and 履职积分: a member lists and reads their own (the routes scope them) and their points; the rest is the office's.
    ['GET', '/api/social-reports', 'member'],
    ['GET', '/api/social-reports/SQ-2026-0001', 'member'],
    ['GET', '/api/social-reports/stats', 'staff'],
    ['GET', '/api/social-reports/export.csv', 'staff'],
    ['GET', '/api/social-reports/export.xlsx', 'staff'],
    ['GET', '/api/social-reports/SQ-2026-0001/steps', 'staff'],
    ['PATCH', '/api/social-reports/SQ-2026-0001', 'staff'],
    ['POST', '/api/social-reports/SQ-2026-0001/steps', 'staff'],
    ['POST', '/api/social-reports/SQ-2026-0001/steps/preview', 'staff'],
    ['GET', '/api/points/me', 'member'],
    ['GET', '/api/points/me/x', 'staff'],
    ['GET', '/api/points', 'staff'],
    ['GET', '/api/points/m1', 'staff'],
    ['GET', '/api/settings/points-rules', 'staff'],
    ['PUT', '/api/settings/points-rules', 'admin'],
    // A rule holds from the start of the path: the same words further in give nothing.
    ['GET', '/api/x/api/session', 'staff'],
    ['POST', '/api/x/api/session/sign-out', 'staff'],
    ['GET', '/api/x/api/records/me', 'staff'],
    ['GET', '/api/records/rates', 'staff'],
    ['GET', '/api/records/rates/weekly', 'staff'],
    ['GET', '/api/records/members/x', 'staff'],
    ['GET', '/api/records/members/x/y', 'staff'],
    ['POST', '/api/records/rates', 'staff'],
    ['GET', '/api/x/api/opinions', 'staff'],
    ['POST', '/api/x/api/opinions/y/contact', 'staff'],
    ['POST', '/api/x/api/members', 'staff'],
    ['GET', '/api/x/console', 'staff'],
    // …and to its end: an opinion numbered like an office route is still an opinion.
    ['GET', '/api/opinions/export.csvx', 'member'],
    ['POST', '/api/opinions/assign/contact', 'member'],
    ['GET', '/', 'member'],
    ['GET', '/healthz', 'member'],
  ];
  it.each(RULES)('%s %s needs %s', (method, path, access) => {
    expect(accessFor(method, path)).toBe(access);
  });

  it('lets each role through only as far as its rank', () => {
    expect(roleAllows('member', 'member')).toBe(true);
    expect(roleAllows('member', 'staff')).toBe(false);
    expect(roleAllows('staff', 'admin')).toBe(false);
    expect(roleAllows('admin', 'admin')).toBe(true);
    expect(roleAllows('admin', 'token')).toBe(false);
    expect(roleAllows('member', 'token')).toBe(false);
    expect(roleAllows('staff', 'member')).toBe(true);
    expect(roleAllows('staff', 'staff')).toBe(true);
    expect(roleAllows('admin', 'staff')).toBe(true);
  });
});
