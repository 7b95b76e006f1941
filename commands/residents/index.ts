import type { Services } from '../../src/services/services.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { residentFileCommand } from './resident-file.js';

/**
 * The residents' conversation mode (微信客服): the dialogues residents have, never typed as
 * commands and never shown in 帮助. The members' registry (`../index.ts`) knows none of them.
 */
export function buildResidentRegistry(): CommandRegistry<Services> {
  return new CommandRegistry<Services>([residentFileCommand]);
}

export { residentFileCommand, RESIDENT_DIALOGUE_MS } from './resident-file.js';
