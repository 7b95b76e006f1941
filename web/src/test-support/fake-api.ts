import { vi } from 'vitest';

// For component tests only: a tiny stand-in for Yishi's /api shaped like docs/workbench-api.md,
// recording every request so a test can check what the page asked for. End-to-end tests use the
// real server instead.

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: RecordedCall) => unknown;

export function fakeApi(routes: Record<string, Handler | object>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://yishi.test');
    const method = init.method ?? 'GET';
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: RecordedCall = { method, url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const route = routes[`${method} ${url.pathname}`];
    if (route === undefined) return new Response(JSON.stringify({ error: 'not_found', message: '没有这个地址。' }), { status: 404 });
    const body = typeof route === 'function' ? await (route as Handler)(call) : route;
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    last: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.pathname === path).at(-1),
  };
}

export const META = {
  states: [
    { code: 'submitted', label: '待受理' },
    { code: 'accepted', label: '已受理' },
    { code: 'assigned', label: '已分派' },
  ],
  grades: [
    { code: 'simple', label: '简单' },
    { code: 'general', label: '一般' },
    { code: 'complex', label: '复杂' },
  ],
  actions: [
    { code: 'accept', label: '受理' },
    { code: 'grade', label: '分级' },
    { code: 'decline', label: '不予受理' },
  ],
};

export const ITEM = {
  id: 'op1',
  number: 'MY-2026-000123',
  state: 'submitted',
  content: '小区门口路灯坏了，晚上很黑。',
  community: '东城社区',
  plusOnes: { count: 2 },
  createdAt: '2026-12-01T16:30:00.000Z',
  overdue: false,
  source: 'console',
};

export const DETAIL = {
  ...ITEM,
  photos: 0,
  contact: { masked: '138****5678' },
  timeline: [{ at: '2026-12-01T16:30:00.000Z', actorName: '张三', action: 'submitted', label: '提交' }],
  allowedActions: ['accept', 'grade', 'decline'],
};

/** Lets pending promises and Vue's re-render settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
