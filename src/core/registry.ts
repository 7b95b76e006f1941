import type { CommandSpec } from './command.js';
import { hasRole, ROLES, type Role } from './roles.js';

/**
 * The ordered set of commands, looked up by name or alias.
 *
 * @example
 * const registry = new CommandRegistry([helpCommand, fileOpinionCommand]);
 * registry.find('帮助'); // helpCommand
 */
export class CommandRegistry<S = unknown> {
  private readonly byWord = new Map<string, CommandSpec<S>>();

  constructor(readonly commands: readonly CommandSpec<S>[]) {
    for (const command of commands) {
      for (const word of [command.name, ...command.aliases]) {
        const key = word.toLowerCase();
        const clash = this.byWord.get(key);
        if (clash) throw new Error(`command word "${word}" is used by both ${clash.id} and ${command.id}`);
        this.byWord.set(key, command);
      }
    }
  }

  /** Every question form (`askedAs`), longest first, with its command and where it may stand. */
  questionForms(): ReadonlyArray<{ phrase: string; command: CommandSpec<S>; where: 'anywhere' | 'after' }> {
    this.forms ??= this.commands
      .flatMap((command) => [
        ...(command.askedAs?.anywhere ?? []).map((phrase) => ({ phrase, command, where: 'anywhere' as const })),
        ...(command.askedAs?.after ?? []).map((phrase) => ({ phrase, command, where: 'after' as const })),
      ])
      .sort((a, b) => b.phrase.length - a.phrase.length);
    return this.forms;
  }

  private forms: Array<{ phrase: string; command: CommandSpec<S>; where: 'anywhere' | 'after' }> | undefined;

  find(word: string): CommandSpec<S> | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  /** The command with this stable id. */
  byId(id: string): CommandSpec<S> | undefined {
    return this.commands.find((command) => command.id === id);
  }

  /** Every word (names and aliases), longest first: the parser tries them in this order. */
  words(): string[] {
    return [...this.byWord.keys()].sort((a, b) => b.length - a.length);
  }

  /** Names, then aliases, of the commands the role may run, in registry order (for suggestions). */
  wordsFor(role: Role): string[] {
    const visible = this.visibleTo(role);
    return [...visible.map((command) => command.name), ...visible.flatMap((command) => command.aliases)];
  }

  /** Commands the role may run, in registry order. */
  visibleTo(role: Role): CommandSpec<S>[] {
    return this.commands.filter((command) => hasRole(role, command.minRole));
  }
}

/** The roles that may run a command whose lowest role is `minRole`, lowest first. */
export function rolesFrom(minRole: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(minRole));
}
