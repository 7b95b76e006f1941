import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idForms, landlineForms, MOBILES, mobileForms, type WrittenForm } from '../unit/services/privacy/contact-forms.js';
import { groupMessages, inbox, numberIn, privacyCommittee, readableDigits, STAFF_ROOM } from './privacy-support.js';

/**
 * Hundreds of generated ways to write a phone or ID number, filed by residents and members, then
 * taken through every path that speaks about an opinion in a group: the 新反映 notice, the overdue
 * ladder (convenor @ in the sector group, the staff board, unassigned reminders), the weekly board,
 * and 进度/待办/逾期 asked in a group. None may survive, nor any resident's name.
 */
const DAY = 24 * 60 * 60 * 1000;
const SUMMARY_CHARS = 40;
const JOIN = '，或';
const RESIDENT_NAMES = ['王秀英', '李桂兰', '张建国', '刘淑珍', '陈志强', '杨丽华', '赵德胜', '黄美玲', '周海燕', '吴国平'];

const forms: WrittenForm[] = [
  ...mobileForms().filter((f) => f.digits === MOBILES[0] || f.digits === MOBILES[2]),
  ...landlineForms(),
  ...idForms(),
];

interface Filing {
  from: string;
  name?: string;
  forms: WrittenForm[];
  text: string;
  /** What the one-line summary must begin with. */
  summary: string;
  number?: string;
}

/** Packs forms into opinions so that all of them, masked, fit in the 40-character summary. */
function filings(residentOf: (i: number) => string, memberOf: (i: number) => string): Filing[] {
  const out: Filing[] = [];
  let at = 0;
  while (at < forms.length) {
    const i = out.length;
    const name = i % 3 === 0 ? RESIDENT_NAMES[(i / 3) % RESIDENT_NAMES.length] : undefined;
    const lead = name ? `我叫${name}：` : '';
    const shownLead = name ? `我叫${name[0]}**：` : '';
    const packed: WrittenForm[] = [];
    while (at < forms.length) {
      const next = [...packed, forms[at]!];
      if ([...(shownLead + next.map((f) => f.masked).join(JOIN))].length > SUMMARY_CHARS - 1) break;
      packed.push(forms[at]!);
      at += 1;
    }
    out.push({
      from: name ? residentOf(i) : memberOf(i),
      ...(name ? { name } : {}),
      forms: packed,
      text: `${lead}${packed.map((f) => f.text).join(JOIN)}。请尽快处理，谢谢。`,
      summary: shownLead + packed.map((f) => f.masked).join(JOIN),
    });
  }
  return out;
}

let c: Awaited<ReturnType<typeof privacyCommittee>>;
let all: Filing[];
let groupTexts: string[];

beforeAll(async () => {
  // Staff and two members send hundreds of commands within a minute of the test clock.
  c = await privacyCommittee(import.meta.url, { env: { COMMAND_RATE_PER_MINUTE: '10000' } });
  const convenor = await c.app.api('/api/members', { body: { name: '钱召集', sector: '无党派', role: 'member', isConvenor: true } });
  expect(convenor.status).toBe(201);
  all = filings(
    (i) => `resident:${RESIDENT_NAMES[(i / 3) % RESIDENT_NAMES.length]}${i}`,
    (i) => (i % 4 === 1 ? c.bystander : c.handler),
  );
  // Resident console names carry a number (one resident per filing); the name typed is the bare name.
  for (const filing of all) filing.number = numberIn(await c.chat.say(filing.from, `反映 ${filing.text}`));
  // A share goes up the overdue ladder: assigned ones reach the sector group, unassigned ones the staff group.
  const laddered = all.slice(0, 12);
  for (const [k, filing] of laddered.entries()) {
    await c.chat.sayConfirmed(c.staff, `受理 ${filing.number}`);
    await c.chat.sayConfirmed(c.staff, `分级 ${filing.number} 简易`);
    if (k % 3 !== 0) await c.chat.sayConfirmed(c.staff, `分派 ${filing.number} 李四`);
  }
  // 简易 from Wednesday 09:00 ends Monday 17:30 (3 working days). Tuesday morning is past 100% (the
  // convenor), Thursday morning past 150% (the board): a tick at each, as the ladder sends only the highest step due.
  c.clock.advance(6 * DAY);
  await c.app.tick();
  c.clock.advance(2 * DAY);
  const inGroup = { chat: STAFF_ROOM, mentionedBot: true };
  const views = [await c.chat.say(c.staff, '待办', inGroup), await c.chat.say(c.staff, '逾期', inGroup)];
  for (const filing of laddered) views.push(await c.chat.say(c.staff, `进度 ${filing.number}`, inGroup));
  groupTexts = [...(await groupMessages(c.app)), ...views];
  // About 300 chat turns through the real pipeline: ~40 s alone, several minutes on a loaded machine;
  // the bound only has to catch a hang.
}, 600_000);
afterAll(async () => {
  await c?.stop();
});

describe('generated contact details through every group path', () => {
  it('covers hundreds of forms in over a hundred opinions, and every kind of group message', () => {
    expect(forms.length).toBeGreaterThanOrEqual(250);
    expect(all.length).toBeGreaterThanOrEqual(80);
    const kinds = ['新反映', '请钱召集召集人关注', '逾期看板：', '还没有分派承办人', '本周逾期看板'];
    for (const kind of kinds)
      expect(
        groupTexts.some((t) => t.includes(kind)),
        kind,
      ).toBe(true);
  });

  it('masks every form in every group message', () => {
    const leaks: string[] = [];
    for (const text of groupTexts) {
      const digits = readableDigits(text);
      for (const form of forms) if (digits.includes(form.digits.replace('X', ''))) leaks.push(`${form.label}: ${text}`);
    }
    expect(leaks).toEqual([]);
  });

  it('shows each opinion in the staff group with all its forms masked, none cut', () => {
    const notices = groupTexts.filter((t) => t.startsWith('新反映'));
    const missing = all.filter((f) => !notices.some((t) => t.includes(f.number!) && t.includes(f.summary)));
    expect(missing.map((f) => `${f.number}: ${f.summary}`)).toEqual([]);
  });

  it('never names a resident in a group message', () => {
    const named = groupTexts.filter((t) => RESIDENT_NAMES.some((name) => t.includes(name)));
    expect(named).toEqual([]);
  });

  it("masks every form in the on-duty member's and the handler's direct messages too", async () => {
    const direct = [...(await inbox(c.app, c.onDuty)), ...(await inbox(c.app, c.handler))];
    expect(direct.some((t) => t.includes('居民刚提交了反映'))).toBe(true);
    const leaks = direct.filter((text) => forms.some((form) => readableDigits(text).includes(form.digits.replace('X', ''))));
    expect(leaks).toEqual([]);
  });
});
