import { api, request } from '../../api/http';

// The 活动 page's calls to /api/programmes and /api/events (docs/workbench-api.md). The server
// applies every rule (times, capacity, check-in window, who may record an outcome); this file only
// carries the forms' values there and back.

export const EVENT_STATES = ['planned', 'open', 'ongoing', 'done', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

export interface Programme {
  id: string;
  title: string;
  /** `cancelled`: kept on record, no longer current, takes no changes nor new events. */
  state: 'active' | 'cancelled';
  startDate: string;
  endDate: string;
  description?: string;
}

export interface EventOutcome {
  text: string;
  recordedAt: string;
  recordedBy: string;
  opinionNumbers: string[];
}

export interface EventItem {
  id: string;
  number: number;
  programmeId?: string;
  title: string;
  theme?: string;
  sectors: string[];
  startAt: string;
  endAt: string;
  place: string;
  organiser?: string;
  targetGroups: string[];
  capacity?: number;
  state: EventState;
  signupCount: number;
  attendanceCount: number;
  outcome?: EventOutcome;
}

/** What the event form sends: times already as ISO date-times in Beijing time. */
export interface EventInput {
  title: string;
  theme?: string | null;
  sectors: string[];
  startAt: string;
  endAt: string;
  place: string;
  organiser?: string | null;
  targetGroups?: string[];
  capacity?: number | null;
  programmeId?: string | null;
  state?: EventState;
}

export interface ProgrammeInput {
  title: string;
  startDate: string;
  endDate: string;
  description?: string | null;
}

export interface EventPerson {
  memberId: string;
  name: string;
  sector?: string;
  signedUpAt?: string;
  checkedInAt?: string;
}

export interface OutcomePreview {
  changes: string[];
  notified: string[];
}

export interface OutcomeReport {
  event: EventItem;
  replaced: boolean;
  linked: string[];
  resolved: string[];
  notEscalated: string[];
  notFound: string[];
}

/** An escalated opinion (转协商) an outcome may settle. */
export interface OpinionChoice {
  number: string;
  content: string;
}

const eventPath = (ref: string | number) => `/api/events/${encodeURIComponent(String(ref))}`;

export const eventsApi = {
  meta: () => api.get<{ states: { code: string; label: string }[] }>('/api/events/meta'),
  programmes: async () => (await api.get<{ programmes: Programme[] }>('/api/programmes')).programmes,
  createProgramme: (input: ProgrammeInput) => api.post<Programme>('/api/programmes', input),
  updateProgramme: (id: string, input: ProgrammeInput) =>
    request<Programme>('PATCH', `/api/programmes/${encodeURIComponent(id)}`, { body: input }),
  cancelProgramme: (id: string) => request<Programme>('DELETE', `/api/programmes/${encodeURIComponent(id)}`),
  list: async (filter: { programmeId?: string; state?: string }) => (await api.get<{ events: EventItem[] }>('/api/events', filter)).events,
  get: (ref: number) => api.get<EventItem>(eventPath(ref)),
  create: (input: EventInput) => api.post<EventItem>('/api/events', input),
  update: (ref: number, changes: Partial<EventInput>) => request<EventItem>('PATCH', eventPath(ref), { body: changes }),
  cancel: (ref: number) => request<EventItem>('DELETE', eventPath(ref)),
  people: async (ref: number) => (await api.get<{ people: EventPerson[] }>(`${eventPath(ref)}/people`)).people,
  checkIn: (ref: number, memberId: string) => api.post<{ event: EventItem; at: string }>(`${eventPath(ref)}/check-ins`, { memberId }),
  previewOutcome: (ref: number, outcome: string, opinionNumbers: string[]) =>
    api.post<OutcomePreview>(`${eventPath(ref)}/outcome/preview`, { outcome, opinionNumbers }),
  recordOutcome: (ref: number, outcome: string, opinionNumbers: string[]) =>
    api.post<OutcomeReport>(`${eventPath(ref)}/outcome`, { outcome, opinionNumbers }),
};

/** Sectors (from the members), groups and programmes for the form's pickers; empty lists when unreadable. */
export async function eventPickers(): Promise<{
  sectors: string[];
  groups: { key: string; name: string }[];
  members: { id: string; name: string }[];
}> {
  const [members, groups] = await Promise.all([
    api.get<{ items: { id: string; name: string; sector?: string }[] }>('/api/members').then(
      (b) => b.items,
      () => [],
    ),
    api.get<{ items: { key: string; name?: string }[] }>('/api/groups').then(
      (b) => b.items,
      () => [],
    ),
  ]);
  const sectors = [...new Set(members.map((member) => member.sector).filter((sector): sector is string => Boolean(sector)))];
  return {
    sectors,
    groups: groups.map((group) => ({ key: group.key, name: group.name ?? group.key })),
    members: members.map(({ id, name }) => ({ id, name })),
  };
}

/** The escalated opinions (转协商) an outcome can settle, newest first. */
export async function escalatedOpinions(): Promise<OpinionChoice[]> {
  const page = await api.get<{ items: OpinionChoice[] }>('/api/opinions', { state: 'escalated', pageSize: 100, sort: '-createdAt' });
  return page.items.map(({ number, content }) => ({ number, content }));
}
