/**
 * A mainland mobile number as people type it (`13812345678`, `138 1234 5678`, `138-1234-5678`,
 * `+86 13812345678`): its 11 digits, starting with 1; anything else (10 digits, a landline) is undefined.
 */
export function mobileDigits(typed: string): string | undefined {
  const digits = typed
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(?:\+86|0086)/, '');
  return /^1\d{10}$/.test(digits) ? digits : undefined;
}
