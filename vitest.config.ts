import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Ruleset bundling and real-spec tests take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
