import { defineConfig } from 'vitest/config';

/**
 * The fast project alone, for Stryker: test/unit/** with no globalSetup, so a mutation run never
 * starts FerretDB or redis-server. `npm test` keeps using vitest.config.ts and its two projects.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The parser's time bound reads 100,000-character lines: a guard against slowness, not a judge of
    // behaviour (parser-rules and parser-table are), and under mutation it only turns mutants into timeouts.
    exclude: ['test/unit/core/parser-bounds.test.ts'],
    pool: 'forks',
    reporters: ['default'],
  },
});
