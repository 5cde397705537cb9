import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SitesBuiltFirst } from './tests/e2e/sequencer.ts';

// Three projects: fast unit tests of the data build and chart builders, page templates rendered with Astro's
// container API (vitest.pages.config.ts), and end-to-end tests that build the site, serve it and drive
// Debian's Chromium. TZ is pinned so nothing depends on the machine's zone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    // At least two workers: an end-to-end file waits for the site builds it reads (tests/e2e/built-sites.ts) while
    // the unit and page tests run beside the builds.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // End-to-end files in the order their sites are built, so the ones reading the fixture sites run while the
    // site from data/ builds (tests/e2e/sequencer.ts).
    sequence: { sequencer: SitesBuiltFirst },
    projects: [
      // Some unit tests run the data build as a child process; on a machine shared with other builds that can
      // take longer than vitest's default 5 s. The timeout only catches a hang, it measures nothing.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      './vitest.pages.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
