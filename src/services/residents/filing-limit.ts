import type { Clock } from '../../core/clock.js';
import type { Address, IncomingMessage } from '../../platforms/types.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import { residentIdentity } from '../opinions/support.js';

const HOUR_MS = 60 * 60_000;

export interface FilingLimitDeps {
  opinions: OpinionService;
  /** The resident behind a kf identity (created on first contact, identity only). */
  residents: { findOrCreate(identityKey: string, address: Address): Promise<{ id: string }> };
  clock: Clock;
  /** RESIDENT_OPINIONS_PER_HOUR. */
  perHour: number;
}

/**
 * How many new opinions one resident may file on 微信客服 within any hour.
 *
 * Why the opinions themselves and not a Coordination token bucket: a bucket of N refilling over
 * an hour lets through up to 2N−1 in a sliding hour, and it cannot give a token back when a
 * filing turns out to be a +1 on a similar opinion (nothing new filed). Counting the resident's
 * opinions created in the last hour is exact, survives a restart, is the same on every
 * instance, and the kf sync handles one account's messages one at a time, so two filings of one
 * resident never race.
 */
export class ResidentFilingLimit {
  constructor(private readonly deps: FilingLimitDeps) {}

  get perHour(): number {
    return this.deps.perHour;
  }

  /** Undefined when the resident may file a new opinion now; else the instant a slot frees up. */
  async nextSlot(message: IncomingMessage): Promise<Date | undefined> {
    const { identityKey, address } = residentIdentity(message);
    const resident = await this.deps.residents.findOrCreate(identityKey, address);
    const now = this.deps.clock.now().getTime();
    const recent = await this.deps.opinions.list(
      { filerId: resident.id, from: new Date(now - HOUR_MS) },
      { skip: 0, limit: this.deps.perHour },
    );
    if (recent.total < this.deps.perHour) return undefined;
    // Newest first: once the perHour-th newest leaves the hour, fewer than perHour remain.
    const oldestCounted = recent.items[this.deps.perHour - 1] ?? recent.items[recent.items.length - 1];
    return new Date((oldestCounted ? new Date(oldestCounted.createdAt).getTime() : now) + HOUR_MS);
  }
}
