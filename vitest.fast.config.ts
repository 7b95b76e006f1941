import { defineConfig } from 'vitest/config';

/**
 * The fast project alone, for Stryker: test/unit/** with no globalSetup, so a mutation run never
 * starts FerretDB or redis-server. `npm test` keeps using vitest.config.ts and its two projects.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'forks',
    reporters: ['default'],
  },
});
