import { defineConfig } from 'vitest/config';

// CI sets MMDMA_TEST_REPORT so .ci/run can print one "N passed, N failed" line for all suites.
const reportFile = process.env.MMDMA_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Browser tests build the app and drive real Chromium; they need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: reportFile ? ['default', 'json'] : ['default'],
    ...(reportFile ? { outputFile: { json: reportFile } } : {}),
  },
});
