import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The shape of every locale: zh-CN is the reference. */
export type Messages = typeof zhCN;

export type Locale = 'zh-CN' | 'en';

/** Picks the messages of a locale. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : zhCN;
}
