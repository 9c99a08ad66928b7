import { describe, expect, it } from 'vitest';
import { summaryLine } from './support/summary.ts';

describe('the closing line of a test run', () => {
  it('counts passed, failed and skipped tests', () => {
    expect(summaryLine({ testStates: ['passed', 'passed', 'failed', 'skipped'], failedFiles: 0, unhandledErrors: 0, reason: 'failed' }))
      .toBe('tests: 2 passed, 1 failed, 1 skipped');
  });

  it('counts a file that failed to load and an error outside the tests as failures', () => {
    expect(summaryLine({ testStates: ['passed'], failedFiles: 5, unhandledErrors: 1, reason: 'failed' }))
      .toBe('tests: 1 passed, 6 failed');
  });

  it('never says 0 failed when the run failed or was interrupted', () => {
    expect(summaryLine({ testStates: ['passed'], failedFiles: 0, unhandledErrors: 0, reason: 'failed' })).toBe('tests: 1 passed, 1 failed');
    expect(summaryLine({ testStates: [], failedFiles: 0, unhandledErrors: 0, reason: 'interrupted' })).toBe('tests: 0 passed, 1 failed');
  });

  it('says 0 failed for a run that passed', () => {
    expect(summaryLine({ testStates: ['passed', 'passed'], failedFiles: 0, unhandledErrors: 0, reason: 'passed' })).toBe('tests: 2 passed, 0 failed');
  });
});
