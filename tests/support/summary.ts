/**
 * The closing line of a test run, `tests: N passed, N failed[, N skipped]`. Failures are not only failed
 * tests: a test file that fails to load, an error outside any test (global setup, an unhandled rejection)
 * and a run that ended as failed all count, so the line never says "0 failed" for a failed run.
 */
export interface RunOutcome {
  /** One entry per test: passed, failed or anything else (skipped, todo, pending). */
  testStates: string[];
  /** Files that reported errors of their own (import or collection failed), with no failed test inside. */
  failedFiles: number;
  /** Errors outside any test file. */
  unhandledErrors: number;
  /** How vitest says the run ended. */
  reason: 'passed' | 'failed' | 'interrupted';
}

export function summaryLine(outcome: RunOutcome): string {
  const passed = outcome.testStates.filter((state) => state === 'passed').length;
  const failedTests = outcome.testStates.filter((state) => state === 'failed').length;
  const skipped = outcome.testStates.length - passed - failedTests;
  let failed = failedTests + outcome.failedFiles + outcome.unhandledErrors;
  if (outcome.reason !== 'passed' && failed === 0) failed = 1;
  return `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
