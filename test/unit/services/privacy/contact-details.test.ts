import { describe, expect, it } from 'vitest';
import { digitOf, findContactDetails, maskContactDetails, maskPhone } from '../../../../src/services/privacy/contact-details.js';
import { CONTEXTS, SCRIPTS, idForms, innocentNumbers, landlineForms, mobileForms, type WrittenForm } from './contact-forms.js';

/** Every form in every context; the mismatches (empty when the masker is right), so one failure shows them all. */
function mismatches(forms: WrittenForm[], kind?: string): string[] {
  const wrong: string[] = [];
  for (const form of forms) {
    for (const context of CONTEXTS) {
      const text = context.replace('{}', form.text);
      const expected = context.replace('{}', form.masked);
      const masked = maskContactDetails(text);
      const found = findContactDetails(text);
      const ok =
        masked === expected &&
        found.length === 1 &&
        found[0]!.digits === form.digits &&
        found[0]!.masked === form.masked &&
        (kind === undefined || found[0]!.kind === kind);
      if (!ok) wrong.push(`${form.label}: ${JSON.stringify(text)} → ${JSON.stringify(masked)} (expected ${JSON.stringify(expected)})`);
    }
  }
  return wrong;
}

describe('the masker hides mobile numbers however they are written', () => {
  const forms = mobileForms();

  it('generates hundreds of forms', () => {
    expect(forms.length).toBeGreaterThanOrEqual(500);
  });

  it.each(Object.keys(SCRIPTS).map((s) => [s]))('in %s digits, every grouping, separator, prefix and sentence', (script) => {
    expect(
      mismatches(
        forms.filter((f) => f.label.startsWith(`${script} `)),
        'mobile',
      ),
    ).toEqual([]);
  });

  it('in mixed scripts', () => {
    expect(
      mismatches(
        forms.filter((f) => f.label === 'mixed scripts'),
        'mobile',
      ),
    ).toEqual([]);
  });
});

describe('the masker hides landlines with an area code and ID numbers', () => {
  it('landlines: 0571-8888 1234, (010)12345678, +86 571 88881234 … in every sentence', () => {
    expect(mismatches(landlineForms(), 'landline')).toEqual([]);
  });

  it('ID numbers: 18 characters, X or x last, spaced or full-width, in every sentence', () => {
    expect(mismatches(idForms(), 'id-number')).toEqual([]);
  });
});

describe('the masker leaves other numbers exactly as they are', () => {
  const texts = innocentNumbers();

  it('checks hundreds of dates, opinion numbers, amounts, times and counts', () => {
    expect(texts.length).toBeGreaterThanOrEqual(400);
  });

  it('finds no contact detail in any of them and changes none', () => {
    expect(texts.filter((text) => findContactDetails(text).length > 0 || maskContactDetails(text) !== text)).toEqual([]);
  });

  it('masks only the phone in a sentence full of other numbers', () => {
    const text = '2026年3月5日下午3点，MY-2026-000123 说的3号楼路灯，花了12000元还没修好，请打139.1234.5678找我，共120户受影响';
    expect(maskContactDetails(text)).toBe(
      '2026年3月5日下午3点，MY-2026-000123 说的3号楼路灯，花了12000元还没修好，请打139****5678找我，共120户受影响',
    );
  });
});

describe('the masker reads several details and the edges of each', () => {
  it('masks two phones and an ID in one text, each with its own form', () => {
    expect(maskContactDetails('甲13912345678，乙0571-88881234，证件11010519900307123X')).toBe(
      '甲139****5678，乙0571-****1234，证件110***********123X',
    );
  });

  it('keeps what follows a phone: an extension, a count, a separator run that is too long', () => {
    expect(maskContactDetails('13912345678x2')).toBe('139****5678x2');
    expect(maskContactDetails('13912345678 2次')).toBe('139****5678 2次');
    expect(maskContactDetails('139 -- 1234 5678')).toBe('139 -- 1234 5678');
  });

  it('reads a phone right after a Chinese numeral that is not part of it', () => {
    expect(maskContactDetails('第一13912345678')).toBe('第一139****5678');
  });

  it('does not take a phone to be part of a longer run of digits', () => {
    expect(maskContactDetails('1391234567890')).toBe('1391234567890');
    expect(maskContactDetails('2139123456789')).toBe('2139123456789');
    expect(maskContactDetails('1291234567')).toBe('1291234567');
  });

  it('refuses an 18-digit run whose birth date is impossible, and a 17-digit one with no check character', () => {
    expect(maskContactDetails('110105199013071234')).toBe('110105199013071234');
    expect(maskContactDetails('11010519900307123')).toBe('11010519900307123');
  });

  it('gives the span of the whole written number, brackets and + included', () => {
    expect(findContactDetails('打(010)12345678吧')).toEqual([
      { kind: 'landline', start: 1, end: 14, digits: '01012345678', masked: '010-****5678' },
    ]);
    expect(findContactDetails('号码+86 139 1234 5678')).toEqual([
      { kind: 'mobile', start: 2, end: 19, digits: '13912345678', masked: '139****5678' },
    ]);
  });

  it('is idempotent: masked text stays as it is', () => {
    for (const text of ['139****5678', '0571-****1234', '110***********123X']) expect(maskContactDetails(text)).toBe(text);
  });
});

