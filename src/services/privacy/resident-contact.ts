import { findContactDetails, maskPhone } from './contact-details.js';
import { looksLikeName, maskName } from './names.js';

/** The masked form residents are shown everywhere: `张** 138****5678` (either part may be missing). */
export function maskContact(contact: { name?: string; phone?: string }): string {
  return [contact.name ? maskName(contact.name) : '', contact.phone ? maskPhone(contact.phone) : ''].filter(Boolean).join(' ');
}

/** The first mobile number in a text, as 11 ASCII digits (any of the forms the masker knows). */
export function firstMobile(text: string): string | undefined {
  return findContactDetails(text).find((d) => d.kind === 'mobile')?.digits;
}

/** Words said around a name and a number that are not the name (`我姓张，电话…`, `手机号是…，叫我小王就行`). */
const LEADING_CUES = [
  '我的名字叫',
  '我的名字是',
  '名字叫',
  '名字是',
  '联系电话',
  '电话号码',
  '手机号码',
  '手机号',
  '我姓',
  '我叫',
  '我是',
  '叫我',
  '称呼',
  '电话',
  '手机',
  '号码',
  '找',
  '姓',
  '是',
];
const TRAILING_CUES = [
  '就行了',
  '就行',
  '就好',
  '谢谢',
  '吧',
  '联系电话',
  '电话是',
  '手机号是',
  '手机是',
  '手机号',
  '电话',
  '手机',
  '号码',
  '的',
];

function withoutCues(piece: string): string {
  let rest = piece;
  for (let again = true; again;) {
    again = false;
    const lead = LEADING_CUES.find((cue) => rest.startsWith(cue) && rest.length > cue.length);
    if (lead) {
      rest = rest.slice(lead.length);
      again = true;
    }
    const trail = TRAILING_CUES.find((cue) => rest.endsWith(cue) && rest.length > cue.length);
    if (trail) {
      rest = rest.slice(0, -trail.length);
      again = true;
    }
  }
  return rest;
}

/**
 * Reads a resident's contact in the sentence it comes in (`张先生 138-1234-5678`, `我姓张，电话
 * 13912345678`, `张阿姨 139…`): the mobile number in any form the masker knows, and the first
 * piece of what is left that reads as a name once the words around it (我姓, 电话, 就行…) are taken off.
 */
export function readPhoneAndName(text: string): { phone?: string; name?: string } {
  const mobile = findContactDetails(text).find((d) => d.kind === 'mobile');
  const without = mobile ? `${text.slice(0, mobile.start)} ${text.slice(mobile.end)}` : text;
  const pieces = without
    .split(/[\s\p{P}\p{S}\p{N}]+/u)
    .map(withoutCues)
    .filter((piece) => piece.length > 0);
  const name = pieces.find(looksLikeName);
  return { ...(mobile ? { phone: mobile.digits } : {}), ...(name ? { name } : {}) };
}
