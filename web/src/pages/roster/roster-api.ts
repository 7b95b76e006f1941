import { api, request } from '../../api/http';

// The 值班 page's side of docs/workbench-api.md (/api/roster…): types as the server sends them, the
// calls, and the month arithmetic the calendar needs (which dates fall in which week; no rules).

export type Slot = '上午' | '下午' | '全天';

export interface DraftShift {
  date: string;
  slot: Slot;
  memberId: string;
  memberName: string;
  place: string;
}

export interface Shift extends DraftShift {
  id: string;
  state: 'planned' | 'served' | 'swapped' | 'missed';
}

/** A holiday (working: false) or 调休 working day (working: true), labelled as chat says it. */
export interface SpecialDay {
  date: string;
  working: boolean;
  reason: string;
  name?: string;
  label: string;
}

export interface SwapRequest {
  id: string;
  shiftId: string;
  date: string;
  slot: Slot;
  fromName: string;
  toName: string;
  state: 'pending' | 'agreed' | 'refused' | 'void';
  createdAt: string;
  answeredAt?: string;
}

export interface GenerateRequest {
  from: string;
  to: string;
  memberIds: string[];
  slots: Slot[];
  place: string;
}

export interface RosterDraft {
  from: string;
  to: string;
  workingDays: number;
  kept: number;
  specialDays: SpecialDay[];
  shifts: DraftShift[];
}

export interface ChangePreview {
  changes: string[];
  notified: string[];
}

export interface RosterMember {
  id: string;
  name: string;
}

const shiftPath = (id: string) => `/api/roster/shifts/${encodeURIComponent(id)}`;

export const rosterApi = {
  month: (from: string, to: string) => api.get<{ shifts: Shift[]; specialDays: SpecialDay[] }>('/api/roster', { from, to }),
  today: () => api.get<{ date: string; shifts: Shift[] }>('/api/roster/today'),
  plan: (body: GenerateRequest) => api.post<RosterDraft>('/api/roster/plan', body),
  generate: (body: GenerateRequest) => api.post<RosterDraft & { created: number }>('/api/roster/generate', body),
  previewChange: (shiftId: string, memberId: string) => api.post<ChangePreview>(`${shiftPath(shiftId)}/preview`, { memberId }),
  change: (shiftId: string, memberId: string) => request<{ shift: Shift }>('PATCH', shiftPath(shiftId), { body: { memberId } }),
  swaps: (from: string, to: string) => api.get<{ swaps: SwapRequest[] }>('/api/roster/swaps', { from, to }),
  mine: () => api.get<{ shifts: Shift[] }>('/api/roster/me'),
  members: async () => (await api.get<{ items: RosterMember[] }>('/api/members')).items.map(({ id, name }) => ({ id, name })),
};

/** `2026-10` → the first and last date of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** 1 (Monday) … 7 (Sunday) for a date, whatever the browser's time zone. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The month as weeks from Monday to Sunday; `null` pads the days before the 1st and after the last. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const { to } = monthRange(month);
  const days = Number(to.slice(8));
  const cells: Array<string | null> = Array.from({ length: weekdayOf(`${month}-01`) - 1 }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
