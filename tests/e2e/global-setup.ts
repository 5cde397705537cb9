/**
 * Builds the site the way a user does (`npm run build`), twice from the test fixture folder (DATA_DIR) and
 * once from the bundled data, and serves the results for the browser tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { AGENCIES, FIGURES, METRICS, REPORTS } from '../unit/fixtures.ts';
import { serve } from './server.ts';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureUrl: string;
    fixtureDist: string;
    fixtureDistAgain: string;
    realUrl: string;
    realDist: string;
  }
}

async function buildSite(dataDir: string, work: string): Promise<string> {
  const dist = join(work, 'dist');
  await run('npm', ['run', 'build', '--', '--outDir', dist], {
    env: { ...process.env, DATA_DIR: dataDir, GENERATED_DIR: join(work, 'generated'), TZ: 'UTC' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return dist;
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'e2e-'));
  const fixtureData = join(root, 'fixture-data');
  await run('mkdir', ['-p', fixtureData]);
  await Promise.all(
    Object.entries({ agencies: AGENCIES, reports: REPORTS, figures: FIGURES, metrics: METRICS }).map(([name, text]) =>
      writeFile(join(fixtureData, `${name}.csv`), text),
    ),
  );
  const fixtureDist = await buildSite(fixtureData, join(root, 'fixture'));
  const fixtureDistAgain = await buildSite(fixtureData, join(root, 'fixture-again'));
  const realDist = await buildSite('data', join(root, 'real'));
  const [fixture, real] = await Promise.all([serve(fixtureDist), serve(realDist)]);
  project.provide('fixtureUrl', fixture.url);
  project.provide('fixtureDist', fixtureDist);
  project.provide('fixtureDistAgain', fixtureDistAgain);
  project.provide('realUrl', real.url);
  project.provide('realDist', realDist);
  return async () => {
    await Promise.all([fixture.close(), real.close()]);
  };
}
