import { describe, expect, it } from 'vitest';
import { YishiError } from '../../../../src/core/errors.js';
import { messagesFor } from '../../../../src/i18n/messages.js';
import {
  audienceOf,
  gateSummary,
  gateText,
  maskPrivate,
  PrivacyGate,
  summarize,
  type Viewer,
} from '../../../../src/services/privacy/privacy-gate.js';
import { maskKnownNames, maskName, maskSelfIntroductions } from '../../../../src/services/privacy/names.js';
import { firstMobile, maskContact, readPhoneAndName } from '../../../../src/services/privacy/resident-contact.js';
import type { OpinionRecord } from '../../../../src/services/opinions/opinion-records.js';

const flags = [false, true];
const viewers: Viewer[] = (['direct', 'group'] as const).flatMap((chat) =>
  flags.flatMap((isStaff) => flags.flatMap((isFiler) => flags.map((isHandler) => ({ chat, isStaff, isFiler, isHandler })))),
);

describe('who sees what (the audience of a viewer)', () => {
  it.each(viewers.map((v) => [JSON.stringify(v), v] as const))('%s', (_label, viewer) => {
    const expected =
      viewer.chat === 'group' ? 'public' : viewer.isFiler ? 'filer' : viewer.isStaff || viewer.isHandler ? 'caseworker' : 'public';
    expect(audienceOf(viewer)).toBe(expected);
  });

  it('gives a group only the public view, even when staff, the filer and the handler ask there', () => {
    expect(audienceOf({ chat: 'group', isStaff: true, isFiler: true, isHandler: true })).toBe('public');
  });
});

describe('names', () => {
  it.each([
    ['张三', '张**'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧***'],
    ['  李  ', '李**'],
    ['', ''],
  ])('maskName(%j) → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['我叫王小明，小区门口路灯坏了', '我叫王**，小区门口路灯坏了'],
    ['我叫王小明小区门口路灯坏了', '我叫王**小区门口路灯坏了'],
    ['姓名：李红 电话见后', '姓名：李** 电话见后'],
    ['联系人张伟', '联系人张**'],
    ['本人欧阳娜娜反映', '本人欧***反映'],
    ['我是赵大爷，住3号楼', '我是赵**，住3号楼'],
    ['居民刘阿姨说垃圾没人收', '居民刘**说垃圾没人收'],
    ['我的名字叫陈晨', '我的名字叫陈**'],
    ['我是本小区的居民', '我是本小区的居民'],
    ['居民反映路灯坏了', '居民反映路灯坏了'],
    ['我叫', '我叫'],
  ])('maskSelfIntroductions(%j) → %j', (text, masked) => {
    expect(maskSelfIntroductions(text)).toBe(masked);
  });

  it('masks a known name wherever it occurs, spaces between its characters too, and leaves one-character names', () => {
    expect(maskKnownNames('王小明家门口，王 小 明说', ['王小明'])).toBe('王**家门口，王**说');
    expect(maskKnownNames('王家门口', ['王'])).toBe('王家门口');
    expect(maskKnownNames('a.b 王小明', ['a.b'])).toBe('a** 王小明');
    expect(maskKnownNames('没有名字', [])).toBe('没有名字');
  });
});

describe('what each audience reads', () => {
  const content = '我叫王小明，电话139.1234.5678，小区北门路灯坏了一周，晚上看不见路，王小明家老人摔了一跤，请尽快修理，谢谢大家';

  it('the filer reads their words as typed; everyone else masked', () => {
    expect(gateText(content, 'filer', ['王小明'])).toBe(content);
    const masked = '我叫王**，电话139****5678，小区北门路灯坏了一周，晚上看不见路，王**家老人摔了一跤，请尽快修理，谢谢大家';
    expect(gateText(content, 'caseworker', ['王小明'])).toBe(masked);
    expect(gateText(content, 'public', ['王小明'])).toBe(masked);
    expect(maskPrivate(content, ['王小明'])).toBe(masked);
  });

  it('cuts a summary to one line of 40 characters after masking', () => {
    expect(gateSummary(content, 'public', ['王小明'])).toBe('我叫王**，电话139****5678，小区北门路灯坏了一周，晚上看不见路，王*…');
    expect(gateSummary('短的\n两行', 'public', [])).toBe('短的 两行');
    expect(summarize('一二三四五', 5)).toBe('一二三四五');
    expect(summarize('一二三四五六', 5)).toBe('一二三四五…');
    expect(summarize('  前后 空白  ')).toBe('前后 空白');
  });
});

