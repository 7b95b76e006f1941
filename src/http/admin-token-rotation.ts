import { createHash, randomBytes } from 'node:crypto';
import type { SettingsRepository } from '../services/settings-records.js';

/**
 * Admin-token rotation an office can operate. ADMIN_TOKEN (environment) is the bootstrap token.
 * `yishi token rotate` stores the SHA-256 of a new token in the `settings` collection; from then
 * on every instance accepts only the new token (checked again every {@link REFRESH_MS}), so a
 * leaked ADMIN_TOKEN stops working without a redeploy. `yishi token reset` removes the rotated
 * token, and ADMIN_TOKEN works again. The plain token is never stored.
 */
export const ADMIN_TOKEN_SETTING = 'admin-token-rotation';

/** How often each instance re-reads the stored token (what "within 15 s" in the docs means). */
export const REFRESH_MS = 15_000;

/** Marks a "current token" that is a stored digest rather than a plain token (see admin-auth.ts). */
export const DIGEST_PREFIX = 'sha256:';

export interface RotatedAdminToken {
  sha256: string;
  rotatedAt: string;
}

export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh token: 32 URL-safe characters (192 bits). */
export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Stores a new token's digest; returns the plain token (shown once to the operator). */
export async function rotateAdminToken(settings: SettingsRepository, now: Date): Promise<string> {
  const token = newAdminToken();
  await settings.set<RotatedAdminToken | null>(ADMIN_TOKEN_SETTING, { sha256: digestOf(token), rotatedAt: now.toISOString() }, now);
  return token;
}

/** Removes the rotated token; false when there was none. */
export async function resetAdminToken(settings: SettingsRepository, now: Date): Promise<boolean> {
  const current = await settings.get<RotatedAdminToken | null>(ADMIN_TOKEN_SETTING);
  await settings.set<RotatedAdminToken | null>(ADMIN_TOKEN_SETTING, null, now);
  return Boolean(current?.sha256);
}

/**
 * Keeps the accepted admin token current on one instance: `current()` is ADMIN_TOKEN, or
 * `sha256:<hex>` once a rotated token is stored. Reads are cached, so a request never waits on it.
 */
export class AdminTokenKeeper {
  private rotated: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly bootstrap: string,
  ) {}

  current(): string {
    return this.rotated ? `${DIGEST_PREFIX}${this.rotated}` : this.bootstrap;
  }

  async refresh(): Promise<void> {
    const stored = await this.settings.get<RotatedAdminToken | null>(ADMIN_TOKEN_SETTING);
    this.rotated = stored && /^[0-9a-f]{64}$/.test(stored.sha256) ? stored.sha256 : null;
  }

  start(onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.refresh().catch(onError), REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
