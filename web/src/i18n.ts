import { computed, ref } from 'vue';

/**
 * Chinese first, English second, like the bot: a small dictionary rather than a library. Keys are
 * the Chinese sentences' English names; missing English falls back to Chinese.
 */
const zh = {
  appName: '议事工作台',
  signOut: '退出登录',
  language: 'English',
  menuOpinions: '民意',
  menuRecords: '我的履职',
  menuSocialReports: '社情民意',
  menuPoints: '履职积分',
  menuStatistics: '统计',
  menuEvents: '活动',
  menuOutcomes: '协商成果',
  menuRoster: '排班',
  menuMembers: '名录',
  menuSettings: '设置',
  comingSoon: '即将推出',
  comingSoonText: '这一页还在建设中，敬请期待。',
  roles: { member: '委员', convenor: '召集人', staff: '工作人员', admin: '管理员' } as Record<string, string>,
  signInTitle: '登录议事工作台',
  signInIntro: '工作台不用密码，请选择一种方式登录：',
  signInChat: '在企业微信或钉钉里私聊议事助手，发送「工作台」，点开回复中的链接（10 分钟内有效，只能用一次）。',
  signInWecom: '企业微信登录',
  signInWecomHint: '在企业微信里打开时自动登录；在电脑浏览器上扫码登录。',
  signInDingtalk: '钉钉登录',
  signInDingtalkHint: '在钉钉里打开工作台时自动登录；在电脑浏览器上用钉钉扫码或账号登录。',
  signInDingtalkBusy: '正在通过钉钉登录…',
  signInDingtalkFailed: '钉钉免登没有成功',
  retry: '重试',
  errorTitle: '无法打开',
  error401: '您尚未登录，或登录已过期，请重新登录。',
  error403: '您没有权限查看这一页。',
  backHome: '返回首页',
  goSignIn: '去登录',
  loading: '正在加载…',
  annualReportTitle: '年度履职报告（述职表）',
  annualReportHint: '由履职记录自动生成的 Word 文件，可打印后签字交政协办公室。',
  annualReportLink: (year: number) => `下载${year}年度述职表`,
};
type Dictionary = typeof zh;

const en: Partial<Dictionary> = {
  appName: 'Yishi workbench',
  signOut: 'Sign out',
  language: '中文',
  menuOpinions: 'Opinions',
  menuRecords: 'My record',
  menuSocialReports: 'Public opinion reports',
  menuPoints: 'Duty points',
  menuStatistics: 'Statistics',
  menuEvents: 'Events',
  menuOutcomes: 'Consultation outcomes',
  menuRoster: 'Roster',
  menuMembers: 'Directory',
  menuSettings: 'Settings',
  comingSoon: 'Coming soon',
  comingSoonText: 'This page is being built.',
  roles: { member: 'Member', convenor: 'Convenor', staff: 'Staff', admin: 'Admin' },
  signInTitle: 'Sign in to the Yishi workbench',
  signInIntro: 'No password: choose one way to sign in:',
  signInChat: 'Send “工作台” to Yishi in a direct chat in WeCom or DingTalk and open the link it answers (valid once, for 10 minutes).',
  signInWecom: 'Sign in with WeCom',
  signInWecomHint: 'Inside WeCom you are signed in at once; on a desktop browser scan the QR code.',
  signInDingtalk: 'Sign in with DingTalk',
  signInDingtalkHint:
    'Inside DingTalk you are signed in at once; on a desktop browser scan the QR code with DingTalk or sign in to DingTalk.',
  signInDingtalkBusy: 'Signing in through DingTalk…',
  signInDingtalkFailed: 'Signing in through DingTalk did not work',
  retry: 'Try again',
  errorTitle: 'Cannot open this page',
  error401: 'You are not signed in, or your session has expired. Please sign in again.',
  error403: 'You may not see this page.',
  backHome: 'Home',
  goSignIn: 'Sign in',
  loading: 'Loading…',
  annualReportTitle: 'Annual performance report (述职表)',
  annualReportHint: 'A Word file generated from your record, to print, sign and hand to the office.',
  annualReportLink: (year: number) => `Download the ${year} report`,
};

const STORAGE_KEY = 'yishi.workbench.lang';
export const lang = ref<'zh' | 'en'>(readStored());

function readStored(): 'zh' | 'en' {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function toggleLang(): void {
  lang.value = lang.value === 'zh' ? 'en' : 'zh';
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang.value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
}

/** The dictionary in the chosen language (reactive). */
export const t = computed<Dictionary>(() => (lang.value === 'zh' ? zh : { ...zh, ...en }));
