import { defineConfig } from 'vitest/config';

const jsonFile = process.env.VITEST_JSON_FILE;

/** Browser journeys (Playwright with the system's Chromium) against the app on a random port: `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: jsonFile ? ['default', 'json'] : ['default'],
    ...(jsonFile ? { outputFile: { json: jsonFile } } : {}),
  },
});
