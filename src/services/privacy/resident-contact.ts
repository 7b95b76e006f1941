import { findContactDetails, maskPhone } from './contact-details.js';
import { maskName } from './names.js';

/** The masked form residents are shown everywhere: `张** 138****5678` (either part may be missing). */
export function maskContact(contact: { name?: string; phone?: string }): string {
  return [contact.name ? maskName(contact.name) : '', contact.phone ? maskPhone(contact.phone) : ''].filter(Boolean).join(' ');
}

/** The first mobile number in a text, as 11 ASCII digits (any of the forms the masker knows). */
export function firstMobile(text: string): string | undefined {
  return findContactDetails(text).find((d) => d.kind === 'mobile')?.digits;
}

/**
 * Reads "张先生 138-1234-5678" as a phone and a name: the mobile number in any form the masker
 * knows; what is left (without punctuation) is the name, at most 10 characters.
 */
export function readPhoneAndName(text: string): { phone?: string; name?: string } {
  const mobile = findContactDetails(text).find((d) => d.kind === 'mobile');
  const without = mobile ? `${text.slice(0, mobile.start)} ${text.slice(mobile.end)}` : text;
  const rest = without.replace(/[\s\p{P}\p{S}\p{N}]+/gu, ' ').trim();
  const name = rest && [...rest].length <= 10 ? rest : undefined;
  return { ...(mobile ? { phone: mobile.digits } : {}), ...(name ? { name } : {}) };
}
