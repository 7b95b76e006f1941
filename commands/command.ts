import type * as core from '../src/core/command.js';
import type { Services } from '../src/services/services.js';

// Core's command types know nothing of the committee's services; every command here is bound to them.
export type CommandSpec = core.CommandSpec<Services>;
export type CommandContext = core.CommandContext<Services>;
export type ArgPrompt = core.ArgPrompt<Services>;
export type { Reply } from '../src/core/command.js';