describe('the gate with its residents', () => {
  const residents = new Map([['r1', { id: 'r1', name: '王小明' }]]);
  const gate = new PrivacyGate({
    residents: {
      findById: async (id) => residents.get(id) ?? null,
      findByIds: async (ids) => ids.flatMap((id) => (residents.has(id) ? [residents.get(id)!] : [])),
    },
    messages: messagesFor('zh-CN'),
  });
  const opinion = (filer: OpinionRecord['filer'], text: string, result?: string) =>
    ({ number: 'MY-2026-000007', state: 'submitted', filer, content: text, ...(result ? { result } : {}) }) as OpinionRecord;
  const resident = opinion({ kind: 'resident', id: 'r1' }, '王小明反映：139 1234 5678', '已电话13912345678联系王小明');
  const member = opinion({ kind: 'member', id: 'm1' }, '居民张大爷电话13812345678');

  it("masks a resident's stored name and phone for groups, caseworkers and exports", async () => {
    expect(await gate.summary(resident, 'public')).toBe('王**反映：139****5678');
    expect(await gate.content(resident, 'caseworker')).toBe('王**反映：139****5678');
    expect(await gate.content(resident, 'filer')).toBe('王小明反映：139 1234 5678');
    expect(await gate.text(resident, resident.result!, 'public')).toBe('已电话139****5678联系王**');
    expect(await gate.text(resident, resident.result!, 'filer')).toBe(resident.result);
    expect(await gate.forExport([resident, member])).toEqual([
      { content: '王**反映：139****5678', result: '已电话139****5678联系王**', ratingReason: '', reopenReason: '' },
      { content: '居民张**电话138****5678', result: '', ratingReason: '', reopenReason: '' },
    ]);
  });

  it('says only the number and state in a log line', () => {
    expect(gate.forLog(resident)).toEqual({ opinion: 'MY-2026-000007', state: 'submitted' });
  });

  const refusal = (run: () => void) => {
    try {
      run();
      return null;
    } catch (error) {
      return error instanceof YishiError ? { code: error.code, status: error.status, text: error.userMessage } : error;
    }
  };

  it.each(viewers.map((v) => [JSON.stringify(v), v] as const))('查看联系方式 by %s', (_label, viewer) => {
    const result = refusal(() => gate.assertMayRevealContact(viewer, resident));
    if (viewer.chat === 'group') expect(result).toMatchObject({ code: 'contact_in_group', status: 403 });
    else if (viewer.isStaff || viewer.isHandler) expect(result).toBeNull();
    else expect(result).toMatchObject({ code: 'opinion_not_yours', status: 403 });
  });

  it('asks in private, in Chinese, when asked in a group', () => {
    expect(
      refusal(() => gate.assertMayRevealContact({ chat: 'group', isStaff: true, isFiler: false, isHandler: false }, resident)),
    ).toEqual({
      code: 'contact_in_group',
      status: 403,
      text: '反映人的联系方式不能在群里查看。如需联系 MY-2026-000007 的反映人，请在与我的单聊中发送“查看联系方式 MY-2026-000007”（仅承办人和工作人员可查看，每次查看都会记录）。',
    });
  });

  it.each(viewers.filter((v) => v.chat === 'direct').map((v) => [JSON.stringify(v), v] as const))('提案 by %s', (_label, viewer) => {
    const result = refusal(() => gate.assertMayDraftFrom(viewer, resident, 'proposal'));
    if (viewer.isStaff || viewer.isFiler || viewer.isHandler) expect(result).toBeNull();
    else expect(result).toMatchObject({ code: 'proposal_opinion_not_yours', status: 403 });
  });
});

describe("residents' contact in the 微信客服 dialogue", () => {
  it.each([
    ['张先生 138-1234-5678', { phone: '13812345678', name: '张先生' }],
    ['王小明 139.1234.5678', { phone: '13912345678', name: '王小明' }],
    ['一三九一二三四五六七八 李', { phone: '13912345678', name: '李' }],
    ['+86 13912345678', { phone: '13912345678' }],
    ['不方便留电话', {}],
    ['12345', {}],
  ])('readPhoneAndName(%j)', (text, expected) => {
    expect(readPhoneAndName(text)).toEqual(expected);
  });

  it('shows the contact masked and finds the first mobile', () => {
    expect(maskContact({ name: '张三', phone: '13812345678' })).toBe('张** 138****5678');
    expect(maskContact({ phone: '13812345678' })).toBe('138****5678');
    expect(maskContact({ name: '张三' })).toBe('张**');
    expect(maskContact({})).toBe('');
    expect(firstMobile('座机0571-88881234，手机139 1234 5678')).toBe('13912345678');
    expect(firstMobile('没有电话')).toBeUndefined();
  });
});

