import type { AddressKeys } from '../types.js';

/** DingTalk's address families in bookkeeping (a custom robot is one robot whatever its signing secret). */
export const DINGTALK_ADDRESS_KEYS: AddressKeys = {
  dingtalk: (address) => (address.kind === 'user' ? `dingtalk:user:${address.staffId}` : `dingtalk:group:${address.openConversationId}`),
  'dingtalk-custom-robot': (address) => `dingtalk-custom-robot:${address.accessToken}`,
};
