/**
 * Builds the site the way a user does (`npm run build`), twice from the test fixture folder (DATA_DIR), once
 * from the hostile fixture (markup and script in every text cell) and once from the bundled data, and serves
 * the results for the browser tests.
 *
 * The builds take minutes and keep about one core busy, so they run in the background: the unit and page tests
 * use the other core meanwhile, and each end-to-end test file waits only for the sites it reads
 * (tests/e2e/built-sites.ts): the two small fixture sites are built first, then the one from data/, so the files
 * that read only those run while data/ builds. The builds run one after another: two Astro builds at once in one
 * project lose files (a stylesheet one build wrote went missing from the other's output when tried).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { AGENCIES, CORRECTIONS, FIGURES, METRICS, NO_CORRECTIONS, REPORTS } from '../unit/fixtures.ts';
import { HOSTILE_AGENCIES, HOSTILE_FIGURES, HOSTILE_METRICS, HOSTILE_REPORTS } from '../unit/hostile-fixtures.ts';
import { serve } from '../../scripts/serve.ts';
import { SITES, type Site } from './sites.ts';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureUrl: string;
    fixtureDist: string;
    fixtureDistAgain: string;
    hostileUrl: string;
    hostileDist: string;
    realUrl: string;
    realDist: string;
    /** The fixture site built for a public URL under a base path (HOSTED). */
    hostedDist: string;
    /** A folder with a file per site, written when it is built: "ok", or why its build failed (built-sites.ts). */
    buildsDone: string;
  }
}

async function buildSite(dataDir: string, work: string, hosting: Record<string, string> = {}): Promise<string> {
  const dist = join(work, 'dist');
  await run('npm', ['run', 'build', '--', '--outDir', dist], {
    env: { ...process.env, DATA_DIR: dataDir, GENERATED_DIR: join(work, 'generated'), TZ: 'UTC', ...hosting },
    maxBuffer: 64 * 1024 * 1024,
  });
  return dist;
}

async function writeData(dir: string, files: Record<string, string>): Promise<string> {
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, `${name}.csv`), text)));
  return dir;
}

/** Where the "hosted" fixture build claims to live: a real origin and a base path, as a deployment would set. */
export const HOSTED = { siteUrl: 'https://disclosure.example.org', basePath: '/dash/' };

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'e2e-'));
  const fixtureData = await writeData(join(root, 'fixture-data'), {
    agencies: AGENCIES,
    reports: REPORTS,
    figures: FIGURES,
    metrics: METRICS,
    corrections: CORRECTIONS,
  });
  const hostileData = await writeData(join(root, 'hostile-data'), {
    agencies: HOSTILE_AGENCIES,
    reports: HOSTILE_REPORTS,
    figures: HOSTILE_FIGURES,
    metrics: HOSTILE_METRICS,
    corrections: NO_CORRECTIONS,
  });
  const dist = (name: string) => join(root, name, 'dist');
  // One marker per site (built-sites.ts), written when the site is built, so a test file starts as soon as the
  // sites it reads exist. One build at a time: two Astro builds at once in one project lost a stylesheet.
  const buildsDone = join(root, 'builds-done');
  await mkdir(buildsDone);
  const build: Record<Site, () => Promise<string>> = {
    fixture: () => buildSite(fixtureData, join(root, 'fixture')),
    hostile: () => buildSite(hostileData, join(root, 'hostile')),
    real: () => buildSite('data', join(root, 'real')),
    'fixture-again': () => buildSite(fixtureData, join(root, 'fixture-again')),
    hosted: () => buildSite(fixtureData, join(root, 'hosted'), { SITE_URL: HOSTED.siteUrl, BASE_PATH: HOSTED.basePath }),
  };
  const builds = (async () => {
    for (const [i, site] of SITES.entries()) {
      try {
        await build[site]();
        await writeFile(join(buildsDone, site), 'ok');
      } catch (error) {
        const { message, stderr } = error as Error & { stderr?: string };
        // The sites after a failed build are never built: say so to the tests waiting for them.
        for (const later of SITES.slice(i))
          await writeFile(join(buildsDone, later), `The ${site} site build failed: ${message}\n${stderr ?? ''}`);
        return;
      }
    }
  })();
  // The servers read files per request, so they can start before the builds have written anything.
  const [fixture, hostile, real] = await Promise.all([serve(dist('fixture')), serve(dist('hostile')), serve(dist('real'))]);
  project.provide('fixtureUrl', fixture.url);
  project.provide('fixtureDist', dist('fixture'));
  project.provide('fixtureDistAgain', dist('fixture-again'));
  project.provide('hostileUrl', hostile.url);
  project.provide('hostileDist', dist('hostile'));
  project.provide('realUrl', real.url);
  project.provide('realDist', dist('real'));
  project.provide('hostedDist', dist('hosted'));
  project.provide('buildsDone', buildsDone);
  return async () => {
    await builds;
    await Promise.all([fixture.close(), hostile.close(), real.close()]);
  };
}
