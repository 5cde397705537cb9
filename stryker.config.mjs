// Mutation testing (npm run mutation): StrykerJS with its vitest runner over the data pipeline, rankings, chart
// option builders and CSV writing. docs/testing.md explains the choices and lists every surviving mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Not related mode: vitest cannot trace the tests' imports of .ts files in Stryker's sandbox and finds none.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/lib/pipeline/**/*.ts',
    'src/lib/charts/**/*.ts',
    // The one ECharts import and PNG rasterising: glue around libraries, tested through what they draw.
    '!src/lib/charts/echarts.ts',
    '!src/lib/charts/png.ts',
    // The data build's file handling (input size limit, output folder swap): tested by running the build as a child
    // process (tests/unit/careless-input.test.ts), which never sees Stryker's active mutant.
    '!src/lib/pipeline/output-folder.ts',
    '!src/lib/pipeline/source-files.ts',
    'src/lib/core/csv-write.ts',
  ],
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The machine has two cores shared with other work.
  concurrency: 2,
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
};
