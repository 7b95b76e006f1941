import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DINGTALK_SIGN_WINDOW_MS, dingtalkSign } from '../../../../src/platforms/dingtalk/verify.js';

// Computed outside Node (Python's hmac + base64) from DingTalk's rule:
// Base64(HmacSHA256(key = appSecret, message = timestamp + "\n" + appSecret)).
const VECTORS: Array<[timestamp: string, secret: string, sign: string]> = [
  ['1577262236757', 'SECKEY', 'uvFVOeu6ZwKtKOHcBjloi89GkdXHxrpqhi88rlDXNcs='],
  ['1700000000000', 'dingxxxxxxxx-秘钥', 'MVEcWndrOr4zvFV+nFRQ63jUdFpVfah1oLwoaNNxghU='],
  ['1577262236757', '', 'TlafHBgR8lNQpkgeXRAqPvWnKngpoVVfN3TigfmS5x8='],
];

describe("DingTalk's robot signature", () => {
  it.each(VECTORS)('signs timestamp %s with secret 「%s」 as %s', (timestamp, secret, sign) => {
    expect(dingtalkSign(timestamp, secret)).toBe(sign);
  });

  it('accepts timestamps up to one hour from now, either way', () => {
    expect(DINGTALK_SIGN_WINDOW_MS).toBe(3_600_000);
  });

  it('is plain Base64 of the 32-byte HMAC, not URL-encoded', () => {
    const sign = dingtalkSign('1577262236757', 'SECKEY');
    expect(sign).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(sign, 'base64')).toHaveLength(32);
  });

  it('keys the HMAC with the secret and signs the timestamp, a newline and the secret (UTF-8)', () => {
    const timestamp = '1767225600000';
    const secret = 'C-应用密钥/with+symbols=';
    const independent = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.concat([Buffer.from(timestamp, 'ascii'), Buffer.from([0x0a]), Buffer.from(secret, 'utf8')]))
      .digest()
      .toString('base64');
    expect(dingtalkSign(timestamp, secret)).toBe(independent);
  });

  it('changes with the timestamp, with the secret, and with the order of the two', () => {
    const base = dingtalkSign('1577262236757', 'SECKEY');
    expect(dingtalkSign('1577262236758', 'SECKEY')).not.toBe(base);
    expect(dingtalkSign('1577262236757', 'SECKEz')).not.toBe(base);
    expect(dingtalkSign('SECKEY', '1577262236757')).not.toBe(base);
    expect(dingtalkSign('1577262236757 ', 'SECKEY')).not.toBe(base);
  });
});
