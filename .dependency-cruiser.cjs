/**
 * Which folder may import which (issue 17; ../shared/docs/architecture.md):
 *   core ← services ← platforms, http, commands, scheduler ← composition (main, composition/, dev, cli, demo)
 * storage/* implements the services' interfaces and is known only to the composition.
 * i18n, logger and the neutral message types (platforms/types.ts) are leaves anyone may use.
 *
 * Violations that predate this file are listed in .dependency-cruiser-known-violations.json and
 * tolerated until the layers are straightened; any new one fails `npm run lint`. Regenerate the
 * list only when it shrinks: `npm run lint:deps:baseline`.
 */
const STORAGE_IMPL = '^src/storage/(mongo|redis|memory)/';
const COMPOSITION = '^src/(main|dev|app)\\.ts$|^src/(composition|cli|demo|devtools)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-innermost',
      comment: 'core (messages, parser, command spec, roles, clock) knows no service, platform, store or transport',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(services|platforms|http|storage|scheduler)/|^commands/|' + COMPOSITION, pathNot: '^src/platforms/types\\.ts$' },
    },
    {
      name: 'services-know-no-transport-or-store',
      comment: 'services hold the committee rules; they declare the repository/notifier interfaces they need',
      severity: 'error',
      from: { path: '^src/services/' },
      to: {
        path: '^src/(platforms|http|scheduler)/|^commands/|' + STORAGE_IMPL + '|' + COMPOSITION,
        pathNot: '^src/platforms/types\\.ts$',
      },
    },
    {
      name: 'storage-implements-services-only',
      comment: "storage may implement services' interfaces, never reach into transports, commands or jobs",
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/(platforms|http|scheduler)/|^commands/|' + COMPOSITION, pathNot: '^src/platforms/types\\.ts$' },
    },
    {
      name: 'edges-use-services-not-stores',
      comment: 'platforms, http, commands and scheduler talk to services (ports), never to a store implementation',
      severity: 'error',
      from: { path: '^src/(platforms|http|scheduler)/|^commands/' },
      to: { path: STORAGE_IMPL + '|' + COMPOSITION },
    },
    {
      name: 'commands-speak-through-services',
      comment: 'a chat command is words plus a call into a service; it knows no platform or HTTP route',
      severity: 'error',
      from: { path: '^commands/' },
      to: { path: '^src/(platforms|http|scheduler)/', pathNot: '^src/platforms/types\\.ts$' },
    },
    {
      name: 'one-platform-one-folder',
      comment: 'a platform folder does not reach into another platform',
      severity: 'error',
      from: { path: '^src/platforms/([^/]+)/' },
      to: { path: '^src/platforms/([^/]+)/', pathNot: '^src/platforms/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|test|bench)/' },
  },
};
