/**
 * The demo seed's way in: the admin API and the console platform of a running Yishi, with the
 * admin token. Going through the front door means the demo data passes the same validation and
 * services (numbering, audit trail, reminders in the outbox) as an office's own data.
 */
export class DemoApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${path} → HTTP ${status}: ${detail}`);
    this.name = 'DemoApiError';
  }
}

export class DemoAdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** One admin API call; any answer but 2xx is a {@link DemoApiError}. */
  async call<T>(path: string, options: { method?: string; body?: unknown; csv?: string } = {}): Promise<T> {
    const body = options.csv ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(options.csv !== undefined
          ? { 'content-type': 'text/csv; charset=utf-8' }
          : body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new DemoApiError(path, response.status, text.slice(0, 500));
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** Says one line on the console (a direct chat) as `from`; returns the replies joined. */
  async say(from: string, text: string): Promise<string> {
    const result = await this.call<{ replies: Array<{ text: string }> }>('/console/messages', { body: { from, text } });
    return result.replies.map((reply) => reply.text).join('\n');
  }
}
