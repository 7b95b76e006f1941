/**
 * Generated ways people write contact details (and numbers that are not contact details), shared
 * by the fast masker tests and the store-backed privacy test.
 */

const FULL_WIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));
const LOWER = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LOWER_ZERO_YAO = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];
const UPPER = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/** How each digit is written. */
export const SCRIPTS: Record<string, (d: string) => string> = {
  ascii: (d) => d,
  'full-width': FULL_WIDTH,
  小写: (d) => LOWER[Number(d)]!,
  '小写 幺/零': (d) => LOWER_ZERO_YAO[Number(d)]!,
  大写: (d) => UPPER[Number(d)]!,
};

/** What goes between the groups of a number. */
export const SEPARATORS = ['', ' ', '-', '.', '_', '　', ' - ', '—', '·', '/', '，', '~', '\t', '－', '．'];

/** Mobile numbers to write (11 digits, 1 then 3–9). */
export const MOBILES = ['13912345678', '15800001111', '18688886666', '17012340987', '19999999999', '13000000000'];

export interface WrittenForm {
  label: string;
  text: string;
  /** The 11 digits (mobile) or the full number (landline, ID) that must not survive. */
  digits: string;
  masked: string;
}

const write = (digits: string, script: (d: string) => string) => [...digits].map(script).join('');

/** Every mobile in every script, grouping, separator and prefix: several hundred forms. */
export function mobileForms(): WrittenForm[] {
  const forms: WrittenForm[] = [];
  for (const mobile of MOBILES) {
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
    for (const [scriptName, script] of Object.entries(SCRIPTS)) {
      for (const separator of SEPARATORS) {
        const groups = [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)];
        forms.push({
          label: `${scriptName} 3-4-4 "${separator}"`,
          text: groups.map((g) => write(g, script)).join(separator),
          digits: mobile,
          masked,
        });
      }
      for (const prefix of ['+86', '+86 ', '0086', '0086-', '86 ', '+86-']) {
        forms.push({ label: `${scriptName} ${prefix}`, text: `${prefix}${write(mobile, script)}`, digits: mobile, masked });
      }
      forms.push({ label: `${scriptName} digit by digit`, text: [...mobile].map(script).join(' '), digits: mobile, masked });
    }
    forms.push({
      label: 'mixed scripts',
      text: `${mobile.slice(0, 3)}${write(mobile.slice(3, 7), FULL_WIDTH)}${write(mobile.slice(7), (d) => UPPER[Number(d)]!)}`,
      digits: mobile,
      masked,
    });
  }
  return forms;
}

/** Landlines with area codes, as people write them. */
export function landlineForms(): WrittenForm[] {
  const lines: Array<[string, string]> = [
    ['0571', '88881234'],
    ['010', '12345678'],
    ['020', '87654321'],
    ['0755', '2345678'],
    ['0931', '8765432'],
  ];
  const forms: WrittenForm[] = [];
  for (const [area, local] of lines) {
    const masked = `${area}-****${local.slice(-4)}`;
    const digits = `${area}${local}`;
    const half = local.length - 4;
    for (const text of [
      `${area}-${local}`,
      `${area}-${local.slice(0, half)} ${local.slice(half)}`,
      `(${area})${local}`,
      `（${area}）${local}`,
      `${area} ${local}`,
      `${area}${local}`,
      `+86 ${area.slice(1)} ${local}`,
      `+86${area.slice(1)}${local}`,
      `0086${area.slice(1)}${local}`,
      `${write(area, FULL_WIDTH)}－${write(local, FULL_WIDTH)}`,
    ]) {
      forms.push({ label: `landline ${text}`, text, digits, masked });
    }
  }
  return forms;
}

/** 18-character ID numbers (the last may be X). */
export function idForms(): WrittenForm[] {
  const ids = ['11010519900307123X', '110105199003071234', '44030619851231002x', '320102200001011111'];
  const forms: WrittenForm[] = [];
  for (const id of ids) {
    const upper = id.toUpperCase();
    const masked = `${upper.slice(0, 3)}***********${upper.slice(-4)}`;
    forms.push({ label: `id ${id}`, text: id, digits: upper, masked });
    forms.push({ label: `id spaced ${id}`, text: `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`, digits: upper, masked });
    forms.push({ label: `id full-width ${id}`, text: write(id.slice(0, 17), FULL_WIDTH) + id.slice(17), digits: upper, masked });
  }
  return forms;
}

/** Sentences the forms are put in ({} is the form). */
export const CONTEXTS = ['{}', '电话{}', '我的电话是{}，请尽快联系', '有事打{}。', '联系方式：{}（白天）', '请回电 {} 谢谢'];

/** Numbers that are not contact details and must come out exactly as they went in. */
export function innocentNumbers(): string[] {
  const texts = [
    '2026-03-05',
    '2026年3月5日',
    '二〇二六年三月五日',
    '2026/03/05',
    '2026.03.05',
    '2026-03-05 14:30',
    '2026-03-05~2026-03-10',
    '2026-03-05—2026-03-10',
    '03-05~03-10',
    'MY-2026-000123',
    'MY-2026-000123 和 MY-2026-000124',
    '2026-123',
    '12000元',
    '1,200,000元',
    '13:30-14:30',
    '下午3点到5点',
    '3号楼2单元501室',
    '共120户、360人',
    '每月300元，一年3600元',
    '温度38.5度',
    '第13期',
    '13.9%',
    '1 2 3 4 5 6 7 8 9 10',
    '邮编310000',
    '2025年12月31日 23:59',
    '2026-03-05 13:00 至 2026-03-06 18:00',
    '一二三四五',
    '三三两两',
    '139元',
    '12345',
  ];
  for (let year = 2020; year <= 2030; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      const mm = String(month).padStart(2, '0');
      const dd = String(((month * 7) % 28) + 1).padStart(2, '0');
      texts.push(`${year}-${mm}-${dd}`, `${year}年${month}月${Number(dd)}日`, `${year}.${mm}.${dd} ${mm}:${dd}`);
    }
  }
  for (let n = 1; n <= 60; n += 1) texts.push(`MY-2026-${String(n * 1637).padStart(6, '0')}`, `${n * 1250}元`, `共${n * 7}人`);
  return texts;
}
