import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // Some unit tests run the CLIs as child processes: allow for a busy 2-core machine.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/site/**'], testTimeout: 30_000 },
      },
      {
        // Tests of the built site: one `astro build` in global setup, shared by every file here.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build-site.ts'],
          hookTimeout: 600_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
