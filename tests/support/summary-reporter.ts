import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';
import { summaryLine } from './summary.ts';

/**
 * Ends the run with one plain line, `tests: N passed, N failed[, N skipped]`, which any CI log reader
 * understands without knowing vitest's own summary format (see summary.ts for what counts as failed).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    const testStates: string[] = [];
    let failedFiles = 0;
    for (const module of testModules) {
      const states = [...module.children.allTests()].map((test) => test.result().state);
      testStates.push(...states);
      const moduleFailed = module.errors().length > 0 || module.state() === 'failed';
      if (moduleFailed && !states.includes('failed')) failedFiles++;
    }
    console.log(`\n${summaryLine({ testStates, failedFiles, unhandledErrors: unhandledErrors.length, reason })}`);
  }
}
