import { defineConfig } from '@playwright/test';

// Every test gets its own persistent Chromium profile with the e2e build of the extension loaded
// (tests/e2e/fixtures.ts). Two workers fit the 2-core machines.
// Service-worker network events reach context.on('request') (used to prove Lotse sends nothing).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// LOTSE_TEST_RESULTS lets parallel runs keep their own results.
const results = process.env.LOTSE_TEST_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'tests/e2e',
  // long scenarios (a whole walkthrough, two browser profiles) on a busy 2-core machine
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // CI runs on other, busier machines: a test that fails is run once more and reported as flaky by
  // scripts/test-all.ts (never silently).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e-results.json` }]],
  outputDir: `${results}/artifacts`,
  use: {
    trace: 'retain-on-failure',
  },
});
