import type { MemberRole } from '../core/roles.js';
/**
 * The demo committee: invented people and places shaped on the source articles (a district
 * CPPCC's consultation month; a street with 47 villages/communities and a service centre).
 * This is data, not interface text: it is what an office would type in, so it stays here rather
 * than in src/i18n/. Every name is made up.
 */

export type DemoRole = MemberRole;

export interface DemoMember {
  name: string;
  sector: string;
  role: DemoRole;
  isConvenor?: boolean;
  phone?: string;
}

export const DEMO_SECTORS = ['无党派', '文艺界', '中共', '工会', '共青团', '经济界', '教育界', '医卫界'] as const;

/** 20 people: an admin, two office staff, and 17 members (one convenor per sector). */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { name: '周明远', sector: '中共', role: 'admin', phone: '13800000001' },
  { name: '林晓雯', sector: '中共', role: 'staff', phone: '13800000002' },
  { name: '许嘉宁', sector: '共青团', role: 'staff', phone: '13800000003' },
  { name: '沈清和', sector: '无党派', role: 'member', isConvenor: true },
  { name: '顾雨桐', sector: '无党派', role: 'member' },
  { name: '唐若溪', sector: '文艺界', role: 'member', isConvenor: true },
  { name: '韩墨', sector: '文艺界', role: 'member' },
  { name: '钱立新', sector: '中共', role: 'member', isConvenor: true },
  { name: '陆卫东', sector: '中共', role: 'member' },
  { name: '孙建华', sector: '工会', role: 'member', isConvenor: true },
  { name: '吴秀英', sector: '工会', role: 'member' },
  { name: '蒋一帆', sector: '共青团', role: 'member', isConvenor: true },
  { name: '杜晓阳', sector: '共青团', role: 'member' },
  { name: '范志诚', sector: '经济界', role: 'member', isConvenor: true },
  { name: '叶思源', sector: '经济界', role: 'member' },
  { name: '何嘉禾', sector: '经济界', role: 'member' },
  { name: '郑文博', sector: '教育界', role: 'member', isConvenor: true },
  { name: '秦玉兰', sector: '教育界', role: 'member' },
  { name: '冯仁杰', sector: '医卫界', role: 'member', isConvenor: true },
  { name: '曹惠敏', sector: '医卫界', role: 'member' },
];

const COMMUNITY_BASES = [
  '青石',
  '柳岸',
  '桂花园',
  '枫桥',
  '映月',
  '金港',
  '锦绣',
  '玉兰',
  '新河',
  '瑞丰',
  '东湖',
  '西园',
  '南苑',
  '北塘',
  '长乐',
  '安澜',
  '星湾',
  '朝阳',
  '和平',
  '文昌',
  '春晖',
  '翠竹',
  '明珠',
  '华庭',
  '梧桐',
];
const VILLAGE_BASES = [
  '杨柳',
  '石桥',
  '荷塘',
  '白鹭',
  '双河',
  '沙湾',
  '竹林',
  '稻香',
  '梅岭',
  '龙泉',
  '清溪',
  '黄泥塘',
  '桃源',
  '上塘',
  '下坝',
  '蒋家',
  '前洋',
  '后山',
  '芦荡',
  '三星',
  '红旗',
  '茶山',
];

/** 47 villages and communities, each with keywords residents use and a QR-code scene value. */
export const DEMO_COMMUNITIES: ReadonlyArray<{ name: string; keywords: string[]; code: string }> = [
  ...COMMUNITY_BASES.map((base, i) => ({
    name: `${base}社区`,
    keywords: [base, `${base}小区`, `${base}街`],
    code: `sq${String(i + 1).padStart(2, '0')}`,
  })),
  ...VILLAGE_BASES.map((base, i) => ({ name: `${base}村`, keywords: [base, `${base}组`], code: `cun${String(i + 1).padStart(2, '0')}` })),
];

/** The place of the duty roster (the street's 政协委员服务中心). */
export const DEMO_SERVICE_CENTRE = '街道政协委员服务中心';

