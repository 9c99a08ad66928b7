import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The build test runs a full `astro build`; give it room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 300_000,
  },
});
