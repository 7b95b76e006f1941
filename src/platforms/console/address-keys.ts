import type { AddressKeys } from '../types.js';

/** The console's addresses in bookkeeping. */
export const CONSOLE_ADDRESS_KEYS: AddressKeys = {
  console: (address) => `console:${address.kind}:${address.id}`,
};
