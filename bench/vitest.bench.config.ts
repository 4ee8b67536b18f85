import { defineConfig } from 'vitest/config';

// Benchmarks run as ordinary Vitest files that measure, print and never assert on time: budgets
// are read by people from the printed ratios, because timed assertions flake on shared machines.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
