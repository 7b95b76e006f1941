import type { Address } from '../platforms/types.js';

/**
 * How an address is named in bookkeeping (rate limits, delivery fingerprints, a group's channels).
 * Each platform's rule lives in its own folder; the composition hands the services this port.
 *
 * @example
 * const same = addresses.key(channel) === addresses.key(address);
 */
export interface AddressIdentity {
  /** A stable identity for an address (e.g. one group robot); may contain secrets, so never store or log it. */
  key(address: Address): string;
  /** {@link key} hashed: safe to store and log. */
  fingerprint(address: Address): string;
}
