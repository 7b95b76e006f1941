import { describe, expect, it } from 'vitest';
import { residentsZh } from '../../../../src/i18n/zh-CN/residents.js';
import { isOneOf, questionIn, ratingIn, ratingWordIn, tidy } from '../../../../src/services/residents/plain-words.js';
import { readPhoneAndName } from '../../../../src/services/privacy/resident-contact.js';

const words = residentsZh.words;

describe("residents' yes and no, in their everyday forms", () => {
  it.each(['对', '对的', '没问题', '好', '好的', '是的', '可以', '确认', '对，没问题', '好的！', '可以啊', 'ＯＫ', ' 嗯 ', '对的。'])(
    '「%s」 is yes',
    (answer) => {
      expect(isOneOf(answer, words.yes)).toBe(true);
    },
  );

  it.each(['不对', '不是', '不是的', '错了'])('「%s」 is no', (answer) => {
    expect(isOneOf(answer, words.no)).toBe(true);
    expect(isOneOf(answer, words.yes)).toBe(false);
  });

  it.each(['算了', '不用了', '取消', '算了吧', '不用了。'])('「%s」 gives up', (answer) => {
    expect(isOneOf(answer, words.cancel)).toBe(true);
  });

  it.each(['没有', '不用', '不用了', '没有了', '不需要'])('「%s」 skips the photo or the call back', (answer) => {
    expect(isOneOf(answer, words.skip)).toBe(true);
  });

  it.each(['好的，谢谢你们', '对面的路灯坏了', '不对劲', '是不是', '', '，。'])('「%s」 is not a bare yes', (answer) => {
    expect(isOneOf(answer, words.yes)).toBe(false);
  });

  it('tidies width, case, spaces and punctuation only', () => {
    expect(tidy(' 好的，ＯＫ！ ')).toBe('好的ok');
  });
});

describe("residents' ratings in plain words", () => {
  it.each([
    ['满意', 'satisfied'],
    ['挺满意的', 'satisfied'],
    ['非常满意！', 'satisfied'],
    ['基本满意', 'basically'],
    ['还行', 'basically'],
    ['一般吧', 'basically'],
    ['不满意', 'unsatisfied'],
    ['不太满意', 'unsatisfied'],
    ['很不满意', 'unsatisfied'],
  ] as const)('「%s」 is %s', (answer, rating) => {
    expect(ratingIn(answer, words, true)).toBe(rating);
  });

  it('reads a longer answer only by its start', () => {
    expect(ratingIn('不满意，灯还是不亮，晚上黑得很', words, false)).toBe('unsatisfied');
    expect(ratingIn('小区里大家都很不满意路灯一直不亮', words, false)).toBeUndefined();
    expect(ratingIn('路灯坏了', words, true)).toBeUndefined();
  });

  it('finds the word said, the longest first, to keep the rest as the reason', () => {
    expect(ratingWordIn('不满意，灯还是不亮', words)).toBe('不满意');
    expect(ratingWordIn('基本满意 颜色不一样', words)).toBe('基本满意');
    expect(ratingWordIn('路灯坏了', words)).toBeUndefined();
  });
});

describe('questions residents ask', () => {
  it.each([
    ['谁值班', 'duty'],
    ['今天谁值班？', 'duty'],
    ['今天值班的是谁呀', 'duty'],
    ['我的反映怎么样了', 'progress'],
    ['我反映的事有进展吗', 'progress'],
    ['路灯的事办得怎么样了', 'progress'],
    ['怎么联系', 'contact'],
    ['怎么联系你们？', 'contact'],
    ['你们的联系方式', 'contact'],
  ] as const)('「%s」 asks %s', (text, question) => {
    expect(questionIn(text, words)).toBe(question);
  });

  it.each(['3号楼门口的路灯坏了一个星期了，晚上很黑', '小区门口占道经营的摊贩太多了，谁值班的时候都没人管过', '你好'])(
    '「%s」 asks nothing',
    (text) => {
      expect(questionIn(text, words)).toBeUndefined();
    },
  );
});

describe('a name and a phone in the sentence they come in', () => {
  it.each([
    ['我姓张，电话13912345678', { phone: '13912345678', name: '张' }],
    ['我姓张 电话13912345678', { phone: '13912345678', name: '张' }],
    ['张阿姨 139 1234 5678', { phone: '13912345678', name: '张阿姨' }],
    ['电话13912345678，叫我小王就行', { phone: '13912345678', name: '小王' }],
    ['我叫李红，手机号是13912345678', { phone: '13912345678', name: '李红' }],
    ['13912345678 王先生', { phone: '13912345678', name: '王先生' }],
    ['我姓张手机13912345678', { phone: '13912345678', name: '张' }],
    ['手机13912345678', { phone: '13912345678' }],
    ['不方便留电话', {}],
  ])('readPhoneAndName(%j)', (text, expected) => {
    expect(readPhoneAndName(text)).toEqual(expected);
  });
});
