/**
 * The data build over files (issue 12): figures.csv read in pieces and folded agency by agency. It must write
 * what the in-memory stages write, whatever the order of the figure rows and wherever the pieces are cut, and
 * build a figure file larger than its heap could hold whole.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/pipeline/csv.ts';
import { readCsvFile } from '../../src/lib/pipeline/csv-stream.ts';
import type { SourceTexts } from '../../src/lib/pipeline/dataset.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { replaceOutputFolder } from '../../src/lib/pipeline/output-folder.ts';
import { agencyLines, figureLines, reportLines, syntheticAgencies } from '../../scripts/bench/synthetic.ts';
import { readTree } from '../helpers.ts';
import { MAX_YEAR, METRICS, NO_CORRECTIONS, VALID, build } from './fixtures.ts';

const run = promisify(execFile);

async function buildData(input: string, out: string, env: Record<string, string> = {}) {
  try {
    const { stderr } = await run(process.execPath, ['scripts/build-data.ts', '--in', input, '--out', out], {
      maxBuffer: 1 << 26,
      env: { ...process.env, ...env },
    });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

async function dataDir(files: Partial<SourceTexts>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stream-in-'));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, `${name}.csv`), text)));
  return dir;
}

const text = (csv: string | Uint8Array) => (typeof csv === 'string' ? csv : new TextDecoder().decode(csv));

/** A deterministic shuffle of the rows of a CSV text (header first). */
function shuffled(csv: string | Uint8Array): string {
  const [header, ...rows] = text(csv).trimEnd().split('\n');
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] ?? '', rows[i] ?? ''];
  }
  return [header, ...rows].join('\n') + '\n';
}

// Runs the build as a child process, which never sees a mutant and cannot load Stryker's sandbox under node_modules.
describe.skipIf(process.env.MUTATION_RUN)('the data build over files', { timeout: 300_000 }, () => {
  it('writes exactly what the in-memory stages produce', async () => {
    const expected = join(await mkdtemp(join(tmpdir(), 'stream-expected-')), 'generated');
    await replaceOutputFolder(expected, generatedFiles(build().dataset));
    const out = join(await mkdtemp(join(tmpdir(), 'stream-out-')), 'generated');
    const { code, stderr } = await buildData(await dataDir(VALID), out);
    expect(code, stderr).toBe(0);
    expect(await readTree(out)).toEqual(await readTree(expected));
  });

  it('gives the same output whatever order the figure rows come in', async () => {
    const [a, b] = [join(await mkdtemp(join(tmpdir(), 'stream-a-')), 'g'), join(await mkdtemp(join(tmpdir(), 'stream-b-')), 'g')];
    expect((await buildData(await dataDir(VALID), a)).code).toBe(0);
    expect((await buildData(await dataDir({ ...VALID, figures: shuffled(VALID.figures) }), b)).code).toBe(0);
    expect(await readTree(b)).toEqual(await readTree(a));
  });

  it('refuses rows the extraction helper proposed until they are reviewed, at their review cell', async () => {
    const [header = '', ...rows] = text(VALID.figures).trimEnd().split('\n');
    const figures = [`${header},review`, ...rows.map((r, i) => `${r},${i === 0 ? 'pending' : 'ok'}`)].join('\n') + '\n';
    const input = await dataDir({ ...VALID, figures });
    const { code, stderr } = await buildData(input, join(await mkdtemp(join(tmpdir(), 'stream-review-')), 'g'));
    expect(code).toBe(1);
    const column = `${rows[0] ?? ''},`.length + 1;
    expect(stderr).toContain(`${input}/figures.csv:2:${column}: review: this row was proposed by the extraction helper and is "pending"`);
    expect(stderr).toContain(`${input}/figures.csv: read ${rows.length}, accepted ${rows.length - 1}, rejected 1`);
  });

  it('builds 6 MB of figures on a 96 MiB heap (held whole they needed ten times that)', async () => {
    const options = { agencies: 48, years: 8, seed: 3, lastYear: MAX_YEAR - 1 };
    const agencies = syntheticAgencies(options);
    const figures = [...figureLines(options, agencies)].join('\n') + '\n';
    expect(Buffer.byteLength(figures)).toBeGreaterThan(6e6);
    const input = await dataDir({
      agencies: [...agencyLines(agencies)].join('\n') + '\n',
      reports: [...reportLines(agencies)].join('\n') + '\n',
      figures,
      metrics: METRICS,
      corrections: NO_CORRECTIONS,
    });
    const out = join(await mkdtemp(join(tmpdir(), 'stream-big-')), 'generated');
    const { code, stderr } = await buildData(input, out, { NODE_OPTIONS: '--max-old-space-size=96' });
    expect(code, stderr.slice(-2000)).toBe(0);
    const rows = figures.trimEnd().split('\n').length - 1;
    expect(stderr).toContain(`${input}/figures.csv: read ${rows}, accepted ${rows}, rejected 0`);
  });
});

describe('reading a CSV file in pieces', () => {
  const tricky =
    '\uFEFFreport_id,metric,value,qualifier,locator,note\r\n' +
    'a,m,1,,"表三, row 一",\r\n' +
    '\r\n' +
    'b,m,2,,x,"two\r\nlines"\n' +
    'c,m,3,,"broken,\n' +
    'd,m,4,,y,\r' +
    'e,m,5,,z,"a ""quoted"" word"\n' +
    'f,m,6\n' +
    'g,m,7,,w,last';

  it.each([1, 2, 3, 5, 8, 13, 4096])(
    'finds the records, problems, lines and columns of the whole file, read %i bytes at a time',
    async (bytes) => {
      const dir = await mkdtemp(join(tmpdir(), 'pieces-'));
      await writeFile(join(dir, 'f.csv'), tricky);
      const whole = parseCsv(tricky);
      const records: { line: number; fields: string[]; positions: unknown }[] = [];
      const problems: unknown[] = [];
      let header: string[] | null = null;
      const stream = readCsvFile(join(dir, 'f.csv'), bytes);
      for await (const part of stream.parts) {
        header ??= part.header;
        records.push(...part.records.map((r) => ({ line: r.line, fields: r.fields, positions: r.positions })));
        problems.push(...part.problems);
      }
      expect(stream.encoding()).toBeNull();
      expect(header).toEqual(whole.header);
      expect(records).toEqual(whole.records.map((r) => ({ line: r.line, fields: r.fields, positions: r.positions })));
      expect(problems).toEqual(whole.problems);
    },
  );

  it('says where the first byte that is not UTF-8 is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pieces-'));
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xb2, 0xe2]), Buffer.from('\n')]);
    await writeFile(join(dir, 'f.csv'), bytes);
    const stream = readCsvFile(join(dir, 'f.csv'), 5);
    let records = 0;
    for await (const part of stream.parts) records += part.records.length;
    expect(records).toBe(2);
    expect(stream.encoding()?.problem).toEqual({ line: 3, column: 3, byte: 0xb2 });
  });
});
