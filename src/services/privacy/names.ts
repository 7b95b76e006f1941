/** `张三` → `张**`, `欧阳娜娜` → `欧***`: the family name stays, so staff can say 张女士. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(2, characters.length - 1))}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks every occurrence of the given names (a resident's stored name), also when spaces were
 * typed between its characters (`王 小 明`). Names of one character are left alone.
 */
export function maskKnownNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    const characters = [...name.replace(/\s+/g, '')];
    if (characters.length < 2) continue;
    const pattern = new RegExp(characters.map(escapeRegExp).join('\\s*'), 'gu');
    out = out.replace(pattern, () => maskName(characters.join('')));
  }
  return out;
}

/** The commonest family names (about nine in ten people), compound ones first. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '端木',
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝',
];

/** Words that introduce the speaker's own name (`我叫王小明`, `姓名：李红`, `联系人张伟`). */
const INTRODUCTIONS = [
  '我叫',
  '我的名字叫',
  '我的名字是',
  '名字叫',
  '名字是',
  '本人叫',
  '本人是',
  '本人',
  '姓名是',
  '姓名',
  '联系人是',
  '联系人',
  '我是',
  '居民',
];

const SELF_INTRODUCTION = new RegExp(
  `(${INTRODUCTIONS.join('|')})([:：\\s]*)((?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES.join('')}])\\p{Script=Han}{1,2})`,
  'gu',
);

/**
 * Masks a name someone introduces in the text (`我叫王小明，…` → `我叫王**，…`): a family name
 * and one or two more characters after 我叫, 我是, 本人, 姓名, 联系人 or 居民. The name may never be
 * stored (a resident who gives no phone), so this does not wait for it.
 */
export function maskSelfIntroductions(text: string): string {
  return text.replace(SELF_INTRODUCTION, (_all, cue: string, gap: string, name: string) => `${cue}${gap}${maskName(name)}`);
}

const SURNAME_START = new RegExp(`^[小老阿]?(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES.join('')}])`, 'u');

/** True when a short piece of text reads as how someone is called: a family name first (`张`, `张阿姨`, `小王`), or a Latin name. */
export function looksLikeName(text: string): boolean {
  const characters = [...text];
  if (characters.length === 0 || characters.length > 6) return false;
  return SURNAME_START.test(text) || /^[a-z][a-z .'-]*$/iu.test(text);
}
