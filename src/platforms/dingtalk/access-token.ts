import type { Clock } from '../../core/clock.js';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Coordination } from '../../core/coordination.js';
import { SendError } from '../types.js';
import { describeAnswer, isSuccess, requestJson } from './http-client.js';

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** Renew this long before DingTalk's stated expiry, so a token never dies mid-request. */
const RENEW_MARGIN_MS = 5 * 60_000;
const REFRESH_LOCK_MS = 15_000;
const WAIT_FOR_OTHER_MS = 5_000;
const WAIT_STEP_MS = 100;

/**
 * The app's access token, cached in coordination so every instance shares one, and refreshed by
 * one instance at a time (a lock across instances, a single flight inside this one).
 */
export class DingtalkAccessToken {
  private inFlight: Promise<string> | undefined;
  private readonly key: string;

  constructor(
    private readonly config: DingtalkConfig,
    private readonly coordination: Coordination,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.key = `dingtalk:access-token:${config.appKey}`;
  }

  /** A valid token, from the cache when possible. */
  async get(): Promise<string> {
    const cached = await this.readValid();
    if (cached) return cached;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forgets `token` after DingTalk refused it, unless another instance already replaced it. */
  async invalidate(token: string): Promise<void> {
    const cached = await this.coordination.getState<CachedToken>(this.key);
    if (cached?.token === token) await this.coordination.deleteState(this.key);
  }

  private async readValid(): Promise<string | null> {
    const cached = await this.coordination.getState<CachedToken>(this.key);
    return cached && cached.expiresAtMs - RENEW_MARGIN_MS > this.clock.now().getTime() ? cached.token : null;
  }

  private async refresh(): Promise<string> {
    const lock = await this.coordination.acquireLock(`dingtalk-token-refresh:${this.config.appKey}`, REFRESH_LOCK_MS);
    if (!lock) return this.waitForOther();
    try {
      // Another instance may have refreshed between our cache miss and our lock.
      const fresh = await this.readValid();
      if (fresh) return fresh;
      const url = `${this.config.oapiBase}/gettoken?appkey=${encodeURIComponent(this.config.appKey)}&appsecret=${encodeURIComponent(this.config.appSecret)}`;
      const answer = await requestJson(url, { method: 'GET' });
      const token = answer.body.access_token;
      if (!isSuccess(answer) || typeof token !== 'string') {
        throw new SendError(
          `DingTalk refused the access token request: ${describeAnswer(answer)}`,
          'dingtalk_token_refused',
          answer.status >= 500,
          30_000,
        );
      }
      const lifetimeMs = (typeof answer.body.expires_in === 'number' ? answer.body.expires_in : 7200) * 1000;
      await this.coordination.setState<CachedToken>(this.key, { token, expiresAtMs: this.clock.now().getTime() + lifetimeMs }, lifetimeMs);
      this.logger.info({ lifetimeMs }, 'DingTalk access token refreshed');
      return token;
    } finally {
      await lock.release();
    }
  }

  private async waitForOther(): Promise<string> {
    for (let waited = 0; waited < WAIT_FOR_OTHER_MS; waited += WAIT_STEP_MS) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      const token = await this.readValid();
      if (token) return token;
    }
    throw new SendError(
      'another instance is refreshing the DingTalk access token and has not finished',
      'dingtalk_token_busy',
      true,
      2_000,
    );
  }
}
