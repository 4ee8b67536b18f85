import { defineConfig } from 'vitest/config';

// CI sets MMDMA_TEST_REPORT so .ci/run can print one "N passed, N failed" line for all suites.
const reportFile = process.env.MMDMA_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Vitest's default on two cores is one file at a time; browser and hub tests mostly wait on
    // other processes (Chromium, Firefox, the hub, PostgreSQL), so two files at once finish sooner.
    maxWorkers: Number(process.env.MMDMA_TEST_WORKERS ?? 2),
    environment: 'node',
    // Browser tests build the app and drive real Chromium; they need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: reportFile ? ['default', 'json'] : ['default'],
    ...(reportFile ? { outputFile: { json: reportFile } } : {}),
  },
});
