import { commandsZh } from './zh-CN/commands.js';
import { coreZh } from './zh-CN/core.js';

/**
 * 用户能读到的每一句话都在这里（按领域分文件，放在 zh-CN/ 目录下）。
 * Every sentence a person reads lives here, one section per area.
 */
export const zhCN = {
  core: coreZh,
  commands: commandsZh,
};
