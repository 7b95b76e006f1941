import type { Services } from '../src/services/services.js';
import type { CommandContext, CommandSpec } from './command.js';
import { rolesFrom, type CommandRegistry } from '../src/core/registry.js';
import { hasRole } from '../src/core/roles.js';
import { foldWidth } from '../src/core/parser.js';

/** 帮助: generated from the registry, showing only what the asker's role may run. */
export function helpCommand(registry: () => CommandRegistry<Services>): CommandSpec {
  return {
    id: 'help',
    name: '帮助',
    aliases: ['help', '菜单', '?', 'h', '怎么用'],
    minRole: 'resident',
    readOnly: true,
    args: [{ name: 'topic', kind: 'word', required: false }],
    texts: (t) => t.commands.help,
    handler: async (ctx: CommandContext) => {
      const t = ctx.t.core.help;
      const topic = ctx.args.topic?.replace(/^\//, '');
      if (topic) {
        const command = registry().find(foldWidth(topic));
        if (!command) return t.unknownTopic(topic);
        if (!hasRole(ctx.actor.role, command.minRole)) {
          return t.notForYou(command.name, ctx.t.core.roleList(rolesFrom(command.minRole).map((role) => ctx.t.core.roles[role] ?? role)));
        }
        const texts = command.texts(ctx.t);
        return t.detail(
          command.name,
          texts.description,
          texts.usage,
          command.aliases.join('、'),
          texts.examples.map((e) => `  ${e}`).join('\n'),
        );
      }
      const lines = registry()
        .visibleTo(ctx.actor.role)
        .map((command) => t.line(command.name, command.texts(ctx.t).description));
      return [t.title, ...lines, t.footer].join('\n');
    },
  };
}
