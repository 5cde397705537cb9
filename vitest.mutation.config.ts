import { defineConfig } from 'vitest/config';

// The unit tests that exercise the mutated code (stryker.config.mjs): the data pipeline, rankings, chart option
// builders and CSV writing. Left out: the extraction helper's tests (src/lib/extract is not mutated) and the
// tests that run the data build as a child process (build-data, careless-input): a child process never sees the
// active mutant, and cannot run Stryker's instrumented TypeScript at all, so they would only fail or add minutes.
// Also left out: the benchmark's synthetic dataset (synthetic.test.ts tests its generator, and its 60-agency build
// would be re-run for nearly every mutant).
process.env.TZ = 'UTC';
// The property tests (build-properties) at 30 runs each instead of npm test's 250: they are re-run for every
// mutant they cover, and a mutant they can catch is caught within the first runs.
process.env.PROPERTY_RUNS ??= '30';
// Tests in files kept for their in-process parts skip what runs the data build as a child process.
process.env.MUTATION_RUN = '1';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: [
      'tests/unit/extract-*.test.ts',
      'tests/unit/careless-input.test.ts',
      'tests/unit/build-data.test.ts',
      'tests/unit/synthetic.test.ts',
    ],
    // Not isolate: false (one module graph for all files): Stryker's setup file, which marks the test each line is
    // reached from and switches the mutant on, then runs for the first test file only, and mutants went untested.
  },
});
