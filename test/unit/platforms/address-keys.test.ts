import { describe, expect, it } from 'vitest';
import { addressFingerprint, addressKey } from '../../../src/platforms/address-identity.js';
import type { Address } from '../../../src/platforms/types.js';

describe('address keys', () => {
  it('keep the keys stored fingerprints were made with, for every built-in family', () => {
    const keys: Array<[Address, string]> = [
      [{ platform: 'wecom-app', kind: 'user', userId: 'zhangsan' }, 'wecom-app:zhangsan'],
      [{ platform: 'wecom-group-robot', kind: 'group', webhookKey: 'k1' }, 'wecom-group-robot:k1'],
      [{ platform: 'wecom-bot', kind: 'response-url', url: 'https://x/y' }, 'wecom-bot:https://x/y'],
      [{ platform: 'wecom-kf', kind: 'customer', openKfId: 'wk1', externalUserId: 'wm1' }, 'wecom-kf:wk1:wm1'],
      [{ platform: 'dingtalk', kind: 'user', staffId: 's1' }, 'dingtalk:user:s1'],
      [{ platform: 'dingtalk', kind: 'group', openConversationId: 'cid1' }, 'dingtalk:group:cid1'],
      [{ platform: 'dingtalk-custom-robot', kind: 'group', accessToken: 't1', secret: 'SEC' }, 'dingtalk-custom-robot:t1'],
      [{ platform: 'console', kind: 'group', id: 'room' }, 'console:group:room'],
    ];
    for (const [address, key] of keys) expect(addressKey(address)).toBe(key);
  });

  it('key a family no platform keys itself by all its fields but a secret, whatever their order', () => {
    const address = { platform: 'elsewhere', kind: 'room', roomId: 'r1', secret: 'SEC', region: 'cn' } as unknown as Address;
    const reordered = { secret: 'OTHER', region: 'cn', roomId: 'r1', kind: 'room', platform: 'elsewhere' } as unknown as Address;
    expect(addressKey(address)).toBe('elsewhere:room:cn:r1');
    expect(addressFingerprint(reordered)).toBe(addressFingerprint(address));
  });
});
