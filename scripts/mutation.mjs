// `npm run test:mutation [-- --mutate src/core/dates.ts --concurrency 1 --force]`: StrykerJS with
// stryker.config.mjs; options given here override the config file's.
//
// StrykerJS 10 declares Node >= 22, and its command line refuses to start on Node 20, which Yishi
// runs on (engines: >=20.19). The runner itself works on Node 20 (every run quoted in the README
// was made on 20.20), so on Node 20 this starts Stryker's runner class directly, past that one
// guard; on Node 22+ it is the ordinary `stryker run`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 22) {
  process.exit(spawnSync('npx', ['stryker', 'run', ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1);
}

const { values } = parseArgs({
  allowNegative: true,
  options: {
    mutate: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    incremental: { type: 'boolean' },
    force: { type: 'boolean' },
  },
});
const options = {
  ...(values.mutate ? { mutate: values.mutate.flatMap((m) => m.split(',')) } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  ...(values.incremental !== undefined ? { incremental: values.incremental } : {}),
  ...(values.force ? { force: true } : {}),
};
const core = dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json'));
const { Stryker } = await import(pathToFileURL(join(core, 'dist/src/stryker.js')).href);
await new Stryker(options).runMutationTest();