describe("the gate's look-ups of residents' names", () => {
  const stored = new Map<string, { id: string; name?: string }>([
    ['r1', { id: 'r1', name: '王小明' }],
    ['r2', { id: 'r2' }], // a resident who gave no name
  ]);
  const opinion = (filer: OpinionRecord['filer'], content: string, result?: string) =>
    ({ number: 'MY-2026-000008', state: 'submitted', filer, content, ...(result ? { result } : {}) }) as OpinionRecord;
  /** A gate that records each look-up; `batch: false` for a store without findByIds. */
  const recordingGate = (batch: boolean) => {
    const calls: string[] = [];
    const findById = async (id: string) => {
      calls.push(`findById ${id}`);
      return stored.get(id) ?? null;
    };
    const findByIds = async (ids: readonly string[]) => {
      calls.push(`findByIds ${ids.join(',')}`);
      return ids.flatMap((id) => (stored.has(id) ? [stored.get(id)!] : []));
    };
    const gate = new PrivacyGate({
      residents: batch ? { findById, findByIds } : { findById },
      messages: messagesFor('zh-CN'),
    });
    return { gate, calls };
  };
  const named = opinion({ kind: 'resident', id: 'r1' }, '王小明反映：\n\n139 1234 5678', '已联系王小明');
  const nameless = opinion({ kind: 'resident', id: 'r2' }, '王小明家门口', '已联系王小明');
  const gone = opinion({ kind: 'resident', id: 'r9' }, '王小明家门口');
  // A member whose id happens to equal a resident's: a member's text never takes a resident's name.
  const member = opinion({ kind: 'member', id: 'r1' }, '王小明家门口', '王小明已处理');

  it.each([
    [named, ['王小明'], ['findById r1']],
    [nameless, [], ['findById r2']],
    [gone, [], ['findById r9']],
    [member, [], []],
  ])('privateNames(%#) is %j', async (o, names, calls) => {
    const { gate, calls: made } = recordingGate(true);
    expect(await gate.privateNames(o)).toEqual(names);
    expect(made).toEqual(calls);
  });

  it('gives the public a one-line summary of the content, caseworkers the whole text', async () => {
    const { gate } = recordingGate(true);
    const long = opinion({ kind: 'resident', id: 'r1' }, `王小明：\n\n${'路灯坏了'.repeat(12)}`);
    expect(await gate.content(long, 'public')).toBe(`王**： ${'路灯坏了'.repeat(8)}路灯坏…`);
    expect(await gate.content(long, 'caseworker')).toBe(`王**：\n\n${'路灯坏了'.repeat(12)}`);
    expect(await gate.content(long, 'filer')).toBe(long.content);
    expect(await gate.content(named, 'public')).toBe('王**反映： 139****5678');
    expect(await gate.summary(named, 'public', 4)).toBe('王**反…');
  });

  it('gives the filer their own text without looking anyone up, and others masked after one look-up', async () => {
    const { gate, calls } = recordingGate(true);
    expect(await gate.text(named, '王小明的电话13912345678', 'filer')).toBe('王小明的电话13912345678');
    expect(calls).toEqual([]);
    expect(await gate.text(named, '王小明的电话13912345678', 'caseworker')).toBe('王**的电话139****5678');
    expect(calls).toEqual(['findById r1']);
  });

  it('masks a rating’s and a reopening’s reason like the content (issue 21)', async () => {
    const { gate } = recordingGate(true);
    const [row] = await gate.forExport([{ ...named, ratingReason: '王小明说13912345678打不通', reopenReason: '王小明家又漏水' }]);
    expect(row).toMatchObject({ ratingReason: '王**说139****5678打不通', reopenReason: '王**家又漏水' });
  });

  const exported = [
    { content: '王**反映：\n\n139****5678', result: '已联系王**', ratingReason: '', reopenReason: '' },
    { content: '王小明家门口', result: '已联系王小明', ratingReason: '', reopenReason: '' },
    { content: '王小明家门口', result: '', ratingReason: '', reopenReason: '' },
    { content: '王小明家门口', result: '王小明已处理', ratingReason: '', reopenReason: '' },
  ];

  it.each([
    [true, ['findByIds r1,r2,r9']],
    [false, ['findById r1', 'findById r2', 'findById r9']],
  ])('exports with findByIds: %s, looking up only residents, each once', async (batch, calls) => {
    const { gate, calls: made } = recordingGate(batch);
    expect(await gate.forExport([named, nameless, gone, member, named])).toEqual([...exported, exported[0]]);
    expect(made).toEqual(calls);
  });

  it.each([true, false])('exports members only without any look-up (findByIds: %s)', async (batch) => {
    const { gate, calls } = recordingGate(batch);
    expect(await gate.forExport([member])).toEqual([exported[3]]);
    expect(await gate.forExport([])).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('folds any run of white space in a summary into one space', () => {
    expect(summarize('短的\n\n两行\t \t三')).toBe('短的 两行 三');
  });
});
