import { api, request } from '../../api/http';
import { beijingDate } from '../../format';

// The 协商成果 page's calls to /api/outcomes (docs/workbench-api.md). Every rule (which events and
// opinions may have items, due dates not in the past, settling once, the reason for 未落实) is the
// server's; the page shows its preview, worded as chat's confirmation, before anything changes.

export type OutcomeState = 'in-progress' | 'delivered' | 'not-delivered';
export type SettleTo = Exclude<OutcomeState, 'in-progress'>;

export const STATE_LABELS: Record<OutcomeState, string> = {
  'in-progress': '落实中',
  delivered: '已落实',
  'not-delivered': '未落实',
};

export interface OutcomeStep {
  at: string;
  by: string;
  byName: string;
  /** A state it moved to, or 延期 (extended, with the dates) or 重新落实 (reopened). */
  action: OutcomeState | 'extended' | 'reopened';
  note?: string;
  fromDate?: string;
  toDate?: string;
}

export interface OutcomeItem {
  id: string;
  number: string;
  text: string;
  responsible: { kind: 'unit'; name: string } | { kind: 'member'; memberId: string };
  /** The unit, or the member's name as the directory has it now. */
  responsibleName: string;
  /** Beijing date, YYYY-MM-DD. */
  dueDate: string;
  state: OutcomeState;
  stateLabel: string;
  overdue: boolean;
  reason?: string;
  eventId?: string;
  eventNumber?: number;
  opinionNumbers: string[];
  supervisedAt?: string;
  /** How many times the due date was put back (延期). */
  extensions: number;
  deliveredAt?: string;
  steps: OutcomeStep[];
  createdAt: string;
}

export interface OutcomeFilter {
  state?: string;
  event?: string;
  opinion?: string;
  overdue?: 'true' | 'false';
}

/** What the create form sends: exactly one source and one responsible party. */
export interface OutcomeInput {
  event?: number;
  opinion?: string;
  text: string;
  responsibleUnit?: string;
  responsibleMemberId?: string;
  dueDate: string;
  opinionNumbers?: string[];
}

export interface SettleInput {
  state: SettleTo;
  note?: string;
}

/** 延期: the new Beijing due date and why. */
export interface ExtendInput {
  dueDate: string;
  reason: string;
}

export interface Preview {
  changes: string[];
  notified: string[];
}

/** An event whose 活动结果 is recorded: only those may have 成果 items. */
export interface EventChoice {
  number: number;
  title: string;
  opinionNumbers: string[];
}

const path = (number: string) => `/api/outcomes/${encodeURIComponent(number)}`;

export const outcomesApi = {
  list: async (filter: OutcomeFilter) => (await api.get<{ items: OutcomeItem[] }>('/api/outcomes', { ...filter })).items,
  get: (number: string) => api.get<OutcomeItem>(path(number)),
  previewCreate: (input: OutcomeInput) => api.post<Preview>('/api/outcomes/preview', input),
  create: (input: OutcomeInput) => api.post<OutcomeItem>('/api/outcomes', input),
  previewSettle: (number: string, input: SettleInput) => api.post<Preview>(`${path(number)}/preview`, input),
  settle: (number: string, input: SettleInput) => request<OutcomeItem>('PATCH', path(number), { body: input }),
  previewExtend: (number: string, input: ExtendInput) => api.post<Preview>(`${path(number)}/extension/preview`, input),
  extend: (number: string, input: ExtendInput) => api.post<OutcomeItem>(`${path(number)}/extension`, input),
  /** 重新落实: a settled item back to 落实中, with the reason. */
  previewReopen: (number: string, reason: string) => api.post<Preview>(`${path(number)}/preview`, { state: 'in-progress', note: reason }),
  reopen: (number: string, reason: string) => request<OutcomeItem>('PATCH', path(number), { body: { state: 'in-progress', note: reason } }),
  /** Events with a recorded outcome, newest first; empty when unreadable (the number can still be typed). */
  eventChoices: async (): Promise<EventChoice[]> => {
    const events = await api
      .get<{ events: Array<{ number: number; title: string; outcome?: { opinionNumbers: string[] } }> }>('/api/events')
      .then(
        (body) => body.events,
        () => [],
      );
    return events
      .filter((event) => event.outcome)
      .map((event) => ({ number: event.number, title: event.title, opinionNumbers: event.outcome!.opinionNumbers }))
      .sort((a, b) => b.number - a.number);
  },
  /** Escalated opinions (转协商) for the picker; empty when unreadable. */
  opinionChoices: () =>
    api
      .get<{ items: Array<{ number: string; content: string }> }>('/api/opinions', {
        state: 'escalated',
        pageSize: 100,
        sort: '-createdAt',
      })
      .then(
        (body) => body.items.map(({ number, content }) => ({ number, content })),
        () => [],
      ),
  members: () =>
    api.get<{ items: Array<{ id: string; name: string }> }>('/api/members').then(
      (body) => body.items.map(({ id, name }) => ({ id, name })),
      () => [],
    ),
};

/** An opinion number as the server accepts it (MY-2026-000123); the page says so before asking. */
export const OPINION_NUMBER = /^MY-\d{4}-\d{6}$/;
export const OPINION_NUMBER_HINT = '民意编号的格式是 MY-年份-六位数字，如 MY-2026-000123。';

/** Today in Beijing, whatever the browser's zone: the earliest due date the server accepts. */
export const beijingToday = (now = new Date()): string => beijingDate(now);

/** Where an item comes from, as the list shows it: 活动 12 · MY-2026-000123. */
export function sourceWords(item: Pick<OutcomeItem, 'eventNumber' | 'opinionNumbers'>): string {
  const event = item.eventNumber !== undefined ? `活动 ${item.eventNumber}` : '';
  const opinions = item.opinionNumbers.join('、');
  return [event, opinions].filter(Boolean).join(' · ') || '—';
}

/**
 * One step of an item's trail: 刘干事 登记 / 改为已落实 / 改为未落实（原因）/ 将完成时限由 2026-11-16 延至
 * 2026-11-30（原因）/ 改回落实中，重新落实（原因）.
 */
export function stepWords(step: OutcomeStep): string {
  const what =
    step.action === 'in-progress'
      ? '登记'
      : step.action === 'extended'
        ? `将完成时限由 ${step.fromDate ?? '—'} 延至 ${step.toDate ?? '—'}`
        : step.action === 'reopened'
          ? '改回落实中，重新落实'
          : `改为${STATE_LABELS[step.action]}`;
  return `${step.byName} ${what}${step.note ? `（${step.note}）` : ''}`;
}

/** The earliest new due date a 延期 may take: the day after the current one, and not before Beijing's today. */
export function earliestExtension(dueDate: string, today = beijingToday()): string {
  const next = new Date(`${dueDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const dayAfter = next.toISOString().slice(0, 10);
  return dayAfter > today ? dayAfter : today;
}
