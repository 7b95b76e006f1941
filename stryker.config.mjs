// @ts-check
/**
 * `npm run test:mutation`: StrykerJS over the pure rules, judged only by the fast tests
 * (vitest.fast.config.ts, no stores). Incremental: a rerun mutates only what changed since
 * reports/stryker-incremental.json. Reports: reports/mutation/ (HTML + JSON, git-ignored).
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.fast.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/dates.ts',
    'src/core/suggest.ts',
    'src/core/roles.ts',
    'src/core/arg-kinds.ts',
    'src/core/parser.ts',
    'src/platforms/wecom/crypto.ts',
    'src/platforms/dingtalk/verify.ts',
    'src/services/residents/masking.ts',
    // Only the token bucket's arithmetic: the rest (locks, state) is exercised by the store suites.
    'src/storage/memory/memory-coordination.ts:74-87',
  ],
  // Two cores shared with others: one or two sandboxes at a time.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
};
