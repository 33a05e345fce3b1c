import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    globals: true,
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // fake-indexeddb, crypto and fast-check runs can be slow on the 2-core machines
    testTimeout: 30_000,
  },
});
