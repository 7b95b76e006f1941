/** A mainland mobile number: 11 digits, 1 then 3–9. */
export const MAINLAND_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** `张三` → `张**`, `欧阳娜娜` → `欧***`: the family name stays, so staff can say 张女士. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(2, characters.length - 1))}`;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** The masked form residents are shown everywhere: `张** 138****5678` (either part may be missing). */
export function maskContact(contact: { name?: string; phone?: string }): string {
  return [contact.name ? maskName(contact.name) : '', contact.phone ? maskPhone(contact.phone) : ''].filter(Boolean).join(' ');
}

/**
 * Reads "张先生 138-1234-5678" as a phone and a name. Spaces and dashes inside the number are
 * allowed; what is left (without punctuation) is the name, at most 10 characters.
 */
export function readPhoneAndName(text: string): { phone?: string; name?: string } {
  const compact = text.replace(/(\d)[\s-]+(?=\d)/g, '$1');
  const phone = MAINLAND_MOBILE.exec(compact)?.[0];
  const rest = (phone ? compact.replace(phone, ' ') : compact).replace(/[\s\p{P}\p{S}\d]+/gu, ' ').trim();
  const name = rest && [...rest].length <= 10 ? rest : undefined;
  return { ...(phone ? { phone } : {}), ...(name ? { name } : {}) };
}
