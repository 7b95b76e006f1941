/**
 * Recognises contact details in free text however they are written — mobile numbers with any
 * separator or none, with +86/0086, in full-width or other Unicode digits, in Chinese numerals
 * (小写, 大写, 幺, 〇/零); landlines with an area code; 18-character ID numbers — and masks them,
 * while dates, opinion numbers, amounts, times and counts pass unchanged.
 *
 * The text is read as groups of digits (any of the forms above) joined by short runs of
 * separators; a contact detail is a run of consecutive groups whose digits make one exactly.
 */

export type ContactDetailKind = 'mobile' | 'landline' | 'id-number';

export interface ContactDetail {
  kind: ContactDetailKind;
  /** Code-unit offsets into the text: [start, end). */
  start: number;
  end: number;
  /** The number in ASCII digits, without +86/0086 (an ID number may end in X). */
  digits: string;
  /** How it is shown once masked: `139****5678`, `0571-****1234`, `110***********123X`. */
  masked: string;
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const digitCache = new Map<string, string | null>();

/** The ASCII digit a character stands for (`３`, `𝟑`, `③`, `三`, `叁` → `3`), or null. */
export function digitOf(char: string): string | null {
  if (char.length === 1 && char >= '0' && char <= '9') return char;
  if (char.length === 1 && char < '\u0080') return null;
  const cached = digitCache.get(char);
  if (cached !== undefined) return cached;
  const folded = char.normalize('NFKC');
  const digit = CHINESE_DIGITS[char] ?? (folded.length === 1 && folded >= '0' && folded <= '9' ? folded : null);
  digitCache.set(char, digit);
  return digit;
}

/** Letters and numbers end a group; so do colons (times: 13:30) and line ends of more than a few marks. */
const isBreaker = (char: string) => /[\p{L}\p{N}:：]/u.test(char);
const isIdCheckX = (char: string) => char === 'X' || char === 'x' || char === 'Ｘ' || char === 'ｘ';
/** At most this many separator characters between two groups of one number (`139 - 1234`). */
const MAX_SEPARATOR_RUN = 3;
/** Longest digit string any detail can have: 0086 + 12-digit landline. */
const MAX_DIGITS = 16;

interface Group {
  start: number;
  end: number;
  digits: string;
  /** A trailing X/x right after the digits (the check character of an ID number). */
  checkX: boolean;
}

/** Arabic-style digits (ASCII, full-width, circled…) and Chinese numerals start separate groups where they meet. */
const scriptOf = (char: string) => (CHINESE_DIGITS[char] === undefined ? 'arabic' : 'chinese');

/** Consecutive groups joined by separators; each chain is searched on its own. */
function readChains(text: string): Group[][] {
  const chains: Group[][] = [];
  let chain: Group[] = [];
  let group: (Group & { script: string }) | null = null;
  let separators = 0;
  let offset = 0;
  const closeGroup = () => {
    if (group) chain.push({ start: group.start, end: group.end, digits: group.digits, checkX: group.checkX });
    group = null;
  };
  const closeChain = () => {
    closeGroup();
    if (chain.length > 0) chains.push(chain);
    chain = [];
  };
  for (const char of text) {
    const digit = digitOf(char);
    if (digit !== null) {
      const script = scriptOf(char);
      // An ID number's X ends the number: what follows is another one (`…123X 5号楼`).
      if ((group ?? chain[chain.length - 1])?.checkX) closeChain();
      if (group && group.script !== script) closeGroup();
      if (!group && separators > MAX_SEPARATOR_RUN) closeChain();
      group ??= { start: offset, end: offset, digits: '', checkX: false, script };
      group.digits += digit;
      group.end = offset + char.length;
      separators = 0;
    } else if (group && !group.checkX && isIdCheckX(char)) {
      group.checkX = true;
    } else if (isBreaker(char)) {
      closeChain();
      separators = 0;
    } else {
      closeGroup();
      separators += 1;
    }
    offset += char.length;
  }
  closeChain();
  return chains;
}

const MOBILE = /^(?:(?:00)?86)?(1[3-9]\d{9})$/;
const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})$/;
const LOCAL_NUMBER = /^\d{7,8}$/;
const LANDLINE_IN_ONE = /^(?:(?:00)?86)?0?(10|2\d|[3-9]\d{2})(\d{7,8})$/;
const ID_NUMBER = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

const stars = (count: number) => '*'.repeat(count);

type Reading = Omit<ContactDetail, 'start' | 'end'> & { withX: boolean };

