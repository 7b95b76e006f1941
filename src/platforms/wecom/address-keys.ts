import type { AddressKeys } from '../types.js';

/** WeCom's address families in bookkeeping (the webhook key is a secret: only its fingerprint is stored). */
export const WECOM_ADDRESS_KEYS: AddressKeys = {
  'wecom-app': (address) => `wecom-app:${address.userId}`,
  'wecom-group-robot': (address) => `wecom-group-robot:${address.webhookKey}`,
  'wecom-bot': (address) => `wecom-bot:${address.url}`,
  'wecom-kf': (address) => `wecom-kf:${address.openKfId}:${address.externalUserId}`,
};
