import { writeFileSync, mkdirSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { NEEDS_POSTGRES } from './helpers/postgres';
import { NEEDS_SHARED } from './helpers/shared';

/**
 * Writes the run's counts to test/artifacts/vitest-counts.json for test/run.sh, which prints CI's closing
 * line. A test file that fails to load counts as one failed test. `needsShared` counts the skipped tests
 * whose suite or name carries the NEEDS_SHARED mark (data in ../shared absent, test/helpers/shared.ts),
 * `needsPostgres` those with the NEEDS_POSTGRES mark (no PostgreSQL server, test/helpers/postgres.ts).
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    let needsShared = 0;
    let needsPostgres = 0;
    for (const module of modules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          if (test.fullName.includes(NEEDS_SHARED)) needsShared++;
          if (test.fullName.includes(NEEDS_POSTGRES)) needsPostgres++;
        }
      }
      if (tests === 0 && module.state() === 'failed') failed++;
    }
    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync(
      'test/artifacts/vitest-counts.json',
      JSON.stringify({ passed, failed, skipped, needsShared, needsPostgres }),
    );
  }
}
