/** The data build command: exit codes, messages on stderr, files written, byte-identical reruns. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTree } from '../helpers.ts';
import { AGENCIES, CORRECTIONS, FIGURES, METRICS, REPORTS, appendLine } from './fixtures.ts';

const run = promisify(execFile);

async function dataDir(figures = FIGURES): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'data-'));
  await writeFile(join(dir, 'agencies.csv'), AGENCIES);
  await writeFile(join(dir, 'reports.csv'), REPORTS);
  await writeFile(join(dir, 'figures.csv'), figures);
  await writeFile(join(dir, 'metrics.csv'), METRICS);
  await writeFile(join(dir, 'corrections.csv'), CORRECTIONS);
  return dir;
}

async function buildData(inDir: string, outDir: string) {
  try {
    const { stderr } = await run(process.execPath, ['scripts/build-data.ts', '--in', inDir, '--out', outDir]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('scripts/build-data.ts', () => {
  it('writes the site index, agency and ranking files and downloads, identically on every run', async () => {
    const input = await dataDir();
    const [a, b] = [await mkdtemp(join(tmpdir(), 'out-')), await mkdtemp(join(tmpdir(), 'out-'))];
    expect((await buildData(input, a)).code).toBe(0);
    expect((await buildData(input, b)).code).toBe(0);
    const [treeA, treeB] = [await readTree(a), await readTree(b)];
    const files = Object.keys(treeA);
    const agencyIds = AGENCIES.trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0] ?? '')
      .sort();
    for (const id of agencyIds) {
      for (const path of [`/agencies/${id}.json`, `/downloads/agencies/${id}.json`]) {
        expect(files).toContain(path);
      }
    }
    for (const path of ['/.data-build', '/downloads/figures.csv.gz', '/downloads/metrics.csv', '/downloads/series.json', '/site.json']) {
      expect(files).toContain(path);
    }
    // Rankings of the bodies' own figures for every ranked metric; whole-jurisdiction totals where any exist.
    expect(files.filter((f) => f.startsWith('/rankings/agency/'))).toEqual([
      '/rankings/agency/appeals.litigation.total.json',
      '/rankings/agency/appeals.review.total.json',
      '/rankings/agency/fees.info_processing.collected_yuan.json',
      '/rankings/agency/proactive.total.json',
      '/rankings/agency/rate.requests_granted.json',
      '/rankings/agency/requests.new.total.json',
    ]);
    expect(files.filter((f) => f.startsWith('/rankings/system/'))).toEqual([
      '/rankings/system/proactive.total.json',
      '/rankings/system/requests.new.total.json',
    ]);
    // Each figure stored once per reader: no whole-dataset JSON (figures.csv.gz holds every figure) and no
    // agency CSV or series file (the site makes them from the agency's JSON).
    expect(files).not.toContain('/downloads/dataset.json');
    expect(files.filter((f) => f.endsWith('.csv'))).toEqual(['/downloads/metrics.csv']);
    expect(files.filter((f) => f.startsWith('/downloads/series/'))).toEqual([]);
    expect(treeA).toEqual(treeB);
    expect(treeA['/downloads/figures.csv.gz']).toContain('511100-jt-2021,gov2021,agency,proactive.total,');
  });

  it('prints every error as file:line:column and a summary, exits 1 and writes nothing', async () => {
    const bad = appendLine(appendLine(FIGURES, '511100-jt-2022,proactive.totl,1,exact,x,'), '511100-jt-2022,requests.handled,-1,exact,x,');
    const input = await dataDir(bad);
    const out = join(await mkdtemp(join(tmpdir(), 'out-')), 'generated');
    const { code, stderr } = await buildData(input, out);
    expect(code).toBe(1);
    const rows = FIGURES.trimEnd().split('\n').length - 1;
    expect(stderr).toContain(`${input}/figures.csv:${rows + 2}:16: metric: unknown metric key "proactive.totl"`);
    expect(stderr).toContain(`${input}/figures.csv:${rows + 3}:33: value: negative value -1`);
    expect(stderr).toContain(`${input}/figures.csv: read ${rows + 2}, accepted ${rows}, rejected 2`);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('lists arithmetic warnings without failing', async () => {
    const { code, stderr } = await buildData(await dataDir(), await mkdtemp(join(tmpdir(), 'out-')));
    expect(code).toBe(0);
    expect(stderr).toContain('warning R4 511100-jt-2022:');
  });
});
