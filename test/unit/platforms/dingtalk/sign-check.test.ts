import { describe, expect, it } from 'vitest';
import { checkDingtalkSign, DINGTALK_SIGN_WINDOW_MS, dingtalkSign } from '../../../../src/platforms/dingtalk/verify.js';

const SECRET = 'SECKEY';
const NOW = 1_767_225_600_000;
const signed = (timestamp: number | string) => [String(timestamp), dingtalkSign(String(timestamp), SECRET)] as const;

describe("checking a DingTalk callback's timestamp and sign headers", () => {
  it('accepts a fresh, correctly signed request', () => {
    expect(checkDingtalkSign(...signed(NOW), SECRET, NOW)).toEqual({ ok: true });
  });

  it.each([
    [undefined, 'x'],
    ['', 'x'],
    [String(NOW), undefined],
    [String(NOW), ''],
  ])('refuses missing headers (timestamp %j, sign %j)', (timestamp, sign) => {
    expect(checkDingtalkSign(timestamp, sign, SECRET, NOW)).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it.each(['abc', '1.5e12', '-1767225600000', ' 1767225600000', '1767225600000 ', '12345678901234567', '１７６７２２５６００００'])(
    'refuses the timestamp %j as unreadable',
    (timestamp) => {
      expect(checkDingtalkSign(timestamp, dingtalkSign(timestamp, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'bad_timestamp' });
    },
  );

  it('accepts sixteen digits and one', () => {
    expect(checkDingtalkSign(...signed('0000001767225600'), SECRET, 1_767_225_600).ok).toBe(true);
    expect(checkDingtalkSign(...signed('5'), SECRET, 5)).toEqual({ ok: true });
  });

  it('accepts the edges of the hour either way and refuses one millisecond beyond', () => {
    expect(checkDingtalkSign(...signed(NOW - DINGTALK_SIGN_WINDOW_MS), SECRET, NOW)).toEqual({ ok: true });
    expect(checkDingtalkSign(...signed(NOW + DINGTALK_SIGN_WINDOW_MS), SECRET, NOW)).toEqual({ ok: true });
    expect(checkDingtalkSign(...signed(NOW - DINGTALK_SIGN_WINDOW_MS - 1), SECRET, NOW)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(checkDingtalkSign(...signed(NOW + DINGTALK_SIGN_WINDOW_MS + 1), SECRET, NOW)).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('refuses a sign made with another secret, for another timestamp, cut short or lengthened', () => {
    const [timestamp, sign] = signed(NOW);
    expect(checkDingtalkSign(timestamp, dingtalkSign(timestamp, 'OTHER'), SECRET, NOW)).toEqual({ ok: false, reason: 'bad_sign' });
    expect(checkDingtalkSign(timestamp, dingtalkSign(String(NOW + 1), SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'bad_sign' });
    expect(checkDingtalkSign(timestamp, sign.slice(0, -1), SECRET, NOW)).toEqual({ ok: false, reason: 'bad_sign' });
    expect(checkDingtalkSign(timestamp, `${sign}=`, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_sign' });
    expect(checkDingtalkSign(timestamp, encodeURIComponent(sign) === sign ? `${sign}%` : encodeURIComponent(sign), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad_sign',
    });
  });
});
