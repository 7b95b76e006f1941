import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES } from '../../../../src/demo/demo-categories.js';
import { bestMatch, MIN_KEYWORD_CHARS } from '../../../../src/services/opinions/classification.js';
import type { DictionaryEntry } from '../../../../src/services/opinions/dictionary-records.js';

const at = new Date('2026-03-01T00:00:00Z');
const entries: DictionaryEntry[] = DEMO_CATEGORIES.map((c, i) => ({
  id: String(i),
  name: c.name,
  keywords: c.keywords,
  createdAt: at,
  updatedAt: at,
}));
const categoryOf = (text: string) => bestMatch(text, entries)?.name;

describe('the seed categories know the everyday words for their matters', () => {
  it.each(DEMO_CATEGORIES.map((c) => [c.name, c.keywords] as const))(
    '%s has at least 20 words, none a single character',
    (_name, keywords) => {
      expect(keywords.length).toBeGreaterThanOrEqual(20);
      expect(keywords.filter((k) => [...k].length < MIN_KEYWORD_CHARS)).toEqual([]);
      expect(new Set(keywords).size).toBe(keywords.length);
    },
  );

  it('puts no word in two categories', () => {
    const seen = new Map<string, string>();
    const twice = DEMO_CATEGORIES.flatMap((c) =>
      c.keywords.flatMap((k) => {
        const other = seen.get(k);
        seen.set(k, c.name);
        return other ? [`${k}: ${other} / ${c.name}`] : [];
      }),
    );
    expect(twice).toEqual([]);
  });

  it.each([
    ['3号楼门口的路灯坏了一个星期了', '市政设施'],
    ['人行道上的地砖松了好几块，老人容易绊倒', '市政设施'],
    ['一下雨路口就积水，下水道堵了', '市政设施'],
    ['菜市场边上的化粪池满了，味道很大', '环境卫生'],
    ['垃圾好几天没人清运', '环境卫生'],
    ['楼下烧烤店油烟太大', '环境卫生'],
    ['晚上广场舞噪音扰民', '环境卫生'],
    ['学校门口占道经营的摊贩太多', '市容秩序'],
    ['小区门口有人乱贴小广告', '市容秩序'],
    ['小区里乱停车，消防通道都堵了', '交通出行'],
    ['电动车在楼道里飞线充电', '交通出行'],
    ['物业不管电梯维修', '物业管理'],
    ['独居老人吃饭难，希望办个老年食堂', '民生保障'],
    ['幼儿园放学时校门口太乱', '教育医疗'],
    ['外卖骑手找不到地方休息', '就业创业'],
    ['邻居家的狗叫个不停，调解了也没用', '矛盾纠纷'],
    ['村里的合作社想做电商卖农产品', '产业发展'],
  ])('「%s」 → %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it('matches words, never single characters', () => {
    const withLetter: DictionaryEntry[] = [{ id: 'x', name: '道路交通', keywords: ['路', '车'], createdAt: at, updatedAt: at }];
    expect(bestMatch('一路上都很好', withLetter)).toBeUndefined();
    expect(bestMatch('道路交通很乱', withLetter)?.name).toBe('道路交通');
  });
});