/** The consultation month's three events of the source article, by day offset from the first. */
export const DEMO_EVENTS = [
  {
    dayOffset: 0,
    start: '14:30',
    end: '16:30',
    title: '以民生实事项目破解新就业群体服务保障难题',
    theme: '新就业群体服务保障',
    sectors: ['工会', '共青团'],
    place: '区政协协商议事厅',
    organiser: '区政协工会、共青团界别',
  },
  {
    dayOffset: 1,
    start: '09:30',
    end: '11:30',
    title: '聚焦新材料产业发展专题协商',
    theme: '助力区域新材料产业发展',
    sectors: ['中共'],
    place: '区政协三楼会议室',
    organiser: '区政协中共界别',
  },
  {
    dayOffset: 4,
    start: '14:30',
    end: '16:30',
    title: '助推大健康产业提质升级专题协商',
    theme: '大健康产业提质升级',
    sectors: ['无党派', '文艺界'],
    place: '区政协协商议事厅',
    organiser: '区政协无党派、文艺界别',
  },
] as const;

/**
 * Opinions and what happens to them, as chat lines. `from` is `resident:<name>` or a member's
 * name; `{n}` stands for the number the filing got. Each script leaves its opinion in a
 * different state of the closed loop.
 */
export interface DemoOpinionScript {
  from: string;
  text: string;
  steps: ReadonlyArray<{ as: string; say: string }>;
}

export const DEMO_OPINIONS: readonly DemoOpinionScript[] = [
  { from: 'resident:王阿姨', text: '反映 #青石社区 青石街小区门口的路灯坏了一个多星期，晚上出门很不方便', steps: [] },
  {
    from: 'resident:李师傅',
    text: '反映 #柳岸社区 柳岸花园的垃圾分类亭经常满溢，天一热异味很大',
    steps: [
      { as: '林晓雯', say: '受理 {n}' },
      { as: '林晓雯', say: '确认' },
    ],
  },
  {
    from: 'resident:赵大姐',
    text: '反映 #桂花园社区 我们是老旧小区，想加装电梯，不知道怎么申请补贴',
    steps: [
      { as: '林晓雯', say: '受理 {n}' },
      { as: '林晓雯', say: '确认' },
      { as: '林晓雯', say: '分级 {n} 一般' },
      { as: '林晓雯', say: '确认' },
      { as: '林晓雯', say: '分派 {n} 沈清和' },
      { as: '林晓雯', say: '确认' },
      { as: '沈清和', say: '受理 {n}' },
      { as: '沈清和', say: '确认' },
    ],
  },
  {
    from: 'resident:陈先生',
    text: '反映 #稻香村 村口公交站台没有遮雨棚，下雨天老人等车只能淋雨',
    steps: [
      { as: '许嘉宁', say: '受理 {n}' },
      { as: '许嘉宁', say: '确认' },
      { as: '许嘉宁', say: '当场办结 {n} 已协调公交公司，本月内加装雨棚' },
      { as: '许嘉宁', say: '确认' },
      { as: 'resident:陈先生', say: '评价 {n} 满意' },
    ],
  },
  {
    from: 'resident:孙阿姨',
    text: '反映 #映月社区 映月小区停车位太少，晚上车辆乱停，把消防通道都堵住了',
    steps: [
      { as: '许嘉宁', say: '受理 {n}' },
      { as: '许嘉宁', say: '确认' },
      { as: '许嘉宁', say: '分级 {n} 复杂' },
      { as: '许嘉宁', say: '确认' },
      { as: '许嘉宁', say: '转协商 {n}' },
      { as: '许嘉宁', say: '确认' },
    ],
  },
  {
    from: 'resident:周先生',
    text: '反映 #石桥村 和邻居因为宅基地边界有纠纷，已经起诉到法院了',
    steps: [
      { as: '周明远', say: '不予受理 {n} 已进入司法程序，请通过法院途径解决' },
      { as: '周明远', say: '确认' },
    ],
  },
  {
    from: '范志诚',
    text: '反映 #金港社区 外卖骑手、快递员在小区里没有歇脚和充电的地方，建议设置爱心驿站',
    steps: [
      { as: '周明远', say: '受理 {n}' },
      { as: '周明远', say: '确认' },
      { as: '周明远', say: '分派 {n} 孙建华' },
      { as: '周明远', say: '确认' },
    ],
  },
];

/** Members who sign up for the events (by the event's position in DEMO_EVENTS). */
export const DEMO_SIGN_UPS: ReadonlyArray<{ as: string; event: number }> = [
  { as: '孙建华', event: 0 },
  { as: '蒋一帆', event: 0 },
  { as: '钱立新', event: 1 },
  { as: '沈清和', event: 2 },
  { as: '唐若溪', event: 2 },
];
