import { createHash } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { SendError } from '../types.js';
import { callWecom, downloadWecom, WECOM_ERRORS, type WecomDownload, type WecomResult } from './api.js';

export interface AccessTokenDeps {
  apiBase: string;
  corpId: string;
  secret: string;
  coordination: Coordination;
  logger: Logger;
}

interface CachedToken {
  token: string;
}

const LOCK_TTL_MS = 15_000;
const WAIT_STEP_MS = 100;
const WAIT_STEPS = 100;
/** Tokens are dropped from the cache this long before WeCom says they expire. */
const EXPIRY_MARGIN_S = 300;
/**
 * How long a token read from the shared cache is used from memory before it is read again: well
 * inside {@link EXPIRY_MARGIN_S}, so a remembered token is never one WeCom has let expire. A token
 * another instance replaced meanwhile is still valid; one WeCom refuses is replaced at once (post).
 */
const REMEMBER_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The app's access_token: cached in the shared store, fetched by one instance at a time (a
 * coordination lock), and refreshed once — then the call retried once — when WeCom calls it
 * invalid (40014) or expired (42001).
 */
export class AccessTokenClient {
  private readonly cacheKey: string;
  private readonly lockName: string;
  private refreshing: Promise<string> | undefined;
  /** The token last read or fetched, and until when it is used without asking the shared cache. */
  private remembered: { token: string; until: number } | undefined;

  constructor(private readonly deps: AccessTokenDeps) {
    // Each app has its own token; a hash of the secret tells apps apart without storing the secret.
    const app = `${deps.corpId}:${createHash('sha256').update(deps.secret).digest('hex').slice(0, 12)}`;
    this.cacheKey = `wecom-token:${app}`;
    this.lockName = `wecom-token-refresh:${app}`;
  }

  /** Calls `POST /cgi-bin/<path>?access_token=…` with a valid token. */
  async post(path: string, body: unknown): Promise<WecomResult> {
    const token = await this.token();
    const result = await this.postWith(path, token, body);
    if (result.errcode !== WECOM_ERRORS.invalidToken && result.errcode !== WECOM_ERRORS.tokenExpired) return result;
    this.deps.logger.info({ errcode: result.errcode, path }, 'WeCom refused the access token; refreshing once and retrying once');
    return this.postWith(path, await this.refresh(token), body);
  }

  /** Downloads `GET /cgi-bin/<path>?access_token=…&<query>` (a file), refreshing the token once if refused. */
  async download(path: string, query: Record<string, string>, maxBytes: number): Promise<WecomDownload> {
    const attempt = (token: string) =>
      downloadWecom(`${this.deps.apiBase}/cgi-bin/${path}?${new URLSearchParams({ access_token: token, ...query })}`, maxBytes);
    const token = await this.token();
    const first = await attempt(token);
    if (first.kind === 'file' || (first.result.errcode !== WECOM_ERRORS.invalidToken && first.result.errcode !== WECOM_ERRORS.tokenExpired))
      return first;
    this.deps.logger.info({ errcode: first.result.errcode, path }, 'WeCom refused the access token; refreshing once and retrying once');
    return attempt(await this.refresh(token));
  }

  /** The token remembered, the cached one, or a fresh one. */
  async token(): Promise<string> {
    const now = performance.now();
    if (this.remembered && this.remembered.until > now) return this.remembered.token;
    const cached = await this.deps.coordination.getState<CachedToken>(this.cacheKey);
    if (!cached) return this.refresh(undefined);
    this.remember(cached.token);
    return cached.token;
  }

  /** A token other than `stale`; only one refresh runs per process, and one across instances. */
  refresh(stale: string | undefined): Promise<string> {
    if (stale !== undefined && this.remembered?.token === stale) this.remembered = undefined;
    this.refreshing ??= this.refreshShared(stale)
      .then((token) => {
        this.remember(token);
        return token;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private remember(token: string): void {
    this.remembered = { token, until: performance.now() + REMEMBER_MS };
  }

  private async refreshShared(stale: string | undefined): Promise<string> {
    const { coordination } = this.deps;
    for (let step = 0; step < WAIT_STEPS; step += 1) {
      const cached = await coordination.getState<CachedToken>(this.cacheKey);
      if (cached && cached.token !== stale) return cached.token;
      const lock = await coordination.acquireLock(this.lockName, LOCK_TTL_MS);
      if (lock) {
        try {
          // Compare before write: another instance may have refreshed while we waited for the lock.
          const again = await coordination.getState<CachedToken>(this.cacheKey);
          if (again && again.token !== stale) return again.token;
          return await this.fetchToken();
        } finally {
          await lock.release().catch(() => false);
        }
      }
      await sleep(WAIT_STEP_MS);
    }
    throw new SendError('no WeCom access token: another instance held the refresh lock too long', 'wecom_token_unavailable', true, 5_000);
  }

  private async fetchToken(): Promise<string> {
    const query = new URLSearchParams({ corpid: this.deps.corpId, corpsecret: this.deps.secret });
    const result = await callWecom(`${this.deps.apiBase}/cgi-bin/gettoken?${query}`);
    const token = result.access_token;
    if (result.errcode !== 0 || typeof token !== 'string' || token === '') {
      const retryable = result.errcode !== WECOM_ERRORS.invalidSecret;
      throw new SendError(
        `WeCom gettoken failed: errcode ${result.errcode} ${result.errmsg}`,
        retryable ? 'wecom_token_unavailable' : 'wecom_secret_invalid',
        retryable,
        5_000,
      );
    }
    const lifetimeS = Number(result.expires_in ?? 7200);
    const ttlMs = Math.max(60, lifetimeS - EXPIRY_MARGIN_S) * 1000;
    await this.deps.coordination.setState<CachedToken>(this.cacheKey, { token }, ttlMs);
    this.deps.logger.info({ expiresInS: lifetimeS }, 'WeCom access token refreshed');
    return token;
  }

  private postWith(path: string, token: string, body: unknown): Promise<WecomResult> {
    return callWecom(`${this.deps.apiBase}/cgi-bin/${path}?access_token=${encodeURIComponent(token)}`, body);
  }
}
