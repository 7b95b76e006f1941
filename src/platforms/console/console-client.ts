/**
 * One console mailbox read in order, by one reader at a time: what was delivered since the last
 * read. The conversation reads it after each line; a poller reads it in between.
 */
export class ConsoleMailbox {
  private cursor: string | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: ConsoleClient,
    readonly to: string,
  ) {}

  read(): Promise<string[]> {
    const next = this.tail.then(async () => {
      const all: string[] = [];
      for (;;) {
        const page = await this.client.inbox(this.to, this.cursor);
        this.cursor = page.cursor;
        all.push(...page.messages);
        if (page.messages.length === 0) return all;
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Someone one may speak as on the console. */
export interface ConsolePerson {
  id: string;
  name: string;
  role: string;
  sector: string;
}

const POLL_MS = 1500;

/**
 * Who `--as` names: `resident:…` and `guest:…` as written, a member by id or by name (`沈清和`);
 * undefined when no member has that name.
 */
export function personFor(people: readonly ConsolePerson[], wanted: string): { id: string; name: string; role: string } | undefined {
  const as = wanted.trim();
  if (/^(resident|guest):./.test(as)) return { id: as, name: as.replace(/^(resident|guest):/, ''), role: '' };
  const found = people.find((p) => p.id === as) ?? people.find((p) => p.name === as);
  return found ? { id: found.id, name: found.name, role: found.role } : undefined;
}

/**
 * The HTTP side of `npm run chat`: the console routes of a running Yishi, with the admin token.
 *
 * @example
 * const client = new ConsoleClient('http://127.0.0.1:3000', token);
 * const replies = await client.say('resident:王阿姨', '帮助');
 */
export class ConsoleClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async call(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!response.ok) throw new Error(payload.error?.message ?? `HTTP ${response.status}`);
    return payload;
  }

  async people(): Promise<ConsolePerson[]> {
    return ((await this.call('/console/people')) as { people: ConsolePerson[] }).people;
  }

  /** Sends one line as `from` (direct chat, or in the group chat `group`) and returns the reply texts. */
  async say(from: string, text: string, group?: string): Promise<string[]> {
    const result = (await this.call('/console/messages', { from, text, ...(group ? { chat: group } : {}) })) as {
      replies: Array<{ text: string }>;
    };
    return result.replies.map((reply) => reply.text);
  }

  /** The communities (for the QR code a simulated resident scans). */
  async communities(): Promise<Array<{ id: string; name: string; code?: string }>> {
    return ((await this.call('/api/communities')) as { items: Array<{ id: string; name: string; code?: string }> }).items;
  }

  /** A simulated resident on 微信客服 scans a QR code (`scene`; '' for none) or writes; what they are sent lands in their mailbox. */
  async kf(from: string, said: { scene: string } | { text: string }): Promise<void> {
    await this.call('/console/kf', { from, ...said });
  }

  /** Messages delivered to a console mailbox after `cursor`, and the cursor to pass next. */
  async inbox(to: string, cursor: string | undefined): Promise<{ messages: string[]; cursor: string | undefined }> {
    const query = `to=${encodeURIComponent(to)}${cursor ? `&after=${cursor}` : ''}`;
    const result = (await this.call(`/console/inbox?${query}`)) as { messages: Array<{ text: string }>; cursor?: string };
    return { messages: result.messages.map((m) => m.text), cursor: result.cursor ?? cursor };
  }

  /** Calls `onNotice` for each notice delivered to `to`, until the returned stop function runs. */
  pollInbox(to: string, onNotice: (text: string) => void): () => void {
    let cursor: string | undefined;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      try {
        const query = `to=${encodeURIComponent(to)}${cursor ? `&after=${cursor}` : ''}`;
        const result = (await this.call(`/console/inbox?${query}`)) as { messages: Array<{ text: string }>; cursor?: string };
        if (!stopped) for (const message of result.messages) onNotice(message.text);
        cursor = result.cursor ?? cursor;
      } catch {
        // The next tick tries again; the conversation itself reports connection problems.
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }
}
