/**
 * The one way the workbench talks to Yishi's /api: same-origin fetch with the session cookie, JSON in
 * and out, and the session's CSRF token on every request that changes something. Errors carry the
 * server's Chinese sentence (`{ error, message }`) and the HTTP status, so pages can show it as is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let onSignedOut: ((error: ApiError) => void) | undefined;

/** Called when the server says the session is gone (401) on any call but the session check itself. */
export function whenSignedOut(handler: (error: ApiError) => void): void {
  onSignedOut = handler;
}

/** Set once the session is known (GET /api/session); cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** `?a=1&b=x` with empty values left out. */
export function toSearch(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = `请求失败（${response.status}）。`;
  try {
    // The server answers `{ error: { code, message } }` (src/http/middleware.ts); a flat `{ error, message }` is read too.
    const body = (await response.json()) as { error?: string | { code?: string; message?: string }; message?: string };
    const error = typeof body.error === 'object' && body.error !== null ? body.error : { code: body.error, message: body.message };
    if (error.code) code = error.code;
    if (error.message) message = error.message;
  } catch {
    // Not JSON (a proxy's page): keep the generic sentence.
  }
  return new ApiError(response.status, code, message);
}

export async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`${path}${toSearch(options.query)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && path !== '/api/session') onSignedOut?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};
