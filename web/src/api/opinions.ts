import { api, type Query } from './http';

// The opinion board's side of docs/workbench-api.md: types as the server sends them and the calls.

export interface CodeLabel {
  code: string;
  label: string;
}

export interface OpinionMeta {
  states: CodeLabel[];
  grades: CodeLabel[];
  actions: CodeLabel[];
}

export interface OpinionListItem {
  id: string;
  number: string;
  state: string;
  content: string;
  community?: string;
  category?: string;
  grade?: string;
  handlerId?: string;
  handlerName?: string;
  plusOnes: { count: number };
  createdAt: string;
  deadline?: string;
  overdue: boolean;
  source: string;
}

export interface OpinionPage {
  items: OpinionListItem[];
  total: number;
  page: number;
  pageSize: number;
  countsByState: Record<string, number>;
  truncated?: boolean;
}

export interface TimelineEntry {
  at: string;
  actorName?: string;
  action: string;
  label: string;
  detail?: string;
}

export interface OpinionDetail extends OpinionListItem {
  photos: number;
  contact: { masked: string } | null;
  timeline: TimelineEntry[];
  allowedActions: string[];
}

/** The unmasked contact as the server gives it: the name and phone the filer left (or one line). */
export type RevealedContact = string | { name?: string; phone?: string };

export const contactText = (contact: RevealedContact): string =>
  typeof contact === 'string' ? contact : [contact.name, contact.phone].filter(Boolean).join(' ') || '未留';

export interface ActionPreview {
  changes: string[];
  notified: string[];
}

export type ActionParams = Record<string, string | undefined>;

/** What the filter bar holds; `'' | undefined` means "any". */
export interface BoardFilters {
  state?: string;
  community?: string;
  category?: string;
  grade?: string;
  handler?: string;
  overdue?: boolean;
  /** [from, to] as YYYY-MM-DD (Beijing dates, as the date picker gives them). */
  dates?: [string, string] | null;
  q?: string;
}

export interface BoardPaging {
  page: number;
  pageSize: number;
  /** `createdAt`, `-createdAt`, `deadline`, … as the API takes it. */
  sort: string;
}

export const SORTABLE = ['createdAt', 'deadline', 'number', 'plusOnes'] as const;

/** The list request's query string for what the board shows: empty filters left out, words trimmed. */
export function boardQuery(filters: BoardFilters, paging: BoardPaging): Query {
  const words = filters.q?.trim();
  return {
    page: paging.page,
    pageSize: paging.pageSize,
    sort: paging.sort,
    state: filters.state || undefined,
    community: filters.community || undefined,
    category: filters.category || undefined,
    grade: filters.grade || undefined,
    handler: filters.handler || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    from: filters.dates?.[0] || undefined,
    to: filters.dates?.[1] || undefined,
    q: words || undefined,
  };
}

/** Element Plus's sort-change event ({ prop, order }) as the API's sort parameter. */
export function sortParam(prop: string | null | undefined, order: 'ascending' | 'descending' | null | undefined): string {
  if (!prop || !order || !(SORTABLE as readonly string[]).includes(prop)) return '-createdAt';
  return order === 'ascending' ? prop : `-${prop}`;
}

const path = (id: string) => `/api/opinions/${encodeURIComponent(id)}`;

export const opinionsApi = {
  meta: () => api.get<OpinionMeta>('/api/opinions/meta'),
  list: (filters: BoardFilters, paging: BoardPaging) => api.get<OpinionPage>('/api/opinions', boardQuery(filters, paging)),
  detail: (id: string) => api.get<OpinionDetail>(path(id)),
  contact: (id: string) => api.post<{ contact: RevealedContact }>(`${path(id)}/contact`),
  preview: (id: string, action: string, params: ActionParams) => api.post<ActionPreview>(`${path(id)}/preview`, { action, ...params }),
  act: (id: string, action: string, params: ActionParams) => api.post<OpinionDetail>(`${path(id)}/actions`, { action, ...params }),
  assignMany: (ids: string[], handlerId: string) =>
    api.post<{ results: { id: string; ok: boolean; message?: string }[] }>('/api/opinions/assign', { ids, handlerId }),
  changes: (since?: string) => api.get<{ cursor: string; changed: boolean }>('/api/opinions/changes', { since }),
  /** The photo's address; `index` counts from 1, as GET /api/opinions/:id/photos/:index does. */
  photoUrl: (id: string, index: number) => `${path(id)}/photos/${index}`,
  /** Each photo's state (kept / waiting / lost) and, when not kept, why (staff only). */
  photos: (id: string) => api.get<{ items: PhotoInfo[]; total: number }>(`${path(id)}/photos`),
};

/** One resident's photo as GET /api/opinions/:id/photos lists it. */
export interface PhotoInfo {
  index: number;
  state: 'kept' | 'waiting' | 'lost';
  /** Why it is not kept, in the office's language. */
  reason?: string;
  url?: string;
}

export interface NamedEntry {
  id: string;
  name: string;
}

/** Handlers, communities and categories for the pickers; an empty list when the role may not read them. */
export async function pickerLists(): Promise<{ members: NamedEntry[]; communities: NamedEntry[]; categories: NamedEntry[] }> {
  const items = async (url: string) => {
    try {
      return (await api.get<{ items: NamedEntry[] }>(url)).items.map(({ id, name }) => ({ id, name }));
    } catch {
      return [];
    }
  };
  const [members, communities, categories] = await Promise.all([
    items('/api/members'),
    items('/api/communities'),
    items('/api/categories'),
  ]);
  return { members, communities, categories };
}
