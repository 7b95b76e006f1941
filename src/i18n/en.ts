import type { zhCN } from './zh-CN.js';

type Messages = typeof zhCN;
import { commandsEn } from './en/commands.js';
import { coreEn } from './en/core.js';

/** English, the second locale; same shape as zh-CN. */
export const en: Messages = {
  core: coreEn,
  commands: commandsEn,
};
