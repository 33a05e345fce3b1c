import { defineConfig } from '@playwright/test';

// Every test gets its own persistent Chromium profile with the e2e build of the extension loaded
// (tests/e2e/fixtures.ts). Two workers fit the 2-core machines.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    trace: 'retain-on-failure',
  },
});
