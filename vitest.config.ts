import { defineConfig } from 'vitest/config';

// hooks (a store of fixtures built in beforeAll, a corpus generated) get as long as the tests: the
// default 10 s is short on a loaded CI machine, where a generator hook once ran out
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'schema', include: ['schema/test/**/*.test.ts'] } },
      { test: { name: 'ingest', include: ['ingest/test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'store', include: ['services/store/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'api', include: ['services/api/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'cli', include: ['services/cli/test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'eval', include: ['scripts/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
