import { defineConfig } from 'vitest/config';

// Browser journeys: one server (started in global-setup.ts) and one file at a time, because the
// machine has two cores and Chromium plus PostgreSQL plus the server already fill them.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    env: { TZ: 'UTC' },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
