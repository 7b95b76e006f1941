import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (stores project on a 2-core box, 2026-12-02). They
 * start first so that the rest fill the other workers around them: vitest orders files by the
 * durations it remembers in node_modules/.vite, and CI's `npm ci` starts without them, so it fell
 * back to "larger files first" and these short files (three-instances.test.ts is 88 lines for
 * 170 s) started last and ran alone at the end of the run.
 */
export const LONGEST_FIRST = [
  'test/resilience/three-instances.test.ts',
  // Its November fixture files 122 opinions through chat before the first test: started last, it ran alone
  // for minutes at the end of the run (472-528 s at load ~25, 2026-12-02).
  'test/services/records/rates-and-records.test.ts',
  'test/scheduler/outbox-three-instances.test.ts',
  'test/cli/import.test.ts',
  'test/hostile/hostile-corpus.test.ts',
  'test/cli/operations.test.ts',
  'test/security/csv-formula-injection.test.ts',
  'test/resilience/redis-outage.test.ts',
  'test/resilience/aibot-failover.test.ts',
  'test/scheduler/outbox-rate-limit.test.ts',
  'test/cli/export-agrees.test.ts',
  'test/resilience/mongo-outage.test.ts',
];

/**
 * Vitest's own order (remembered durations, else size), with {@link LONGEST_FIRST} moved to the front.
 * Projects run in one pool when `npm test` names several (app and stores): the listed files go first
 * whichever project they are in, so the longest stores files start at once and the app's short files
 * fill the other workers around them.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array#sort is stable: the rest keep vitest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
