import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Journeys that move the server's clock forward (POST /api/dev/clock) run after the others, the
// longest jump last. The browsers keep the real time, so a page that proposes a due time from it
// (the deadline answer form) would propose one in the server's past after a long jump.
const CLOCK_MOVERS = ['deadline-loop.e2e.ts', 'identity-and-links.e2e.ts'];

class ClockMoversLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      CLOCK_MOVERS.findIndex((name) => file.moduleId.endsWith(`/${name}`));
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: ClockMoversLast },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
