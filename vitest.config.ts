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
    // One module graph per worker instead of one per test file: importing the app's modules
    // again for each of ~200 files was 72 s of the 239 s here. The tests keep no state in
    // modules (each opens its own fake IndexedDB); they pass with the files shuffled too.
    isolate: false,
  },
});