describe('digits in every script', () => {
  it.each([
    ['7', '7'],
    ['７', '7'],
    ['𝟕', '7'],
    ['⑦', '7'],
    ['七', '7'],
    ['柒', '7'],
    ['幺', '1'],
    ['〇', '0'],
    ['零', '0'],
    ['a', null],
    ['十', null],
    ['两', null],
    [':', null],
  ])('%s → %s', (char, digit) => {
    expect(digitOf(char)).toBe(digit);
  });

  it('masks a stored phone in any form as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('１３８１２３４５６７８')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone('1234567')).toBe('123****4567');
  });
});

describe('each digit and the edges of the digit ranges', () => {
  it.each([
    ['〇零', '0'],
    ['一幺壹', '1'],
    ['二贰貳', '2'],
    ['三叁參', '3'],
    ['四肆', '4'],
    ['五伍', '5'],
    ['六陆陸', '6'],
    ['七柒', '7'],
    ['八捌', '8'],
    ['九玖', '9'],
  ])('every Chinese numeral in %s is %s', (chars, digit) => {
    expect([...chars].map(digitOf)).toEqual([...chars].map(() => digit));
  });

  it.each([
    ['0', '0'],
    ['9', '9'],
    ['/', null], // just below 0
    [';', null], // just past 9 and :
    ['０', '0'],
    ['９', '9'],
    ['𝟎', '0'],
    ['⁰', '0'],
    ['①', '1'],
    ['⑩', null], // two digits once folded
    ['⒈', null], // a digit and a dot
    ['㍘', null], // 0点: starts with a digit, is not one
    ['½', null],
    ['\u0080', null],
    ['X', null],
  ])('digitOf(%j) is %j, and the same when asked again', (char, digit) => {
    expect(digitOf(char)).toBe(digit);
    expect(digitOf(char)).toBe(digit);
  });
});

describe('what joins the groups of one number, and what ends it', () => {
  it.each([
    // Up to three separator characters join two groups; a fourth ends the number.
    ['139 - 1234 5678', '139****5678'],
    ['139 -  1234 5678', '139 -  1234 5678'],
    ['139-1234 - 5678', '139****5678'],
    ['139-1234 -- 5678', '139-1234 -- 5678'],
    // Letters, other numbers and colons end it.
    ['139a1234a5678', '139a1234a5678'],
    ['139:1234:5678', '139:1234:5678'],
    ['139：1234：5678', '139：1234：5678'],
    ['139½1234½5678', '139½1234½5678'],
    ['139Ⅻ1234Ⅻ5678', '139Ⅻ1234Ⅻ5678'],
    // A Chinese numeral next to Arabic digits starts a group of its own, as does what follows an X.
    ['第一13912345678', '第一139****5678'],
    ['1391234567八八', '1391234567八八'],
    ['13912345678八', '139****5678八'],
    ['11010519900307123X5', '110***********123X5'],
    ['11010519900307123x 5', '110***********123X 5'],
    ['11010519900307123Ｘ', '110***********123X'],
    ['11010519900307123ｘ', '110***********123X'],
    ['11010519900307123XX', '110***********123XX'],
    ['身份证11010519900307123X 5号楼', '身份证110***********123X 5号楼'],
    ['13912345678X13812345678', '139****5678X138****5678'],
  ])('%j → %j', (text, masked) => {
    expect(maskContactDetails(text)).toBe(masked);
  });
});

