import { createHash } from 'node:crypto';
import type { AddressIdentity } from '../services/address-identity.js';
import { CONSOLE_ADDRESS_KEYS } from './console/address-keys.js';
import { DINGTALK_ADDRESS_KEYS } from './dingtalk/address-keys.js';
import { WECOM_ADDRESS_KEYS } from './wecom/address-keys.js';
import type { Address, AddressKeys } from './types.js';

// Stored fingerprints were made with these keys, so each platform's rule stays as it was written.
const ADDRESS_KEYS: AddressKeys = { ...WECOM_ADDRESS_KEYS, ...DINGTALK_ADDRESS_KEYS, ...CONSOLE_ADDRESS_KEYS };

/** A stable identity for an address (e.g. one group robot), for rate-limit and delivery bookkeeping. */
export function addressKey(address: Address): string {
  const own = ADDRESS_KEYS[address.platform] as ((address: Address) => string) | undefined;
  if (own) return own(address);
  const { platform, kind, ...rest } = address as Address & Record<string, unknown>;
  const fields = Object.entries(rest)
    .filter(([name]) => name !== 'secret')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => String(value));
  return [platform, kind, ...fields].join(':');
}

/** {@link addressKey} hashed: safe to store and log (webhook keys and tokens are secrets). */
export function addressFingerprint(address: Address): string {
  return createHash('sha256').update(addressKey(address)).digest('hex').slice(0, 16);
}

/** The platforms' address rules as the port the services and stores take. */
export const platformAddressIdentity: AddressIdentity = { key: addressKey, fingerprint: addressFingerprint };
