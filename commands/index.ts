import { CommandRegistry } from '../src/core/registry.js';
import { helpCommand } from './help.js';

/**
 * The explicit, ordered registry of chat commands. Order matters: help lists commands in this
 * order. Add a command by importing its file and placing it in the list.
 */
export function buildRegistry(): CommandRegistry {
  // help reads the finished registry; the arrow runs only after construction.
  const registry: CommandRegistry = new CommandRegistry([
    helpCommand(() => registry),
  ]);
  return registry;
}
