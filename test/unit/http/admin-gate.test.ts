import { describe, expect, it } from 'vitest';
import { needsAdminToken, pathReadings } from '../../../src/http/admin-gate.js';

describe('the admin gate reads a path as any server or proxy might', () => {
  it.each([
    ['/api/members'],
    ['/api'],
    ['/console/messages'],
    ['/API/EXPORT/opinions.csv'],
    ['/Console/People'],
    ['/api//groups'],
    ['//api/groups'],
    ['/api/groups/'],
    ['/%61pi/groups'],
    ['/%41PI/groups'],
    ['/%2561pi/groups'],
    ['/api%2Fgroups'],
    ['/api%2fgroups'],
    ['/api/./groups'],
    ['/api/x/../groups'],
    ['/healthz/../api/groups'],
    ['/healthz/%2e%2e/api/groups'],
    ['/wecom/%2E%2E/console/inbox'],
    ['/api\\groups'],
    ['/./api/groups'],
    ['/api/opinions/%2e%2e%2f%2e%2e%2fwecom/photos'],
  ])('asks for the token on %s', (path) => {
    expect(needsAdminToken(path)).toBe(true);
  });

  it.each([
    ['/healthz'],
    ['/readyz'],
    ['/metrics'],
    ['/wecom/app'],
    ['/wecom/bot'],
    ['/dingtalk'],
    ['/apiary'],
    ['/consoles'],
    ['/api/openapi.json'],
  ])('leaves %s to its own checks', (path) => {
    expect(needsAdminToken(path)).toBe(false);
  });

  it('keeps /api/openapi.json public only when spelled exactly', () => {
    expect(needsAdminToken('/API/openapi.json')).toBe(true);
    expect(needsAdminToken('/api/openapi.json/')).toBe(true);
    expect(needsAdminToken('/api//openapi.json')).toBe(true);
  });

  it('gives each reading once: as sent, with dots resolved, and with escapes decoded too', () => {
    expect(pathReadings('/API//Groups/')).toEqual(['/api/groups']);
    expect(pathReadings('/%61pi/x/../export')).toEqual(['/%61pi/x/../export', '/%61pi/export', '/api/export']);
  });
});
