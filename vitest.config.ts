import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'schema', include: ['schema/test/**/*.test.ts'] } },
      { test: { name: 'ingest', include: ['ingest/test/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'store', include: ['services/store/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'api', include: ['services/api/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cli', include: ['services/cli/test/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'eval', include: ['scripts/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
