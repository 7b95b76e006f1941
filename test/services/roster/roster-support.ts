import { expect } from 'vitest';
import type { TestYishi } from '../../support/yishi.js';
import { addMember } from '../../platforms/console/console-client.js';

/** The staff group, reachable on the console as the chat `staff-room`. */
export const STAFF_ROOM = 'staff-room';

/** Registers members (by name) and the staff group; returns the ids by name. */
export async function setUpCommittee(app: TestYishi, names: string[], staffName = '刘干事'): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) ids[name] = await addMember(app, { name, role: 'member' });
  ids[staffName] = await addMember(app, { name: staffName, role: 'staff' });
  const group = await app.api('/api/groups', {
    method: 'POST',
    body: { key: 'staff', name: '政协办公室', channels: [{ platform: 'console', kind: 'group', id: STAFF_ROOM }] },
  });
  expect(group.status, JSON.stringify(group.body)).toBe(201);
  return ids;
}

/** POST /api/roster/generate, expecting success. */
export async function generate(app: TestYishi, body: Record<string, unknown>) {
  const response = await app.api('/api/roster/generate', {
    method: 'POST',
    body: { place: '委员服务中心', holidays: [], workdays: [], ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { created: number; kept: number; workingDays: number; shifts: Shift[] };
}

export interface Shift {
  id: string;
  date: string;
  slot: string;
  memberId: string;
  memberName: string;
  place: string;
  state: string;
}

/** GET /api/roster?from&to */
export async function roster(app: TestYishi, from: string, to: string): Promise<Shift[]> {
  const response = await app.api(`/api/roster?from=${from}&to=${to}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.shifts as Shift[];
}

/** Texts delivered to a console person or chat (what the outbox actually sent). */
export async function inbox(app: TestYishi, to: string): Promise<string[]> {
  const response = await app.api(`/console/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.messages as Array<{ text: string }>).map((message) => message.text);
}

/** `date → member name` for a list of shifts. */
export function byDate(shifts: Shift[]): Record<string, string> {
  return Object.fromEntries(shifts.map((shift) => [shift.slot === '全天' ? shift.date : `${shift.date} ${shift.slot}`, shift.memberName]));
}
