import { defineConfig } from 'vitest/config';

/**
 * Three projects. `fast`: pure rules (parser, dates, crypto, masking…), no stores, no servers,
 * milliseconds each; `web`: the workbench's Vue components in happy-dom (tests beside them in
 * web/src, config in web/vite.config.ts); `npm test` runs those two first and stops when one fails.
 * `stores`: everything that needs the real MongoDB-compatible store and redis-server, provisioned
 * once per run.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: a few files at a time keeps FerretDB and the fakes responsive.
    maxWorkers: 3,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/unit/**/*.test.ts'] } },
      // The workbench's component tests (happy-dom, Vue plugins from the web app's own Vite config).
      'web/vite.config.ts',
      {
        extends: true,
        test: {
          name: 'stores',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