describe('landlines: where the area code stands, and how long the number is', () => {
  it.each([
    ['0086 571 88881234', '0571-****1234', 0, 17],
    ['86 571 8888 1234', '0571-****1234', 0, 16],
    ['+86 57188881234', '0571-****1234', 0, 15],
    ['+86 0571 88881234', '+86 0571-****1234', 4, 17], // +86 and a 0 both: the +86 is not read
    ['+86 057188881234', '+86 0571-****1234', 4, 16],
    ['+8657188881234', '0571-****1234', 0, 14],
    ['008657188881234', '0571-****1234', 0, 15],
    ['862112345678', '021-****5678', 0, 12],
    ['0086 0571 88881234', '0086 0571-****1234', 5, 18],
    ['12 0571 88881234', '12 0571-****1234', 3, 16],
    ['0571 888 81234', '0571-****1234', 0, 14],
    ['0571 8888 1234 5', '0571-****1234 5', 0, 14],
    ['010 1234567', '010-****4567', 0, 11],
    ['0311 1234567', '0311-****4567', 0, 12],
    ['057188881234', '0571-****1234', 0, 12],
    ['(0571)88881234)', '0571-****1234)', 0, 14],
    ['((0571)88881234', '0571-****1234', 0, 15],
    ['电话（0571）8888-1234）', '电话0571-****1234）', 2, 17],
  ])('%j → %j, its span %i–%i', (text, masked, start, end) => {
    expect(maskContactDetails(text)).toBe(masked);
    expect(findContactDetails(text).map((d) => [d.kind, d.start, d.end])).toEqual([['landline', start, end]]);
  });

  it.each([
    ['010 123456'], // a local number of 6 digits
    ['010 123456789'], // or 9
    ['01 12345678'], // no such area code
    ['0200 1234567'],
    ['0111 1234567'],
    ['57188881234'], // no 0 before the area code, no +86
    ['0057188881234'],
    ['08613912345678'],
    ['12912345678'],
  ])('leaves %j alone', (text) => {
    expect(findContactDetails(text)).toEqual([]);
    expect(maskContactDetails(text)).toBe(text);
  });

  it.each([
    ['8613912345678', 0, 13],
    ['008613912345678', 0, 15],
    ['+(86)13912345678', 0, 16],
    ['＋86 13912345678', 0, 15],
  ])('reads %j as a mobile with its country code, span %i–%i', (text, start, end) => {
    expect(findContactDetails(text)).toEqual([{ kind: 'mobile', start, end, digits: '13912345678', masked: '139****5678' }]);
  });
});

describe('the span of a detail: a + or brackets before it, and the one closing bracket they call for', () => {
  it.each([
    ['13912345678）', '139****5678）', 0, 11],
    ['13912345678)', '139****5678)', 0, 11],
    ['(13912345678)', '139****5678', 0, 13],
    ['((13912345678))', '139****5678)', 0, 14],
    ['（0571）88881234', '0571-****1234', 0, 14],
    ['+ 13912345678', '+ 139****5678', 2, 13],
    ['++86 13912345678', '139****5678', 0, 16],
    ['a+13912345678', 'a139****5678', 1, 13],
    ['(+86)139 1234 5678)', '139****5678)', 0, 18],
  ])('%j → %j, span %i–%i', (text, masked, start, end) => {
    expect(maskContactDetails(text)).toBe(masked);
    expect(findContactDetails(text).map((d) => [d.start, d.end])).toEqual([[start, end]]);
  });
});

describe('ID numbers: exactly 18 characters, and every day of the month', () => {
  it.each([
    ['511010519900307123X', '511010519900307123X'], // 18 digits then X: the last 17 and X are no ID number
    ['110105199003071234x', '110***********1234x'], // 18 digits: the x after them is not its check character
    ['110105199003251234', '110***********1234'],
    ['11010519900329123X', '110***********123X'],
    ['110105199003311234', '110***********1234'],
    ['110105199003321234', '110105199003321234'],
  ])('%j → %j', (text, masked) => {
    expect(maskContactDetails(text)).toBe(masked);
  });
});

describe('edges found by mutation testing', () => {
  it.each([
    ['X 13912345678', 'X 139****5678', 'mobile', 2, 13], // an X that follows no digits is a letter
    ['Xbox13912345678', 'Xbox139****5678', 'mobile', 4, 15],
    ['(a) 13912345678)', '(a) 139****5678)', 'mobile', 4, 15], // only a bracket right before it calls for one after
    ['（注）13912345678）', '（注）139****5678）', 'mobile', 3, 14],
    ['0086057188881234', '0571-****1234', 'landline', 0, 16], // the longest landline: 16 digits
  ])('%j → %j', (text, masked, kind, start, end) => {
    expect(maskContactDetails(text)).toBe(masked);
    expect(findContactDetails(text).map((d) => [d.kind, d.start, d.end])).toEqual([[kind, start, end]]);
  });
});