/** The detail that groups[from..to] spell, if any (an ID number may take the last group's X). */
function detailOf(groups: readonly Group[], from: number, to: number): Reading | null {
  const parts = groups.slice(from, to + 1).map((g) => g.digits);
  const digits = parts.join('');
  if (groups[to]!.checkX && ID_NUMBER.test(`${digits}X`)) return { ...idNumber(`${digits}X`), withX: true };
  if (ID_NUMBER.test(digits)) return { ...idNumber(digits), withX: false };
  const mobile = MOBILE.exec(digits);
  if (mobile) return { kind: 'mobile', digits: mobile[1]!, masked: `${mobile[1]!.slice(0, 3)}****${mobile[1]!.slice(-4)}`, withX: false };
  const landline = landlineOf(parts, digits);
  return landline ? { ...landline, withX: false } : null;
}

const idNumber = (id: string) => ({ kind: 'id-number' as const, digits: id, masked: `${id.slice(0, 3)}${stars(11)}${id.slice(-4)}` });

/**
 * A landline is read only where its area code stands apart (`0571-8888 1234`, `(010)12345678`,
 * `+86 571 88881234`) or the whole number is one group (`057188881234`): date ranges such as
 * `03-05~2026-03-10` must not read as one.
 */
function landlineOf(parts: readonly string[], digits: string): Omit<ContactDetail, 'start' | 'end'> | null {
  const international = parts[0] === '86' || parts[0] === '0086';
  const rest = international ? parts.slice(1) : parts;
  let area: string | undefined;
  let local: string | undefined;
  if (rest.length === 1 && !international) {
    const one = LANDLINE_IN_ONE.exec(rest[0]!);
    // `057188881234`, or written without a gap after the country code: `+8657188881234`, `008657188881234`.
    const countryCodeFirst = /^(?:00)?86[1-9]/.test(rest[0]!);
    if (one && (rest[0]!.startsWith('0') || countryCodeFirst)) [area, local] = [`0${one[1]}`, one[2]];
  } else if (rest.length >= 2) {
    const code = international ? `0${rest[0]}` : rest[0]!;
    const number = rest.slice(1).join('');
    if (AREA_CODE.test(code) && LOCAL_NUMBER.test(number) && !(international && rest[0]!.startsWith('0'))) [area, local] = [code, number];
  } else if (rest.length === 1 && international) {
    const one = LANDLINE_IN_ONE.exec(`86${rest[0]}`);
    if (one && !rest[0]!.startsWith('0')) [area, local] = [`0${one[1]}`, one[2]];
  }
  if (!area || !local || digits.length > MAX_DIGITS) return null;
  return { kind: 'landline', digits: `${area}${local}`, masked: `${area}-****${local.slice(-4)}` };
}

/** Widens a span over a `+` or an opening bracket right before it, and its closing bracket. */
function widen(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && /[+＋(（]/.test(text[from - 1]!)) from -= 1;
  const opened = text.slice(from, start).match(/[(（]/g)?.length ?? 0;
  const closed = text.slice(start, end).match(/[)）]/g)?.length ?? 0;
  let to = end;
  if (opened > closed && /[)）]/.test(text[to] ?? '')) to += 1;
  return { start: from, end: to };
}

/** Every contact detail in the text, in order (the longest reading wins where two overlap). */
export function findContactDetails(text: string): ContactDetail[] {
  const found: ContactDetail[] = [];
  for (const chain of readChains(text)) {
    let from = 0;
    while (from < chain.length) {
      let best: { to: number; detail: Reading } | null = null;
      let length = 0;
      for (let to = from; to < chain.length; to += 1) {
        length += chain[to]!.digits.length;
        if (length > MAX_DIGITS + 2) break; // an ID number has 18 at most
        const detail = detailOf(chain, from, to);
        if (detail) best = { to, detail };
      }
      if (!best) {
        from += 1;
        continue;
      }
      const { withX, ...detail } = best.detail;
      const end = chain[best.to]!.end;
      const span = widen(text, chain[from]!.start, withX ? end + 1 : end);
      found.push({ ...detail, ...span });
      from = best.to + 1;
    }
  }
  return found;
}

/** The text with every contact detail masked (`请打电话139.1234.5678` → `请打电话139****5678`). */
export function maskContactDetails(text: string): string {
  const details = findContactDetails(text);
  if (details.length === 0) return text;
  let out = '';
  let at = 0;
  for (const detail of details) {
    out += text.slice(at, detail.start) + detail.masked;
    at = detail.end;
  }
  return out + text.slice(at);
}

/** `13812345678` → `138****5678` (anything shorter than 7 digits: `****`). */
export function maskPhone(phone: string): string {
  const digits = [...phone]
    .map(digitOf)
    .filter((d): d is string => d !== null)
    .join('');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
