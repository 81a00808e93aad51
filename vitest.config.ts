import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default leaves one core free: on the two-core CI machine that is one worker, and
    // the unit tests took 341 s; two workers took 251 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
