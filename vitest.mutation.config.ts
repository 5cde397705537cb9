import { defineConfig } from 'vitest/config';

// The unit tests that exercise the mutated code (stryker.config.mjs): the data pipeline, rankings, chart option
// builders and CSV writing. Left out: the extraction helper's tests (src/lib/extract is not mutated) and the
// tests that run the data build as a child process (careless-input: a child process never sees the active
// mutant, so it would only add minutes to every run without killing anything).
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/extract-*.test.ts', 'tests/unit/careless-input.test.ts'],
  },
});
